import { constants } from 'node:buffer'
import type { StoredTrial } from '../store/types'
import { searchTextOf } from './recordSearchText'
import { searchTextColumnOf, textRoomFor, type SearchTextColumn } from './searchTextColumn'
import {
  addSignature,
  copySignatures,
  createSignatures,
  signatureCapacityFor,
  signatureCapacityOf,
} from './textSignature'
import type { TrialIndex } from './trialIndex'

/**
 * The search text and signatures of `trials`. With the `previous` index (after a sync that moved records), records
 * whose fields and common fields are the same objects as before (the diff keeps them for unchanged rows) reuse
 * theirs, copied a run of consecutive records at a time, not record by record.
 */
export function buildIndexText(trials: readonly StoredTrial[], previous?: TrialIndex): SearchTextColumn {
  const count = trials.length
  /** The previous position whose text record p reuses, or -1 (then texts[p] is computed). */
  const from = new Int32Array(count).fill(-1)
  const texts = new Array<string>(count)
  for (let p = 0; p < count; p++) {
    const before = previous?.byId.get(trials[p].id)
    // The same record (a stub kept by a sync, see recordStub.ts), else common fields first: a differing record is
    // told apart without asking for its fields.
    const prior = before?.trial
    if (prior && (prior === trials[p] || (prior.common === trials[p].common && prior.fields === trials[p].fields)))
      from[p] = before!.position
    else texts[p] = searchTextOf(trials[p])
  }
  const reused = previous && from.some((q) => q >= 0) ? searchTextColumnOf(previous.text) : null
  const starts = new Float64Array(count)
  const ends = new Float64Array(count)
  let used = 0
  for (let p = 0; p < count; p++) {
    starts[p] = used
    const q = from[p]
    used += q >= 0 ? reused!.ends[q] - reused!.starts[q] : Buffer.byteLength(texts[p], 'utf8')
    ends[p] = used
  }
  const bytes = Buffer.allocUnsafeSlow(used + textRoomFor(used))
  const signatures = createSignatures(signatureCapacityFor(count))
  for (let p = 0; p < count;) {
    const q = from[p]
    if (q < 0) {
      bytes.write(texts[p], starts[p], 'utf8')
      addSignature(signatures, p, texts[p])
      p++
      continue
    }
    // A run: consecutive records that were consecutive before, their texts adjacent there too.
    let end = p + 1
    while (end < count && from[end] === from[end - 1] + 1 && reused!.starts[from[end]] === reused!.ends[from[end] - 1])
      end++
    reused!.bytes.copy(bytes, starts[p], reused!.starts[q], reused!.ends[q + end - p - 1])
    copySignatures(reused!.signatures, q, signatures, p, end - p)
    p = end
  }
  return { bytes, starts, ends, used, signatures }
}

/** Builds a column a record at a time (see searchTextWriter). */
export interface SearchTextWriter {
  /** Appends the next record's search text. */
  add(text: string): void
  /** The column of every record added, with their signatures. */
  finish(): SearchTextColumn
}

/**
 * A column written as records are read (a store opened without its index snapshot), so that no record's search text
 * stays a string: at 100,000 trials the strings take ~230 MB of heap where their UTF-8 takes ~155 MB. `reserve`
 * bytes (at most the largest buffer Node makes) are reserved up front and touched only as they are written
 * (untouched pages take no memory); past them the buffer doubles. The signatures are worked out at the end, from
 * the bytes, a record at a time (their layout needs the number of records).
 */
export function searchTextWriter(reserve: number): SearchTextWriter {
  let bytes = Buffer.allocUnsafeSlow(Math.min(Math.max(64 << 10, reserve), constants.MAX_LENGTH))
  const starts: number[] = []
  const ends: number[] = []
  let used = 0
  return {
    add(text) {
      const length = Buffer.byteLength(text, 'utf8')
      if (used + length > bytes.length) {
        const grown = Buffer.allocUnsafeSlow(Math.max(Math.min(2 * bytes.length, constants.MAX_LENGTH), used + length))
        bytes.copy(grown, 0, 0, used)
        bytes = grown
      }
      bytes.write(text, used, 'utf8')
      starts.push(used)
      used += length
      ends.push(used)
    },
    finish() {
      const signatures = createSignatures(signatureCapacityFor(starts.length))
      for (let p = 0; p < starts.length; p++) addSignature(signatures, p, bytes.toString('utf8', starts[p], ends[p]))
      return { bytes, starts: Float64Array.from(starts), ends: Float64Array.from(ends), used, signatures }
    },
  }
}

/**
 * The column after a sync that changed the records at `changed` (ascending; positions at or past the previous
 * count are new records) and left every other record where it was, made from `previous` **in place**: a changed
 * record's text is written where it was when it fits, else into the room past `used`; its signature is rewritten.
 * `previous` must not be used afterwards (its bytes and signatures are the new column's). Only when the room runs
 * out is everything copied into a larger buffer (once in many syncs).
 */
export function updateIndexText(
  previous: SearchTextColumn,
  trials: readonly StoredTrial[],
  changed: Int32Array,
): SearchTextColumn {
  const count = trials.length
  const beforeCount = previous.starts.length
  const texts = new Map<number, Buffer>()
  /** Bytes the changed texts need past `used` (those that no longer fit where they were), and in all. */
  let growth = 0
  let changedBytes = 0
  for (const p of changed) {
    const text = Buffer.from(searchTextOf(trials[p]), 'utf8')
    texts.set(p, text)
    changedBytes += text.length
    if (p >= beforeCount || text.length > previous.ends[p] - previous.starts[p]) growth += text.length
  }
  const starts = new Float64Array(count)
  const ends = new Float64Array(count)
  starts.set(previous.starts.subarray(0, Math.min(count, beforeCount)))
  ends.set(previous.ends.subarray(0, Math.min(count, beforeCount)))
  let { bytes, used, signatures } = previous
  if (used + growth > bytes.length) {
    // Out of room: compact every record's text into a new buffer (with room again); every changed text is then
    // written after the unchanged ones.
    let live = changedBytes
    for (let p = 0; p < Math.min(count, beforeCount); p++) if (!texts.has(p)) live += ends[p] - starts[p]
    const compacted = Buffer.allocUnsafeSlow(live + textRoomFor(live))
    used = 0
    for (let p = 0; p < Math.min(count, beforeCount); p++) {
      if (texts.has(p)) continue
      const length = ends[p] - starts[p]
      bytes.copy(compacted, used, starts[p], ends[p])
      starts[p] = used
      ends[p] = used += length
    }
    bytes = compacted
  }
  for (const [p, text] of texts) {
    const fits = p < beforeCount && bytes === previous.bytes && text.length <= ends[p] - starts[p]
    const at = fits ? starts[p] : used
    text.copy(bytes, at)
    starts[p] = at
    ends[p] = at + text.length
    if (!fits) used += text.length
  }
  if (count > signatureCapacityOf(signatures)) {
    const grown = createSignatures(signatureCapacityFor(count))
    copySignatures(signatures, 0, grown, 0, Math.min(count, beforeCount))
    signatures = grown
  }
  for (const [p, text] of texts) addSignature(signatures, p, text.toString('utf8'))
  return { bytes, starts, ends, used, signatures }
}
