import type { promises as fs } from 'node:fs'
import { yieldToEventLoop } from './durable/lineLayout'
import { replaceAtomically } from './durable/write'
import { RangeReader, type RecordLocations } from './recordFile'
import { TRIAL_STORE, TRIALS_KEY } from './trialStoreFile'
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

/** True when `next` is `known` with at most `lastSeenAt` changed (what a sync does to every unchanged record). */
function sameButLastSeen(known: StoredTrial, next: StoredTrial): boolean {
  let keys = 0
  for (const key in next) {
    keys++
    if (
      key !== 'lastSeenAt' &&
      (next as unknown as Record<string, unknown>)[key] !== (known as unknown as Record<string, unknown>)[key]
    )
      return false
  }
  let knownKeys = 0
  for (const _ in known) knownKeys++
  return keys === knownKeys
}

/**
 * The bytes of `next` taken from the previous generation: copied as they are, or with the one `"lastSeenAt":"…"`
 * property rewritten in place (ISO times have one length). Null when that is not possible: serialise instead.
 */
function copiedBytes(reader: RangeReader, known: KnownRecord, next: StoredTrial): Buffer | null {
  if (known.trial === next) return reader.read(known.offset, known.length)
  if (!sameButLastSeen(known.trial, next)) return null
  const bytes = reader.read(known.offset, known.length)
  if (known.trial.lastSeenAt === next.lastSeenAt) return bytes
  const before = Buffer.from(`"lastSeenAt":${JSON.stringify(known.trial.lastSeenAt)}`)
  const after = Buffer.from(`"lastSeenAt":${JSON.stringify(next.lastSeenAt)}`)
  if (before.length !== after.length) return null
  const at = bytes.indexOf(before)
  // The key could also occur inside the source's own fields: only a single occurrence is surely ours.
  if (at === -1 || bytes.indexOf(before, at + 1) !== -1) return null
  // Patched in a scratch buffer reused for every record (the caller copies the bytes out before the next one).
  if (scratch.length < bytes.length) scratch = Buffer.allocUnsafeSlow(Math.max(bytes.length, 1 << 16))
  bytes.copy(scratch)
  after.copy(scratch, at)
  return scratch.subarray(0, bytes.length)
}

let scratch = Buffer.alloc(0)

/** The bytes of record `i` of the new generation, read from the previous one through `reader` where possible. */
export type RecordBytes = (i: number, reader: RangeReader | null) => Buffer

/** Record bytes for `trials`: copied from the previous generation when unchanged (see copiedBytes), else serialised. */
export function changedOrCopied(trials: readonly StoredTrial[], known: ReadonlyMap<string, KnownRecord>): RecordBytes {
  return (i, reader) => {
    const previous = reader ? known.get(trials[i].id) : undefined
    return (previous && reader && copiedBytes(reader, previous, trials[i])) || Buffer.from(JSON.stringify(trials[i]))
  }
}

/** Record bytes that are all copied, in order, from the previous generation (only the small properties changed). */
export function allCopied(locations: RecordLocations): RecordBytes {
  return (i, reader) => {
    if (!reader) throw new Error('no previous generation to copy from')
    return reader.read(locations.offsets[i], locations.lengths[i])
  }
}

async function writeFully(handle: fs.FileHandle, bytes: Buffer, position: number): Promise<void> {
  let done = 0
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done)
    done += bytesWritten
  }
}

/**
 * Writes the store's new generation (atomically, the previous one kept as `.bak`) in the line layout: the small
 * properties of `head` (everything but the trials), then `count` records from `recordBytes`, which copies what did
 * not change from the previous generation (`previousFd`) instead of serialising it again. Resolves with where each
 * record now lies.
 */
export async function writeGeneration(
  path: string,
  head: Omit<StoreData, 'trials'>,
  count: number,
  recordBytes: RecordBytes,
  previousFd: number | null,
): Promise<RecordLocations> {
  const offsets = new Float64Array(count)
  const lengths = new Int32Array(count)
  const reader = previousFd === null ? null : new RangeReader(previousFd)
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
    const headText = JSON.stringify(head)
    await put(Buffer.from(`${headText.slice(0, -1)}${headText.length > 2 ? ',' : ''}${JSON.stringify(TRIALS_KEY)}:[\n`))
    const comma = Buffer.from(',\n')
    const last = Buffer.from('\n')
    let sliceStart = performance.now()
    for (let i = 0; i < count; i++) {
      // Copied bytes are a view of the reader's window, which the next read reuses: `put` copies them first.
      const bytes = recordBytes(i, reader)
      if (used + bytes.length > out.length) await flush()
      offsets[i] = written + used
      lengths[i] = bytes.length
      await put(bytes)
      await put(i === count - 1 ? last : comma)
      if ((i & 255) === 0 && performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop()
        sliceStart = performance.now()
      }
    }
    await put(Buffer.from(']}\n'))
    await flush()
  })
  return { offsets, lengths }
}
