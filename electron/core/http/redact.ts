/**
 * Removes the data.go.kr service key from any text before it reaches a log line, an error message or a file.
 * Axios errors carry the full request URL, so the key can show up raw, encoded once, encoded twice (when an
 * Encoding key was pasted and encoded again), or `+` rendered as a space.
 */
import { normalizeServiceKey } from './serviceKey'

export const REDACTED = '***'

/** Every `serviceKey=` / `ServiceKey=` query value, whatever key it holds. */
const SERVICE_KEY_PARAM = /(serviceKey=)[^&\s"'<>#]*/gi
/** `Authorization: Infuser <key>` header values (odcloud's alternative to the query parameter). */
const INFUSER_HEADER = /(Infuser\s+)[^\s"',}]+/g

/**
 * Every spelling of the key worth scrubbing, longest first so a double-encoded form is not half-replaced by its
 * shorter cousin. Very short forms are left out: they would shred ordinary text, and real keys are long.
 */
export function serviceKeyForms(key: string): string[] {
  const decoded = normalizeServiceKey(key)
  if (!decoded) return []
  const once = encodeURIComponent(decoded)
  const twice = encodeURIComponent(once)
  const forms = new Set([
    key.trim(),
    decoded,
    once,
    twice,
    once.toLowerCase(),
    twice.toLowerCase(),
    decoded.replace(/\+/g, ' '),
  ])
  return [...forms].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length)
}

export function redactSecrets(text: string, key?: string | null): string {
  let out = text.replace(SERVICE_KEY_PARAM, `$1${REDACTED}`).replace(INFUSER_HEADER, `$1${REDACTED}`)
  if (key) {
    for (const form of serviceKeyForms(key)) out = out.split(form).join(REDACTED)
  }
  return out
}
