import type { TrialIndex } from './trialIndex'
import { markCandidates } from './textSignature'

const NON_ASCII = /[^\x00-\x7f]/

/**
 * A compiled text search: `matches(position)` is true when the record's search text contains every term.
 * The signatures rule out most records in a few sequential passes; the candidates are checked with `includes`.
 */
export function compileTextMatch(
  index: TrialIndex,
  terms: readonly string[],
  /** Extra text per position (the user's private notes, NFC lower-cased): a term may match there too. */
  extraTexts?: ReadonlyMap<number, string>,
): (position: number) => boolean {
  const { signatures, asciiTexts, wideTexts } = index
  const count = index.entries.length
  const candidates = new Uint8Array(count).fill(1)
  for (const term of terms) markCandidates(signatures, count, term, candidates)
  const checks = terms.map((term) => ({ term, asciiToo: !NON_ASCII.test(term) }))
  return (position) => {
    const extra = extraTexts?.get(position)
    if (extra !== undefined) {
      return checks.every(({ term, asciiToo }) =>
        extra.includes(term) || wideTexts[position].includes(term) || (asciiToo && asciiTexts[position].includes(term)))
    }
    if (candidates[position] === 0) return false
    for (const { term, asciiToo } of checks) {
      if (!wideTexts[position].includes(term) && !(asciiToo && asciiTexts[position].includes(term))) return false
    }
    return true
  }
}
