import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import type { TrialIndex } from '../query/trialIndex'
import type { RecordLocations } from './recordFile'

/**
 * The index snapshot (`trials.json.index`): the query index and each record's byte range, so a store opens without
 * parsing its records. Disposable and never trusted blindly: it names the store generation it was built from (file
 * size, mtime and a SHA-1 of the store's first line, which holds the sync log and so changes with every commit) and
 * its own length; anything that does not match means "rebuild from the store file".
 */
export const snapshotPathOf = (storePath: string) => `${storePath}.index`

const FORMAT = 2
/** Index properties that hold records or caches: rebuilt on open, never stored. The search text is stored raw. */
const NOT_STORED = new Set(['entries', 'byId', 'fieldValueCache', 'fieldNames', 'searchText'])

/** The store generation a snapshot belongs to. */
export interface StoreGeneration {
  size: number
  mtimeMs: number
  headSha1: string
}

export interface SnapshotContent {
  /** The index without entries, byId and caches. */
  index: Omit<TrialIndex, 'entries' | 'byId' | 'fieldValueCache' | 'fieldNames'>
  ids: string[]
  locations: RecordLocations
  /** Whatever else the session needs at open without the records (status counts). */
  extra: Record<string, unknown>
}

/**
 * The snapshot file: one JSON header line, then the index (v8 serialised: typed arrays and small strings), then the
 * search text's bytes as they are in memory (so opening reads them, and parses nothing).
 */
interface SnapshotHeader {
  format: number
  generation: StoreGeneration
  blobBytes: number
  searchBytes: number
}

const headerOf = (text: string): SnapshotHeader | null => {
  try {
    const h = JSON.parse(text) as SnapshotHeader
    return h.format === FORMAT && typeof h.blobBytes === 'number' && typeof h.searchBytes === 'number' ? h : null
  } catch {
    return null
  }
}

export const sha1 = (bytes: Uint8Array | string) => createHash('sha1').update(bytes).digest('hex')

/**
 * The store file's generation (size, mtime and its first line's hash) and that first line (the document without
 * its records); null when it is missing or not in the line layout.
 */
export async function storeGenerationOf(
  storePath: string,
): Promise<{ generation: StoreGeneration; headLine: string } | null> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(storePath, 'r')
  } catch {
    return null
  }
  try {
    const stat = await handle.stat()
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, 16 << 20))
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    const newline = buffer.subarray(0, bytesRead).indexOf(0x0a)
    if (newline === -1) return null
    const head = buffer.subarray(0, newline)
    return {
      generation: { size: stat.size, mtimeMs: stat.mtimeMs, headSha1: sha1(head) },
      headLine: head.toString('utf8'),
    }
  } finally {
    await handle.close()
  }
}

const sameGeneration = (a: StoreGeneration, b: StoreGeneration) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.headSha1 === b.headSha1

/** Reads the snapshot if it belongs to `generation` and is whole; null otherwise (never throws). */
export async function readSnapshot(storePath: string, generation: StoreGeneration): Promise<SnapshotContent | null> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(snapshotPathOf(storePath), 'r')
    const { size } = await handle.stat()
    const start = Buffer.allocUnsafe(Math.min(size, 4096))
    await handle.read(start, 0, start.length, 0)
    const newline = start.indexOf(0x0a)
    const header = newline === -1 ? null : headerOf(start.toString('utf8', 0, newline))
    if (!header || !sameGeneration(header.generation, generation)) return null
    if (size !== newline + 1 + header.blobBytes + header.searchBytes) return null
    const blob = Buffer.allocUnsafe(header.blobBytes)
    await readFully(handle, blob, newline + 1)
    const searchBytes = Buffer.allocUnsafeSlow(header.searchBytes)
    await readFully(handle, searchBytes, newline + 1 + header.blobBytes)
    const content = deserialize(blob) as SnapshotContent & { searchStarts: Float64Array }
    const count = content.ids?.length
    if (
      !Array.isArray(content.ids) ||
      content.locations.offsets.length !== count ||
      content.locations.lengths.length !== count ||
      content.searchStarts.length !== count + 1 ||
      content.searchStarts[count] !== searchBytes.length
    )
      return null
    const { searchStarts, ...rest } = content
    return { ...rest, index: { ...rest.index, searchText: { bytes: searchBytes, starts: searchStarts } } }
  } catch {
    return null
  } finally {
    await handle?.close()
  }
}

async function readFully(handle: fs.FileHandle, into: Buffer, position: number): Promise<void> {
  let done = 0
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done)
    if (bytesRead === 0) throw new Error('snapshot shorter than its header says')
    done += bytesRead
  }
}

/** Removes snapshot temp files a killed writer left (called by the store's writer, under its lock). */
export async function removeStaleSnapshotTemps(storePath: string): Promise<void> {
  const path = snapshotPathOf(storePath)
  const prefix = `${basename(path)}.tmp-`
  const own = `${prefix}${process.pid}`
  const names = await fs.readdir(dirname(path)).catch(() => [] as string[])
  await Promise.all(
    names.filter((n) => n.startsWith(prefix) && n !== own).map((n) => fs.rm(join(dirname(path), n), { force: true })),
  )
}

/** Writes the snapshot for `generation` (temp file + rename: a reader sees the old one or the new one). */
export async function writeSnapshot(
  storePath: string,
  generation: StoreGeneration,
  index: TrialIndex,
  ids: readonly string[],
  locations: RecordLocations,
  extra: Record<string, unknown>,
): Promise<void> {
  const stored = Object.fromEntries(Object.entries(index).filter(([key]) => !NOT_STORED.has(key)))
  const blob = serialize({ index: stored, ids, locations, extra, searchStarts: index.searchText.starts })
  const searchBytes = index.searchText.bytes
  const header: SnapshotHeader = { format: FORMAT, generation, blobBytes: blob.length, searchBytes: searchBytes.length }
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`)
  const path = snapshotPathOf(storePath)
  const temp = `${path}.tmp-${process.pid}`
  try {
    const handle = await fs.open(temp, 'w', 0o600)
    try {
      // writeFile writes each part whole, one after the other (write() may write part of a buffer).
      for (const part of [headerLine, blob, searchBytes]) await handle.writeFile(part)
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch {
    // Only a speed-up: the next open rebuilds it from the store file.
    await fs.rm(temp, { force: true }).catch(() => undefined)
  }
}
