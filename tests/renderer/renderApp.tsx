import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../renderer/src/App'
import { installFakeApi, type FakeApiOptions } from './fakeApi'

/** Renders the whole app against a fresh fake window.api and waits for the first list. */
export async function renderApp(options?: FakeApiOptions) {
  const fake = installFakeApi(options)
  const user = userEvent.setup()
  const view = render(<App />)
  await screen.findByRole('navigation', { name: /화면|Screens/ })
  return { fake, user, ...view }
}
