import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// findBy* waits for what the user would see; 1 s (the default) is not enough while `npm test` runs the e2e and
// core projects beside this one on two cores (a heading once took longer under that load).
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  cleanup()
})
