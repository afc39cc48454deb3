import type { StoredTrial } from '../store/types'

/**
 * Search text of one record, NFC lower-cased, fields separated by U+0001 (so no term matches across fields), in
 * two strings: `ascii` holds the fields that are pure ASCII (V8 keeps them one byte per character, half the
 * memory), `wide` the others. A term with a non-ASCII character can only match in `wide`; an ASCII term in either.
 */
export interface SearchText {
  ascii: string
  wide: string
}

export const FIELD_SEPARATOR = '\u0001'
const NON_ASCII = /[^\x00-\x7f]/
/** Common values longer than this (titles) are copied verbatim from a field by every source, so already searched. */
const SHORT_COMMON_VALUE = 64

function collectText(value: unknown, out: string[]): void {
  if (typeof value === 'string') {
    if (value !== '') out.push(value)
  } else if (typeof value === 'number') out.push(String(value))
  else if (Array.isArray(value)) for (const item of value) collectText(item, out)
  else if (typeof value === 'object' && value !== null)
    for (const key in value) collectText((value as Record<string, unknown>)[key], out)
  // Booleans and null are not text.
}

export function searchTextOf(trial: StoredTrial): SearchText {
  const parts: string[] = [trial.sourceId]
  collectText(trial.fields, parts)
  for (const value of Object.values(trial.common)) {
    if (typeof value === 'string' && value.length <= SHORT_COMMON_VALUE) parts.push(value)
  }
  const ascii: string[] = []
  const wide: string[] = []
  for (const part of parts) (NON_ASCII.test(part) ? wide : ascii).push(part)
  // ASCII needs no normalising; the rest is normalised once per record (U+0001 is a starter: NFC never composes
  // across it).
  return {
    ascii: ascii.join(FIELD_SEPARATOR).toLowerCase(),
    wide: wide.length === 0 ? '' : wide.join(FIELD_SEPARATOR).normalize('NFC').toLowerCase(),
  }
}
