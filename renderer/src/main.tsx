import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// The base sheet first: each screen's own sheet (imported by the screen) comes after it and may refine it.
import './base.css'
import { App } from './App'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
