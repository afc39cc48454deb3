/**
 * Navigation and new windows are refused for the app window. A window.open / target=_blank link to an allow-listed
 * https URL is handed to the system browser instead; anything else is dropped.
 */
import type { WebContents } from 'electron'
import { isAllowedExternalUrl } from './externalLinks'

type HardenableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

export function hardenWebContents(contents: HardenableWebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}
