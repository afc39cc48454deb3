import type { TrialIndex } from './trialIndex'

/** Marks (1) the records whose search text contains `term`: `indexOf` over the index's one search string. */
function matchTerm(index: TrialIndex, term: string): Uint8Array {
  const { searchBlob, searchStarts } = index
  const count = index.entries.length
  const hits = new Uint8Array(count)
  let position = 0
  let at = searchBlob.indexOf(term)
  while (at !== -1) {
    // Hits come in increasing order, so the owning record is found by walking forward (linear over the whole scan).
    while (searchStarts[position + 1] <= at) position++
    if (at + term.length <= searchStarts[position + 1]) hits[position] = 1
    if (++position >= count) break
    at = searchBlob.indexOf(term, searchStarts[position])
  }
  return hits
}

/** Marks (1) the records whose search text contains every term. */
export function matchTerms(index: TrialIndex, terms: readonly string[]): Uint8Array {
  const count = index.entries.length
  let result: Uint8Array | null = null
  for (const term of terms) {
    const hits = matchTerm(index, term)
    if (result) for (let i = 0; i < count; i++) result[i] &= hits[i]
    else result = hits
  }
  return result ?? new Uint8Array(count).fill(1)
}
