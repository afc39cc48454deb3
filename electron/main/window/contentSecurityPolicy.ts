/**
 * The renderer loads only local files and talks to nothing but the main process, so the policy is closed.
 * Development adds what the Vite dev server needs (its origin, HMR websocket, injected styles).
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null
  const devOrigin = dev ? ` ${dev.origin}` : ''
  const devSocket = dev ? ` ws://${dev.host}` : ''
  return [
    "default-src 'self'",
    `script-src 'self'${devOrigin}`,
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}${devOrigin}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${devOrigin}${devSocket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
