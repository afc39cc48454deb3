/** External links open in the system browser only for https URLs on these hosts (never arbitrary URLs from data). */
export const EXTERNAL_HOST_ALLOW_LIST = [
  'data.go.kr',
  'www.data.go.kr',
  'cris.nih.go.kr',
  'trialsearch.who.int',
  'clinicaltrials.gov',
] as const

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  return (EXTERNAL_HOST_ALLOW_LIST as readonly string[]).includes(url.hostname.toLowerCase())
}
