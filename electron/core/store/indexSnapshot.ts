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

const FORMAT = 1
/** Index properties that hold records or caches: rebuilt on open, never stored. */
const NOT_STORED = new Set(['entries', 'byId', 'fieldValueCache', 'fieldNames'])

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

const headerOf = (text: string): { format: number; generation: StoreGeneration; blobBytes: number } | null => {
  try {
    const h = JSON.parse(text) as { format: number; generation: StoreGeneration; blobBytes: number }
    return h.format === FORMAT && typeof h.blobBytes === 'number' ? h : null
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
  try {
    const bytes = await fs.readFile(snapshotPathOf(storePath))
    const newline = bytes.indexOf(0x0a)
    const header = newline === -1 ? null : headerOf(bytes.toString('utf8', 0, newline))
    if (!header || !sameGeneration(header.generation, generation) || bytes.length - newline - 1 !== header.blobBytes)
      return null
    const content = deserialize(bytes.subarray(newline + 1)) as SnapshotContent
    const count = content.ids?.length
    if (
      !Array.isArray(content.ids) ||
      content.locations.offsets.length !== count ||
      content.locations.lengths.length !== count
    )
      return null
    return content
  } catch {
    return null
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
  const blob = serialize({ index: stored, ids, locations, extra })
  const header = Buffer.from(`${JSON.stringify({ format: FORMAT, generation, blobBytes: blob.length })}\n`)
  const path = snapshotPathOf(storePath)
  const temp = `${path}.tmp-${process.pid}`
  try {
    const handle = await fs.open(temp, 'w', 0o600)
    try {
      await handle.write(header)
      await handle.write(blob)
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch {
    // Only a speed-up: the next open rebuilds it from the store file.
    await fs.rm(temp, { force: true }).catch(() => undefined)
  }
}
