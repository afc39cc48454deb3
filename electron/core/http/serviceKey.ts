/**
 * data.go.kr issues every key in two forms: the "Encoding" key (`%2B`, `%2F`, `%3D`) and the "Decoding" key (raw
 * `+ / =`). The server must receive it percent-encoded exactly once: a raw `+` arrives as a space and an encoded key
 * encoded again (`%252B`) is rejected, both as "unregistered key".
 */

const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/

/** The decoded ("Decoding") form of either key form. Decodes only when the key holds %XX escapes. */
export function normalizeServiceKey(key: string): string {
  const trimmed = key.trim()
  if (!PERCENT_ESCAPE.test(trimmed)) return trimmed
  try {
    return decodeURIComponent(trimmed)
  } catch {
    // A malformed escape cannot be the Encoding key; send it as typed and let the server judge it.
    return trimmed
  }
}

/** The key as it must appear in a query string: the decoded key, percent-encoded once. */
export function encodeServiceKey(key: string): string {
  return encodeURIComponent(normalizeServiceKey(key))
}

export type QueryValue = string | number | boolean | undefined

/**
 * Builds `a=1&b=2` ourselves so axios never touches (and never re-encodes) the key.
 * `serviceKey` goes first, as the portal's own samples do.
 */
export function buildQueryString(params: Readonly<Record<string, QueryValue>>, serviceKey?: string): string {
  const parts: string[] = []
  if (serviceKey !== undefined) parts.push(`serviceKey=${encodeServiceKey(serviceKey)}`)
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue
    parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
  }
  return parts.join('&')
}

/** `url` with the query appended (keeps any query the url already has). */
export function withQuery(url: string, query: string): string {
  if (!query) return url
  return url + (url.includes('?') ? '&' : '?') + query
}
