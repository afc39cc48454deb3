/**
 * A stored record as a sync holds it when the sync does not diff it (another source's record): every part but its
 * source fields and history, which is all that a commit and the index update read of a record the sync left as it
 * was (its ids, common fields, dates and state). A ClinicalTrials.gov-sized record is ~15 KB of JSON, of which a
 * stub keeps ~1 KB.
 *
 * The fields and history are read back from the store file when asked for (a whole-index rebuild after a large sync
 * asks, the usual commit never does), through own enumerable accessors in the record's key order: a stub is a
 * StoredTrial in every respect, spread or serialised alike, only slower to read in full.
 */
import type { StoredTrial } from './types'

const readers = new WeakMap<StoredTrial, () => StoredTrial>()

/** True for a stub: its fields and history are on disk. */
export const isRecordStub = (trial: StoredTrial): boolean => readers.has(trial)

/**
 * The record with its fields and history: itself, or for a stub the record read back from the file with the stub's
 * own small parts (the same, unless the record was changed in memory since it was written, e.g. by a migration).
 */
export const wholeRecord = (trial: StoredTrial): StoredTrial => readers.get(trial)?.() ?? trial

/**
 * A stub with the small parts of `trial` (a whole record or another stub, whose accessors are not called), reading
 * the whole record with `readWhole` when its fields or history are asked for.
 */
export function recordStubFrom(trial: StoredTrial, readWhole: () => StoredTrial): StoredTrial {
  const stub = {} as Record<string, unknown>
  const small = {} as Record<string, unknown>
  for (const name of Object.keys(trial)) {
    if (name === 'fields' || name === 'history') {
      Object.defineProperty(stub, name, {
        get: () => readWhole()[name],
        enumerable: true,
        configurable: true,
      })
    } else stub[name] = small[name] = (trial as unknown as Record<string, unknown>)[name]
  }
  readers.set(stub as unknown as StoredTrial, () => ({ ...readWhole(), ...small }) as StoredTrial)
  return stub as unknown as StoredTrial
}
