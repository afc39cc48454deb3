import type { TrialSummary } from '../../../shared/trials'
import { synonymsOf } from '../clinical/conditionSynonyms'
import type { TrialIndex } from './trialIndex'
import { searchTextColumnOf } from './searchTextColumn'
import { candidatesOf, everyPosition } from './textSignature'

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
 * A compiled text search. `candidates` (ascending) are the records the signatures allow (and those with a note);
 * `isCandidate[p]` says the same per position; `verify(p)` checks candidate p byte-wise: true when its search text
 * contains every term (any of its alternatives).
 */
export interface TextMatch {
  candidates: Int32Array
  isCandidate: Uint8Array
  verify: (position: number) => boolean
}

/** The union of two ascending position lists. */
function unionOf(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length)
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]
    const y = b[j]
    out[n++] = x <= y ? x : y
    if (x <= y) i++
    if (y <= x) j++
  }
  while (i < a.length) out[n++] = a[i++]
  while (j < b.length) out[n++] = b[j++]
  return out.subarray(0, n)
}

/** Per index: the marks of the last search's candidates, cleared and reused by the next (queries run one at a time). */
const candidateMarks = new WeakMap<TrialIndex, { marks: Uint8Array; marked: Int32Array }>()

/**
 * `isCandidate` for `candidates`. Reused per index: a fresh array per query is fresh memory to fault in (and, outside
 * the JS heap, a nudge towards a garbage collection in a later query).
 */
function candidateMarksOf(index: TrialIndex, candidates: Int32Array): Uint8Array {
  let last = candidateMarks.get(index)
  if (!last)
    candidateMarks.set(index, (last = { marks: new Uint8Array(index.entries.length), marked: new Int32Array(0) }))
  const { marks } = last
  for (let i = 0; i < last.marked.length; i++) marks[last.marked[i]] = 0
  for (let i = 0; i < candidates.length; i++) marks[candidates[i]] = 1
  last.marked = candidates
  return marks
}

/** Per index: the answers buffer of the last search, cleared and reused by the next (see candidateMarksOf). */
const valueAnswers = new WeakMap<TrialIndex, Uint8Array>()

function answersOf(index: TrialIndex, length: number): Uint8Array {
  let answers = valueAnswers.get(index)
  if (!answers || answers.length < length) valueAnswers.set(index, (answers = new Uint8Array(length)))
  else answers.fill(0, 0, length)
  return answers
}

/**
 * Compiles a text search over the index's search text (see TextMatch). The signatures rule out most records in a
 * few sequential passes; the candidates are checked byte-wise.
 */
export function compileTextMatch(
  index: TrialIndex,
  terms: readonly SearchTerm[],
  /** Extra text per position (the user's private notes, NFC lower-cased): a term may match there too. */
  extraTexts?: ReadonlyMap<number, string>,
): TextMatch {
  const searchText = searchTextColumnOf(index.text)
  const { signatures, ids, starts, ends } = searchText
  const count = index.entries.length
  let candidates: Int32Array | null = null
  for (const term of terms) {
    let any: Int32Array | null = null
    // Any alternative may match: a record stays a candidate if one alternative's signature allows it.
    for (const alternative of term.alternatives) {
      const one = candidatesOf(signatures, count, alternative, candidates)
      any = any === null ? one : unionOf(any, one)
    }
    if (any !== null) candidates = any
  }
  candidates ??= everyPosition(count)
  // A note is not in the signature: a record with one is checked in full.
  if (extraTexts && extraTexts.size > 0)
    candidates = unionOf(candidates, Int32Array.from([...extraTexts.keys()].sort((a, b) => a - b)))
  const isCandidate = candidateMarksOf(index, candidates)
  // Each alternative is searched for as its UTF-8 bytes in a record's values (see searchTextColumn.ts), each value
  // at most once per query: what it answered is kept in `answers` (many records share a value). Flat arrays and
  // counted loops: the JIT kept discarding code that iterated the per-query arrays with for-of.
  const plainTexts = terms.flatMap((term) => term.alternatives)
  const needles = plainTexts.map((text) => Buffer.from(text, 'utf8'))
  /** Term t's alternatives are needles[termEnds[t - 1] .. termEnds[t]). */
  const termEnds = new Int32Array(terms.length)
  for (let t = 0, end = 0; t < terms.length; t++) termEnds[t] = end += terms[t].alternatives.length
  const { values } = searchText
  const valueCount = values.count
  /** Per alternative a and value v, at a * valueCount + v: 0 not yet asked, 1 absent, 2 present. */
  const answers = answersOf(index, needles.length * valueCount)
  const contains = (v: number, a: number): boolean => {
    const at = a * valueCount + v
    let answer = answers[at]
    if (answer === 0) {
      const start = values.starts[v]
      const end = values.starts[v + 1]
      answer = answers[at] =
        end - start >= needles[a].length && values.bytes.subarray(start, end).indexOf(needles[a]) !== -1 ? 2 : 1
    }
    return answer === 2
  }
  const verify = (position: number): boolean => {
    const extra = extraTexts === undefined ? undefined : extraTexts.get(position)
    const first = starts[position]
    const last = ends[position]
    let a = 0
    for (let t = 0; t < termEnds.length; t++) {
      let found = false
      for (; a < termEnds[t] && !found; a++) {
        for (let k = first; k < last && !found; k++) found = contains(ids[k], a)
        if (!found && extra !== undefined) found = extra.includes(plainTexts[a])
      }
      if (!found) return false
      a = termEnds[t]
    }
    return true
  }
  return { candidates, isCandidate, verify }
}

/**
 * The alternatives that occur in what the list shows of the item and highlights: its title, English title and
 * conditions (a trial found by its condition alone says why in its conditions column).
 */
export function matchedTermsOf(
  item: Pick<TrialSummary, 'title' | 'titleEn' | 'conditions'>,
  terms: readonly SearchTerm[],
): string[] {
  const shown = [item.title, item.titleEn ?? '', ...(item.conditions ?? [])]
    .join('\u0001')
    .normalize('NFC')
    .toLowerCase()
  const found = new Set<string>()
  for (const term of terms) for (const text of term.alternatives) if (shown.includes(text)) found.add(text)
  return [...found]
}
