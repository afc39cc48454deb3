/**
 * A stored record as a sync holds it when the sync does not diff it (another source's record): every part but its
 * source fields and history, which is all that a commit and the index update read of a record the sync left as it
 * was (its ids, common fields, dates and state). A ClinicalTrials.gov-sized record is ~15 KB of JSON, of which a
 * stub keeps ~1 KB.
 *
 * The fields and history are read back from the store file when asked for (a whole-index rebuild after a large sync
 * asks, the usual commit never does), through own enumerable accessors in the record's key order: a stub is a
 * StoredTrial in every respect, spread or serialised alike, only slower to read in full. The accessors are the same
 * two functions for every stub, and where its record lies is three hidden properties of the stub itself (symbols,
 * not enumerable: neither spread nor serialised). With a closure per stub and part, every stub was an object of its
 * own shape (~2.4 KB of heap a record); with one closure per stub, kept in a WeakMap, ~140 B a record more than now.
 */
import type { StoredTrial } from './types'

/** What a stub reads its whole record from: a store file generation (see RecordFile.trialIn). */
export interface RecordSource {
  trialIn(offset: number, length: number): StoredTrial
}

/** Where a stub's whole record lies: its JSON is the `length` bytes at `offset` of `source`. */
export interface RecordAt {
  source: RecordSource
  offset: number
  length: number
}

const SOURCE = Symbol('record source')
const OFFSET = Symbol('record offset')
const LENGTH = Symbol('record length')

interface Stub {
  [SOURCE]: RecordSource
  [OFFSET]: number
  [LENGTH]: number
}

/** True for a stub: its fields and history are on disk. */
export const isRecordStub = (trial: StoredTrial): boolean => Object.hasOwn(trial, SOURCE)

/** The stub's record as it is on disk (a fresh object on every call). */
const readBack = (stub: Stub): StoredTrial => stub[SOURCE].trialIn(stub[OFFSET], stub[LENGTH])

/** The accessor of a part left on disk, shared by every stub. */
const partOnDisk = (name: 'fields' | 'history'): PropertyDescriptor => ({
  get(this: Stub) {
    return readBack(this)[name]
  },
  enumerable: true,
  configurable: true,
})
/** By name (a Map: `in` on an object literal would also find `constructor` and the like). */
const ON_DISK = new Map([
  ['fields', partOnDisk('fields')],
  ['history', partOnDisk('history')],
])

/**
 * The record with its fields and history: itself, or for a stub the record read back from the file with the stub's
 * own small parts (the same, unless the record was changed in memory since it was written, e.g. by a migration).
 */
export function wholeRecord(trial: StoredTrial): StoredTrial {
  if (!isRecordStub(trial)) return trial
  const whole = { ...readBack(trial as unknown as Stub) } as Record<string, unknown>
  for (const name of Object.keys(trial))
    if (!ON_DISK.has(name)) whole[name] = (trial as unknown as Record<string, unknown>)[name]
  return whole as unknown as StoredTrial
}

/**
 * One copy of each string that many records' small parts repeat (a sync's timestamps, statuses, phases, conditions,
 * hospital names), for the stubs made in one read of the store: JSON.parse gives every occurrence a string of its
 * own. At 100,000 trials the bench's stubs take ~63 MB instead of ~95 MB (its synthetic titles repeat more than
 * real ones do; the pool itself is let go after the read).
 */
export type StringPool = Map<string, string>

/** Keys whose strings are one record's own by definition: pooling them would only add entries. */
const OWN_STRINGS = new Set(['id', 'sourceId'])

/** `value` with its strings taken from `pool`: objects and arrays are changed in place (see recordStubFrom). */
function pooled(value: unknown, pool: StringPool, key?: string): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && OWN_STRINGS.has(key)) return value
    const kept = pool.get(value)
    if (kept !== undefined) return kept
    pool.set(value, value)
    return value
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = pooled(value[i], pool)
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>
    for (const name of Object.keys(object)) object[name] = pooled(object[name], pool, name)
  }
  return value
}

/**
 * A stub with the small parts of `trial` (a whole record or another stub, whose accessors are not called), reading
 * the whole record from `at` when its fields or history are asked for. With `pool`, `trial` is a record just parsed
 * that nothing else holds: its small parts become the stub's, their strings taken from the pool in place (a copy
 * would lay each object out anew, larger than JSON.parse made it).
 */
export function recordStubFrom(trial: StoredTrial, at: RecordAt, pool?: StringPool): StoredTrial {
  const stub = {} as Record<string | symbol, unknown>
  for (const name of Object.keys(trial)) {
    const onDisk = ON_DISK.get(name)
    if (onDisk) Object.defineProperty(stub, name, onDisk)
    else {
      const value = (trial as unknown as Record<string, unknown>)[name]
      stub[name] = pool ? pooled(value, pool, name) : value
    }
  }
  Object.defineProperty(stub, SOURCE, { value: at.source })
  Object.defineProperty(stub, OFFSET, { value: at.offset })
  Object.defineProperty(stub, LENGTH, { value: at.length })
  return stub as unknown as StoredTrial
}
