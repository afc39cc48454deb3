import type { StoredTrial } from '../store/types'
import { searchTextOf } from './recordSearchText'
import { recordTextOf, searchTextColumnOf, textRoomFor, type SearchTextColumn } from './searchTextColumn'
import { createTextValues, internText } from './textValues'
import {
  addSignature,
  copySignatures,
  createSignatures,
  signatureCapacityFor,
  signatureCapacityOf,
} from './textSignature'
import type { TrialIndex } from './trialIndex'

/** A column's ids being written: grown by half when full (ids past `used` are room, untouched). */
class IdsWriter {
  ids: Uint32Array
  used = 0
  constructor(room: number) {
    this.ids = new Uint32Array(Math.max(1024, room))
  }
  /** Room for `more` ids past `used`. */
  reserve(more: number): void {
    if (this.used + more <= this.ids.length) return
    const grown = new Uint32Array(Math.max(this.used + more, Math.ceil(this.ids.length * 1.5)))
    grown.set(this.ids.subarray(0, this.used))
    this.ids = grown
  }
  append(ids: Uint32Array): void {
    this.reserve(ids.length)
    this.ids.set(ids, this.used)
    this.used += ids.length
  }
}

/** Values and ids for about `textBytes` of records' search text (values repeat: a guess, both grow as needed). */
const valuesFor = (textBytes: number) => createTextValues(Math.ceil(textBytes / 4), Math.ceil(textBytes / 1024))
const idsRoomFor = (textBytes: number) => Math.ceil(textBytes / 24)

/**
 * The search text and signatures of `trials`. With the `previous` index (after a sync that moved records), records
 * whose fields and common fields are the same objects as before (the diff keeps them for unchanged rows) reuse
 * their value ids and signatures, copied a run of consecutive records at a time, and the previous column's values
 * (shared: values are only ever added, so its ids stay valid).
 */
export function buildIndexText(trials: readonly StoredTrial[], previous?: TrialIndex): SearchTextColumn {
  const count = trials.length
  /** The previous position whose text record p reuses, or -1 (then texts[p] is computed). */
  const from = new Int32Array(count).fill(-1)
  const texts = new Array<string>(count)
  let computedLength = 0
  for (let p = 0; p < count; p++) {
    const before = previous?.byId.get(trials[p].id)
    // The same record (a stub kept by a sync, see recordStub.ts), else common fields first: a differing record is
    // told apart without asking for its fields.
    const prior = before?.trial
    if (prior && (prior === trials[p] || (prior.common === trials[p].common && prior.fields === trials[p].fields)))
      from[p] = before!.position
    else computedLength += (texts[p] = searchTextOf(trials[p])).length
  }
  const reused = previous && from.some((q) => q >= 0) ? searchTextColumnOf(previous.text) : null
  const values = reused?.values ?? valuesFor(computedLength)
  const writer = new IdsWriter((reused?.used ?? 0) + idsRoomFor(computedLength))
  const starts = new Float64Array(count)
  const ends = new Float64Array(count)
  const signatures = createSignatures(signatureCapacityFor(count))
  for (let p = 0; p < count;) {
    const q = from[p]
    if (q < 0) {
      starts[p] = writer.used
      writer.append(internText(values, texts[p]))
      ends[p] = writer.used
      addSignature(signatures, p, texts[p])
      p++
      continue
    }
    // A run: consecutive records that were consecutive before, their ids adjacent there too.
    let end = p + 1
    while (end < count && from[end] === from[end - 1] + 1 && reused!.starts[from[end]] === reused!.ends[from[end] - 1])
      end++
    const first = reused!.starts[q]
    const last = reused!.ends[q + end - p - 1]
    const shift = writer.used - first
    for (let k = p; k < end; k++) {
      starts[k] = reused!.starts[q + k - p] + shift
      ends[k] = reused!.ends[q + k - p] + shift
    }
    writer.append(reused!.ids.subarray(first, last))
    copySignatures(reused!.signatures, q, signatures, p, end - p)
    p = end
  }
  writer.reserve(textRoomFor(writer.used))
  return { values, ids: writer.ids, starts, ends, used: writer.used, signatures }
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
 * stays a string: at 100,000 trials the strings take ~230 MB of heap. `textBytes`, about how much search text the
 * records have, sizes the first buffers (they grow as needed). The signatures are worked out at the end, a record
 * at a time from its values (their layout needs the number of records).
 */
export function searchTextWriter(textBytes: number): SearchTextWriter {
  const values = valuesFor(textBytes)
  const writer = new IdsWriter(idsRoomFor(textBytes))
  const starts: number[] = []
  const ends: number[] = []
  return {
    add(text) {
      starts.push(writer.used)
      writer.append(internText(values, text))
      ends.push(writer.used)
    },
    finish() {
      const column: SearchTextColumn = {
        values,
        ids: writer.ids,
        starts: Float64Array.from(starts),
        ends: Float64Array.from(ends),
        used: writer.used,
        signatures: createSignatures(signatureCapacityFor(starts.length)),
      }
      for (let p = 0; p < starts.length; p++) addSignature(column.signatures, p, recordTextOf(column, p))
      writer.reserve(textRoomFor(writer.used))
      column.ids = writer.ids
      return column
    },
  }
}

/**
 * The column after a sync that changed the records at `changed` (ascending; positions at or past the previous
 * count are new records) and left every other record where it was, made from `previous` **in place**: a changed
 * record's ids are written where they were when they fit, else into the room past `used`, its new values added to
 * the shared values; its signature is rewritten. `previous` must not be used afterwards (its ids and signatures are
 * the new column's). Only when the room runs out is every record's ids copied into a larger array (once in many
 * syncs).
 */
export function updateIndexText(
  previous: SearchTextColumn,
  trials: readonly StoredTrial[],
  changed: Int32Array,
): SearchTextColumn {
  const count = trials.length
  const beforeCount = previous.starts.length
  const { values } = previous
  const texts = new Map<number, string>()
  const changedIds = new Map<number, Uint32Array>()
  /** Ids the changed records need past `used` (those that no longer fit where they were), and in all. */
  let growth = 0
  let changedLength = 0
  for (const p of changed) {
    const text = searchTextOf(trials[p])
    const ids = internText(values, text).slice()
    texts.set(p, text)
    changedIds.set(p, ids)
    changedLength += ids.length
    if (p >= beforeCount || ids.length > previous.ends[p] - previous.starts[p]) growth += ids.length
  }
  const starts = new Float64Array(count)
  const ends = new Float64Array(count)
  starts.set(previous.starts.subarray(0, Math.min(count, beforeCount)))
  ends.set(previous.ends.subarray(0, Math.min(count, beforeCount)))
  let { ids, used, signatures } = previous
  if (used + growth > ids.length) {
    // Out of room: compact every record's ids into a new array (with room again); every changed record's are then
    // written after the unchanged ones.
    let live = changedLength
    for (let p = 0; p < Math.min(count, beforeCount); p++) if (!changedIds.has(p)) live += ends[p] - starts[p]
    const compacted = new Uint32Array(live + textRoomFor(live))
    used = 0
    for (let p = 0; p < Math.min(count, beforeCount); p++) {
      if (changedIds.has(p)) continue
      const length = ends[p] - starts[p]
      compacted.set(ids.subarray(starts[p], ends[p]), used)
      starts[p] = used
      ends[p] = used += length
    }
    ids = compacted
  }
  for (const [p, own] of changedIds) {
    const fits = p < beforeCount && ids === previous.ids && own.length <= ends[p] - starts[p]
    const at = fits ? starts[p] : used
    ids.set(own, at)
    starts[p] = at
    ends[p] = at + own.length
    if (!fits) used += own.length
  }
  if (count > signatureCapacityOf(signatures)) {
    const grown = createSignatures(signatureCapacityFor(count))
    copySignatures(signatures, 0, grown, 0, Math.min(count, beforeCount))
    signatures = grown
  }
  for (const [p, text] of texts) addSignature(signatures, p, text)
  return { values, ids, starts, ends, used, signatures }
}
