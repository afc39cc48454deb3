import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../renderer/src/App'
import { installTestApi, type TestApiOptions } from './coreBackedApi'

/** Renders the whole app against a fresh window.api over the real core (coreBackedApi) and waits for the first list. */
export async function renderApp(options?: TestApiOptions) {
  const backend = installTestApi(options)
  const user = userEvent.setup()
  const view = render(<App />)
  await screen.findByRole('navigation', { name: /화면|Screens/ })
  return { backend, user, ...view }
}
