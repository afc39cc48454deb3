import type { TrialSummary } from '../../../shared/trials'
import { synonymsOf } from '../clinical/conditionSynonyms'
import type { TrialIndex } from './trialIndex'
import { searchTextBytesAt, searchTextColumnOf } from './searchTextColumn'
import { markCandidates } from './textSignature'

/** One search term: a record matches when its text contains any of the alternatives (the term or its synonyms). */
export interface SearchTerm {
  alternatives: string[]
}

/** Words longest-first: "lung cancer" is one condition, found before "lung" and "cancer" alone. */
const MAX_PHRASE_WORDS = 4

/**
 * The query's words (NFC, lower case) as terms, a condition name of several words as one term, each expanded by the
 * condition synonym table ("diabetes" also finds 당뇨병, "당뇨" also finds diabetes).
 */
export function parseSearchTerms(words: readonly string[]): SearchTerm[] {
  const terms: SearchTerm[] = []
  for (let i = 0; i < words.length;) {
    let taken = 1
    let synonyms: readonly string[] | undefined
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1; n--) {
      synonyms = synonymsOf(words.slice(i, i + n).join(' '))
      if (synonyms) {
        taken = n
        break
      }
    }
    const phrase = words.slice(i, i + taken).join(' ')
    terms.push({ alternatives: synonyms ? [...new Set([phrase, ...synonyms])] : [phrase] })
    i += taken
  }
  return terms
}

/**
 * A compiled text search: `matches(position)` is true when the record's search text contains every term (any of
 * its alternatives). The signatures rule out most records in a few sequential passes; the candidates are checked
 * byte-wise.
 */
export function compileTextMatch(
  index: TrialIndex,
  terms: readonly SearchTerm[],
  /** Extra text per position (the user's private notes, NFC lower-cased): a term may match there too. */
  extraTexts?: ReadonlyMap<number, string>,
): (position: number) => boolean {
  const searchText = searchTextColumnOf(index.text)
  const { signatures } = searchText
  const count = index.entries.length
  const candidates = new Uint8Array(count).fill(1)
  for (const term of terms) {
    if (term.alternatives.length === 1) {
      markCandidates(signatures, count, term.alternatives[0], candidates)
      continue
    }
    // Any alternative may match: a record stays a candidate if one alternative's signature allows it.
    const any = new Uint8Array(count)
    for (const alternative of term.alternatives) {
      const one = new Uint8Array(count).fill(1)
      markCandidates(signatures, count, alternative, one)
      for (let p = 0; p < count; p++) any[p] |= one[p]
    }
    for (let p = 0; p < count; p++) candidates[p] &= any[p]
  }
  // Record texts are UTF-8 bytes (see searchTextColumn.ts): each alternative is searched as its UTF-8 bytes.
  const checks = terms.map((term) => term.alternatives.map((text) => ({ text, bytes: Buffer.from(text, 'utf8') })))
  return (position) => {
    const extra = extraTexts?.get(position)
    // A note is not in the signature: a record with one is checked in full.
    if (extra === undefined && candidates[position] === 0) return false
    const text = searchTextBytesAt(searchText, position)
    for (const alternatives of checks) {
      let found = false
      for (const alternative of alternatives) {
        if (text.indexOf(alternative.bytes) !== -1 || (extra !== undefined && extra.includes(alternative.text))) {
          found = true
          break
        }
      }
      if (!found) return false
    }
    return true
  }
}

/** The alternatives that occur in the item's title or English title (what the list highlights). */
export function matchedTermsOf(item: Pick<TrialSummary, 'title' | 'titleEn'>, terms: readonly SearchTerm[]): string[] {
  const shown = `${item.title}\u0001${item.titleEn ?? ''}`.normalize('NFC').toLowerCase()
  const found = new Set<string>()
  for (const term of terms) for (const text of term.alternatives) if (shown.includes(text)) found.add(text)
  return [...found]
}
