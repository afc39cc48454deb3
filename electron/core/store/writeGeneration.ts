import type { promises as fs } from 'node:fs'
import { edgeLinesOf, yieldToEventLoop } from './durable/lineLayout'
import { replaceAtomically } from './durable/write'
import { RangeReader, type RecordLocations } from './recordFile'
import { TRIAL_STORE } from './trialStoreFile'
import type { StoreData, StoredTrial } from './types'

/** A record as it lies in the current generation: its parsed object and its bytes' place. */
export interface KnownRecord {
  trial: StoredTrial
  offset: number
  length: number
}

/** Output is handed to the file in pieces of about this size. */
const OUT_BYTES = 4 << 20
const SLICE_MS = 12

export const SPACE = 0x20
/** Each record line's end: a comma, or a space on the last line (a record appended later turns it into a comma). */
export const RECORD_SEPARATOR = Buffer.from(',\n')
export const LAST_SEPARATOR = Buffer.from(' \n')

/**
 * Room left after a serialised record (JSON white space), so a later change — a new history entry, a status — can be
 * written where the record lies instead of moving it (see patchGeneration): ~6%, at least a short history entry.
 */
export const roomAfter = (length: number) => 160 + (length >> 4)

/** The store's small properties, split as the file holds them: the first line's and the closing line's. */
export function headAndClosingOf(meta: Omit<StoreData, 'trials'>): { head: Buffer; closing: Buffer } {
  const { key, after } = TRIAL_STORE.lineLayout!
  const { first, closing } = edgeLinesOf(meta, key, after)
  return { head: Buffer.from(first), closing: Buffer.from(closing) }
}

/** The bytes of record `i` of the new generation (with any room after it), read through `reader` where possible. */
export type RecordBytes = (i: number, reader: RangeReader | null) => Buffer

/**
 * Record bytes for `trials`: copied with their room from the previous generation when unchanged (the same object
 * the diff kept; a record written before records had room gets it now), else serialised with room after them.
 */
export function changedOrCopied(trials: readonly StoredTrial[], known: ReadonlyMap<string, KnownRecord>): RecordBytes {
  return (i, reader) => {
    const previous = reader ? known.get(trials[i].id) : undefined
    if (!previous || !reader || previous.trial !== trials[i]) return serialisedWithRoom(trials[i])
    const bytes = reader.read(previous.offset, previous.length)
    return bytes[bytes.length - 1] === SPACE ? bytes : withRoom(bytes)
  }
}

/** A record's JSON followed by its room (see roomAfter). */
export function withRoom(json: Buffer): Buffer {
  const room = roomAfter(json.length)
  const bytes = Buffer.allocUnsafe(json.length + room)
  json.copy(bytes)
  bytes.fill(SPACE, json.length)
  return bytes
}

/** A record serialised, with its room. */
export const serialisedWithRoom = (trial: StoredTrial): Buffer => withRoom(Buffer.from(JSON.stringify(trial)))

/** Record bytes that are all copied, in order, from the previous generation (only the small properties changed). */
export function allCopied(locations: RecordLocations): RecordBytes {
  return (i, reader) => {
    if (!reader) throw new Error('no previous generation to copy from')
    return reader.read(locations.offsets[i], locations.lengths[i])
  }
}

export async function writeFully(handle: fs.FileHandle, bytes: Buffer, position: number): Promise<void> {
  let done = 0
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done)
    done += bytesWritten
  }
}

/**
 * Writes the store's new generation whole (atomically, the previous one kept as `.bak`) in the line layout: the
 * first line (schema version), then `count` records from `recordBytes`, which copies what did not change from the
 * previous generation (`previousFd`) instead of serialising it again, then the closing line with the sources and the
 * sync log. Resolves with where each record now lies (its length including the room after it).
 */
export async function writeGeneration(
  path: string,
  meta: Omit<StoreData, 'trials'>,
  count: number,
  recordBytes: RecordBytes,
  previousFd: number | null,
): Promise<RecordLocations> {
  const offsets = new Float64Array(count)
  const lengths = new Int32Array(count)
  const reader = previousFd === null ? null : new RangeReader(previousFd)
  const { head, closing } = headAndClosingOf(meta)
  await replaceAtomically(path, TRIAL_STORE.diskKind, async (handle: fs.FileHandle) => {
    // One output buffer, reused: records are copied into it and it is written whenever full (no per-record
    // allocations; fresh memory is what a 100,000-record save spent most of its time on).
    const out = Buffer.allocUnsafeSlow(OUT_BYTES)
    let used = 0
    let written = 0
    const flush = async () => {
      await writeFully(handle, out.subarray(0, used), written)
      written += used
      used = 0
    }
    const put = async (bytes: Buffer) => {
      if (used + bytes.length > out.length) await flush()
      if (bytes.length > out.length) {
        await writeFully(handle, bytes, written)
        written += bytes.length
        return
      }
      bytes.copy(out, used)
      used += bytes.length
    }
    await put(head)
    let sliceStart = performance.now()
    for (let i = 0; i < count; i++) {
      // Copied bytes are a view of the reader's window, which the next read reuses: `put` copies them first.
      const bytes = recordBytes(i, reader)
      if (used + bytes.length > out.length) await flush()
      offsets[i] = written + used
      lengths[i] = bytes.length
      await put(bytes)
      await put(i === count - 1 ? LAST_SEPARATOR : RECORD_SEPARATOR)
      if ((i & 255) === 0 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop()
        sliceStart = performance.now()
      }
    }
    await put(closing)
    await flush()
  })
  return { offsets, lengths }
}
