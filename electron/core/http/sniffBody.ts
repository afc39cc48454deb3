/**
 * Classifies a response body by its content, not its content-type: the portal's gateways answer JSON requests with
 * XML error envelopes, HTML maintenance pages or plain `Forbidden`, often with HTTP 200.
 */
export type SniffedBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'xml'; text: string }
  | { kind: 'html'; text: string }
  | { kind: 'text'; text: string }

export function sniffBody(body: string): SniffedBody {
  const text = body.replace(/^\uFEFF/, '').trim()
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown }
    } catch {
      return { kind: 'text', text }
    }
  }
  const head = text.slice(0, 512).toLowerCase()
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body)[\s>]/.test(head)) {
    return { kind: 'html', text }
  }
  if (head.startsWith('<')) return { kind: 'xml', text }
  return { kind: 'text', text }
}

/** A short, single-line excerpt of a body for diagnostics (callers still redact it). */
export function bodyExcerpt(body: string, max = 120): string {
  const line = body.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}
