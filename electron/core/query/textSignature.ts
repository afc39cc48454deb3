import { FIELD_SEPARATOR } from './recordSearchText'

/**
 * A per-record bit set (2,048 bits) of the features of its search text: each non-ASCII character (a Hangul
 * syllable says a lot) with the character before it, and each ASCII character with the two before it (English
 * letter pairs are all common, triples are not). A record can contain a term only if it has every feature of the
 * term, so a search checks a few bits per record and verifies only the candidates. ASCII terms shorter than three
 * characters have no features and are verified against every record.
 *
 * 2,048 bits, not 4,096: half the memory (25 MB at 100,000 records) for ~5% more candidates on the bench's terms
 * (metformin 4,885 → 5,107 for 4,737 matches), whose verification is cheap now that it asks each distinct value once
 * per query (see compileTextMatch).
 */
const SIGNATURE_WORDS = 64
/** A feature's bit: the top bits of its hash, as many as number the signature's 2,048 bits. */
const FEATURE_SHIFT = 32 - Math.log2(SIGNATURE_WORDS * 32)
const SEPARATOR = FIELD_SEPARATOR.charCodeAt(0)

const mix = (a: number, b: number, c: number) =>
  Math.imul(Math.imul(a, 0x01000193) ^ Math.imul(b, 0x85ebca77) ^ c, 0x9e3779b1) >>> FEATURE_SHIFT

/** Calls `add(bit)` for every feature of `text` (the same for a record's text and for a term). */
function forEachFeature(text: string, add: (bit: number) => void): void {
  let before = SEPARATOR
  let previous = SEPARATOR
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === SEPARATOR) {
      /* fields never match across the separator */
    } else if (c > 0x7f) {
      add(mix(0, 0, c))
      if (previous !== SEPARATOR) add(mix(0, previous, c))
    } else if (previous !== SEPARATOR && before !== SEPARATOR) add(mix(before, previous, c))
    before = previous
    previous = c
  }
}

/**
 * The signatures of up to `capacity` records, stored word-major (word w of record p at w * stride + p, the stride
 * being the capacity), so a search reads each word it needs as one sequential run over every record.
 */
export function createSignatures(capacity: number): Uint32Array {
  return new Uint32Array(capacity * SIGNATURE_WORDS)
}

/** Bytes of one record's signature. */
export const SIGNATURE_RECORD_BYTES = SIGNATURE_WORDS * Uint32Array.BYTES_PER_ELEMENT

/** Records a signature set has room for: a sync's new records go into the room left (see updateIndexText). */
export const signatureCapacityOf = (words: Uint32Array) => words.length / SIGNATURE_WORDS

/** Room for `count` records and the new records of several syncs: ~2% more (2 MB at 100,000 records). */
export const signatureCapacityFor = (count: number) => count + Math.max(256, Math.ceil(count / 50))

/** One record's bits, built here (cache-resident) and then stored word-major in one pass. */
const recordBits = new Uint32Array(SIGNATURE_WORDS)
const setRecordBit = (bit: number) => {
  recordBits[bit >>> 5] |= 1 << (bit & 31)
}

/** Sets record `position`'s signature from its search text. */
export function addSignature(words: Uint32Array, position: number, text: string): void {
  const stride = signatureCapacityOf(words)
  recordBits.fill(0)
  forEachFeature(text, setRecordBit)
  for (let w = 0; w < SIGNATURE_WORDS; w++) words[w * stride + position] = recordBits[w]
}

/** Copies the signatures of `run` consecutive records from another set (an index rebuilt after a sync). */
export function copySignatures(
  from: Uint32Array,
  fromPosition: number,
  to: Uint32Array,
  toPosition: number,
  run: number,
): void {
  const fromStride = signatureCapacityOf(from)
  const toStride = signatureCapacityOf(to)
  for (let w = 0; w < SIGNATURE_WORDS; w++) {
    const start = w * fromStride + fromPosition
    to.set(from.subarray(start, start + run), w * toStride + toPosition)
  }
}

/** The term's features as (word, mask) pairs. */
function featureMasks(term: string): Array<[word: number, mask: number]> {
  const masks = new Map<number, number>()
  forEachFeature(term, (bit) => masks.set(bit >>> 5, (masks.get(bit >>> 5) ?? 0) | (1 << (bit & 31))))
  return [...masks]
}

/** 0 .. count - 1, read only: a search with no features (a two-letter English term) has every record as a candidate. */
let identity = new Int32Array(0)
export function everyPosition(count: number): Int32Array {
  if (identity.length < count) identity = Int32Array.from({ length: count }, (_, p) => p)
  return identity.subarray(0, count)
}

/** Records sampled to guess how many records pass a word's mask. */
const SAMPLE = 512

/**
 * The masks, rarest first, judged on an even sample of records: the first pass runs over every record and the
 * later ones over what it kept, so a common feature first (a frequent Hangul syllable such as 스) costs passes over
 * most of the store.
 */
function rarestFirst(words: Uint32Array, count: number, masks: Array<[number, number]>): Array<[number, number]> {
  if (masks.length < 2) return masks
  const step = Math.max(1, Math.floor(count / SAMPLE))
  const stride = signatureCapacityOf(words)
  const passing = ([word, mask]: [number, number]) => {
    let n = 0
    for (let p = 0, base = word * stride; p < count; p += step) if ((words[base + p] & mask) === mask) n++
    return n
  }
  return masks
    .map((m) => ({ m, n: passing(m) }))
    .sort((a, b) => a.n - b.n)
    .map(({ m }) => m)
}

/**
 * The positions (ascending) among `within` — every record when null — whose signature has every feature of `term`:
 * the records that may contain it (the others certainly do not). The first word is tested over every position
 * given, each further word only over the positions still in the running.
 */
export function candidatesOf(words: Uint32Array, count: number, term: string, within: Int32Array | null): Int32Array {
  const masks = rarestFirst(words, count, featureMasks(term))
  if (masks.length === 0) return within ?? everyPosition(count)
  const list = new Int32Array(within === null ? count : within.length)
  const stride = signatureCapacityOf(words)
  let n = keepMatching(words, stride, masks[0][0], masks[0][1], within, list, list.length)
  for (let m = 1; m < masks.length; m++) n = keepMatching(words, stride, masks[m][0], masks[m][1], list, list, n)
  return list.subarray(0, n)
}

/**
 * Writes to `out` the positions among `from[0 .. n)` (0 .. n when null) whose word `word` has every bit of `mask`,
 * branch-free; returns how many. `out` may be `from`. A function of its own: the JIT optimises a small loop well,
 * and kept discarding code compiled mid-loop in a larger function.
 */
function keepMatching(
  words: Uint32Array,
  stride: number,
  word: number,
  mask: number,
  from: Int32Array | null,
  out: Int32Array,
  n: number,
): number {
  const base = word * stride
  let kept = 0
  for (let i = 0; i < n; i++) {
    const p = from === null ? i : from[i]
    out[kept] = p
    kept += (words[base + p] & mask) === mask ? 1 : 0
  }
  return kept
}
