/**
 * A stored record as a sync holds it when the sync does not diff it (another source's record): every part but its
 * source fields and history, which is all that a commit and the index update read of a record the sync left as it
 * was (its ids, common fields, dates and state). A ClinicalTrials.gov-sized record is ~15 KB of JSON, of which a
 * stub keeps ~1 KB.
 *
 * The fields and history are read back from the store file when asked for (a whole-index rebuild after a large sync
 * asks, the usual commit never does), through own enumerable accessors in the record's key order: a stub is a
 * StoredTrial in every respect, spread or serialised alike, only slower to read in full. The accessors are the same
 * two functions for every stub (what each stub reads is kept in `readers`): with a closure per stub and part, every
 * stub was an object of its own shape, ~2.4 KB of heap a record against ~1.3 KB now.
 */
import type { StoredTrial } from './types'

const readers = new WeakMap<object, () => StoredTrial>()

/** The accessor of a part left on disk, shared by every stub. */
const partOnDisk = (name: 'fields' | 'history'): PropertyDescriptor => ({
  get(this: object) {
    return readers.get(this)!()[name]
  },
  enumerable: true,
  configurable: true,
})
/** By name (a Map: `in` on an object literal would also find `constructor` and the like). */
const ON_DISK = new Map([
  ['fields', partOnDisk('fields')],
  ['history', partOnDisk('history')],
])

/** True for a stub: its fields and history are on disk. */
export const isRecordStub = (trial: StoredTrial): boolean => readers.has(trial)

/**
 * The record with its fields and history: itself, or for a stub the record read back from the file with the stub's
 * own small parts (the same, unless the record was changed in memory since it was written, e.g. by a migration).
 */
export function wholeRecord(trial: StoredTrial): StoredTrial {
  const readWhole = readers.get(trial)
  if (!readWhole) return trial
  const whole = { ...readWhole() } as Record<string, unknown>
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

/** `value` with its strings taken from `pool` (objects and arrays copied, so a parsed record is never changed). */
function pooled(value: unknown, pool: StringPool, key?: string): unknown {
  if (typeof value === 'string') {
    if (key !== undefined && OWN_STRINGS.has(key)) return value
    const kept = pool.get(value)
    if (kept !== undefined) return kept
    pool.set(value, value)
    return value
  }
  if (Array.isArray(value)) return value.map((item) => pooled(item, pool))
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const name of Object.keys(value)) copy[name] = pooled((value as Record<string, unknown>)[name], pool, name)
    return copy
  }
  return value
}

/**
 * A stub with the small parts of `trial` (a whole record or another stub, whose accessors are not called), reading
 * the whole record with `readWhole` when its fields or history are asked for. With `pool`, the small parts are
 * copies whose strings come from it (for a record just parsed, whose parts nothing else holds).
 */
export function recordStubFrom(trial: StoredTrial, readWhole: () => StoredTrial, pool?: StringPool): StoredTrial {
  const stub = {} as Record<string, unknown>
  for (const name of Object.keys(trial)) {
    const onDisk = ON_DISK.get(name)
    if (onDisk) Object.defineProperty(stub, name, onDisk)
    else {
      const value = (trial as unknown as Record<string, unknown>)[name]
      stub[name] = pool ? pooled(value, pool, name) : value
    }
  }
  readers.set(stub, readWhole)
  return stub as unknown as StoredTrial
}
