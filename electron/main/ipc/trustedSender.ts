/**
 * IPC calls are answered only for the app's own renderer: its built files (file:// under out/renderer) or, in
 * development, the electron-vite dev server. Anything else (a navigated-away frame, an iframe) is refused.
 */
import { pathToFileURL } from 'node:url'

export interface TrustedRenderer {
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string
  /** ELECTRON_RENDERER_URL in development, else undefined. */
  devServerUrl?: string
}

export function isTrustedSenderUrl(senderUrl: string | null | undefined, trusted: TrustedRenderer): boolean {
  if (!senderUrl) return false
  let url: URL
  try {
    url = new URL(senderUrl)
  } catch {
    return false
  }
  if (url.protocol === 'file:') {
    const base = pathToFileURL(trusted.rendererDir).href.replace(/\/?$/, '/')
    // new URL() normalises "..", so a path that escapes the folder no longer starts with it.
    return url.href.startsWith(base)
  }
  if (trusted.devServerUrl) {
    try {
      return url.origin === new URL(trusted.devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}
