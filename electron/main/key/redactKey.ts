import { REDACTED, serviceKeyForms } from '../../core/http/redact'

/**
 * Defence in depth: the core already keeps the key out of its messages, but nothing that crosses to the renderer
 * may contain it, so every IPC result and event payload passes through here. It scrubs the same spellings as the
 * core's redactSecrets (Decoding and Encoding key, encoded twice, `+` as a space), with the same placeholder.
 */
export function redactKey<T>(value: T, key: string | undefined): T {
  if (!key || key.length < 4) return value
  const forms = serviceKeyForms(key)
  const scrub = (s: string): string => forms.reduce((acc, form) => acc.split(form).join(REDACTED), s)
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return forms.some((form) => v.includes(form)) ? scrub(v) : v
    if (Array.isArray(v)) return v.map(walk)
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, inner] of Object.entries(v)) out[k] = walk(inner)
      return out
    }
    return v
  }
  return walk(value) as T
}
