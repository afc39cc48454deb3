/**
 * Canonical form of a field value, used only to decide whether a value really changed.
 * Formatting-only differences collapse: surrounding white space, CRLF/CR vs LF, NFC vs NFD,
 * null vs "" vs a missing key (all → null), 120 vs "120", and `2011/07/18` vs `2011-07-18`.
 * Stored values stay exactly as the source sent them; this is never written to disk.
 */
export type Canonical = string | boolean | null | Canonical[] | { [key: string]: Canonical }

const SLASH_DATE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?=$|[ T])/
const HYPHEN_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[ T])/

const NON_ASCII = /[^\x00-\x7f]/

function canonicalString(text: string): string | null {
  // The checks before each step skip the work for the common case (no CR, ASCII, not a date).
  let s = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  if (NON_ASCII.test(s)) s = s.normalize('NFC')
  s = s.trim()
  if (s === '') return null
  const first = s.charCodeAt(0)
  if (first < 48 || first > 57) return s
  // Dates: slashes or unpadded parts mean the same day as the zero-padded ISO form.
  const date = SLASH_DATE.exec(s) ?? HYPHEN_DATE.exec(s)
  if (date) {
    s = `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}${s.slice(date[0].length)}`
  }
  return s
}

export function canonicalValue(value: unknown): Canonical {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return canonicalString(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean') return value
  if (typeof value === 'bigint') return value.toString()
  if (Array.isArray(value)) {
    const items = value.map(canonicalValue)
    return items.length === 0 ? null : items
  }
  if (typeof value === 'object') {
    const out: { [key: string]: Canonical } = {}
    for (const key of Object.keys(value).sort()) {
      const v = canonicalValue((value as Record<string, unknown>)[key])
      if (v !== null) out[key] = v
    }
    return Object.keys(out).length === 0 ? null : out
  }
  return null
}

/** True when two values are identical as received (same JSON data), without any normalising. */
export function identicalValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!identicalValue(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  let keys = 0
  for (const key in x) {
    if (!Object.hasOwn(y, key) || !identicalValue(x[key], y[key])) return false
    keys++
  }
  for (const _key in y) if (--keys < 0) return false
  return keys === 0
}

/** True when two values differ only in formatting. */
export function sameValue(a: unknown, b: unknown): boolean {
  // Fast path for the common no-change case: identical strings need no normalisation.
  if (typeof a === 'string' && a === b) return true
  const ca = canonicalValue(a)
  const cb = canonicalValue(b)
  if (ca === cb) return true
  if (typeof ca !== 'object' || typeof cb !== 'object' || ca === null || cb === null) return false
  return JSON.stringify(ca) === JSON.stringify(cb)
}

/** A value's canonical text for exact-value filters and facets (objects and arrays → JSON). */
export function canonicalText(value: unknown): string | null {
  const c = canonicalValue(value)
  if (c === null) return null
  return typeof c === 'string' ? c : JSON.stringify(c)
}
