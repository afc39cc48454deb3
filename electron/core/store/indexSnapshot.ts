import { createHash } from 'node:crypto'
import { promises as fs, readSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { searchTextColumnOf, textRoomFor, type SearchTextColumn } from '../query/searchTextColumn'
import { SIGNATURE_RECORD_BYTES } from '../query/textSignature'
import type { TrialIndex } from '../query/trialIndex'
import {
  arraysFor,
  bytesOfArray,
  bytesOfTable,
  deserializeApart,
  isArrayTable,
  serializeApart,
  type ArrayTable,
} from './arraysApart'
import { edgeLineOf } from './durable/lineLayout'
import type { RecordLocations } from './recordFile'

/**
 * The index snapshot (`trials.json.index`): the query index and each record's byte range, so a store opens without
 * parsing its records. Disposable and never trusted blindly: it names the store generation it was built from (file
 * size, mtime and a SHA-1 of the store's first and closing lines, which hold the sync log and so change with every
 * commit) and its own length; anything that does not match means "rebuild from the store file".
 */
export const snapshotPathOf = (storePath: string) => `${storePath}.index`

/** Bump when what the index holds or how it is computed changes (a snapshot of another format is rebuilt). */
const FORMAT = 5
/** Index properties that hold records or caches: rebuilt on open, never stored. The search text is stored raw. */
const NOT_STORED = new Set(['entries', 'byId', 'fieldValueCache', 'fieldNames', 'text'])

/** The store generation a snapshot belongs to. */
export interface StoreGeneration {
  size: number
  mtimeMs: number
  headSha1: string
}

export interface SnapshotContent {
  /** The index without entries, byId and caches; its search text is read when first needed (see text). */
  index: Omit<TrialIndex, 'entries' | 'byId' | 'fieldValueCache' | 'fieldNames'>
  ids: string[]
  locations: RecordLocations
  /** Whatever else the session needs at open without the records (status counts). */
  extra: Record<string, unknown>
  /** Reads the search text section (now or in the background); holds the snapshot file open until then. */
  text: SnapshotText
}

/**
 * The snapshot file: one JSON header line, then the index (v8 serialised: small strings and objects), then its typed
 * arrays raw (see arraysApart.ts), then the search text's signatures, value ids, value starts, value bytes and value
 * hash table as they are in memory (see searchTextColumn.ts), so opening parses nothing and can leave the larger part
 * (the search text) for after the first answer.
 */
interface SnapshotHeader {
  format: number
  generation: StoreGeneration
  blobBytes: number
  /** The index's typed arrays, raw after the blob in this order. */
  arrays: ArrayTable
  signatureBytes: number
  /** How many of each the search text section holds: record value ids, values, their bytes, hash slots. */
  text: { ids: number; values: number; valueBytes: number; slots: number }
}

/** The search text section's length in bytes, after the signatures. */
const textSectionBytes = ({ text }: SnapshotHeader) =>
  4 * text.ids + 4 * (text.values + 1) + text.valueBytes + 4 * text.slots

/** The header line is read first, up to this long (its array table grows with the index's facets). */
const MAX_HEADER_BYTES = 64 << 10

const headerOf = (line: string): SnapshotHeader | null => {
  try {
    const h = JSON.parse(line) as SnapshotHeader
    const counts = [h.blobBytes, h.signatureBytes, h.text?.ids, h.text?.values, h.text?.valueBytes, h.text?.slots]
    return h.format === FORMAT && isArrayTable(h.arrays) && counts.every((n) => Number.isSafeInteger(n) && n >= 0)
      ? h
      : null
  } catch {
    return null
  }
}

export const sha1 = (bytes: Uint8Array | string) => createHash('sha1').update(bytes).digest('hex')

/**
 * The store file's generation (size, mtime and a hash of its first and closing lines — the closing line holds the
 * sync log, so it changes with every save) and the document without its records (first line + closing line); null
 * when it is missing or not in the line layout.
 */
export async function storeGenerationOf(
  storePath: string,
): Promise<{ generation: StoreGeneration; documentWithoutRecords: string } | null> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(storePath, 'r')
  } catch {
    return null
  }
  try {
    const stat = await handle.stat()
    const first = await edgeLineOf(handle, stat.size, 'first')
    const closing = first === null ? null : await edgeLineOf(handle, stat.size, 'closing')
    if (first === null || closing === null) return null
    const documentWithoutRecords = `${first.text}${closing.text}`
    return {
      generation: { size: stat.size, mtimeMs: stat.mtimeMs, headSha1: sha1(documentWithoutRecords) },
      documentWithoutRecords,
    }
  } finally {
    await handle.close()
  }
}

const sameGeneration = (a: StoreGeneration, b: StoreGeneration) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.headSha1 === b.headSha1

/** The first `length` elements of a typed array as bytes (the same memory). */
const bytesOf = (array: Uint32Array | Int32Array, length: number) =>
  Buffer.from(array.buffer, array.byteOffset, length * 4)

/**
 * The search text section of one snapshot file, read from the file opened with the rest of the snapshot (so a newer
 * snapshot renamed over it meanwhile does not matter). `prefetch` reads it off the main thread (libuv's pool) and
 * `now` synchronously, for a text query that comes first; either closes the file. Null when the file was cut short.
 */
export class SnapshotText {
  private column: SearchTextColumn | null = null
  private reading: Promise<void> | null = null

  constructor(
    private handle: fs.FileHandle | null,
    private readonly at: number,
    private readonly header: SnapshotHeader,
    private readonly starts: Float64Array,
    private readonly ends: Float64Array,
  ) {}

  /**
   * Where each part of the section is read into: the ids and values into the start of arrays with room for syncs
   * (reserved, untouched: see textRoomFor), as the in-memory column keeps them.
   */
  private buffers() {
    const { ids, values, valueBytes, slots } = this.header.text
    const column: SearchTextColumn = {
      values: {
        bytes: Buffer.allocUnsafeSlow(valueBytes + textRoomFor(valueBytes)),
        starts: new Uint32Array(values + 1 + textRoomFor(values)),
        count: values,
        slots: new Int32Array(slots),
      },
      ids: new Uint32Array(ids + textRoomFor(ids)),
      starts: this.starts,
      ends: this.ends,
      used: ids,
      signatures: new Uint32Array(this.header.signatureBytes / 4),
    }
    const parts = [
      bytesOf(column.signatures, column.signatures.length),
      bytesOf(column.ids, ids),
      bytesOf(column.values.starts, values + 1),
      column.values.bytes.subarray(0, valueBytes),
      bytesOf(column.values.slots, slots),
    ]
    return { column, parts }
  }

  prefetch(): Promise<void> {
    this.reading ??= (async () => {
      const handle = this.handle
      if (!handle || this.column) return
      const { column, parts } = this.buffers()
      let at = this.at
      let ok = true
      for (const part of parts) {
        ok = ok && (await readInBackground(handle, part, at))
        at += part.length
      }
      if (ok && !this.column && wholeColumn(column, this.header.text.valueBytes)) this.column = column
      await this.close()
    })().catch(() => undefined)
    return this.reading
  }

  now(): SearchTextColumn | null {
    if (this.column || !this.handle) return this.column
    const { column, parts } = this.buffers()
    const fd = this.handle.fd
    let at = this.at
    let ok = true
    for (const part of parts) {
      ok = ok && readFullySync(fd, part, at)
      // This query waits anyway; the page faults would otherwise fall on the next searches (see readInBackground).
      if (ok) touchPages(part)
      at += part.length
    }
    if (ok && wholeColumn(column, this.header.text.valueBytes)) this.column = column
    void this.close()
    return this.column
  }

  async close(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await handle?.close().catch(() => undefined)
  }
}

/**
 * True when a column read from a snapshot is whole: every value id names a value, the values lie in order within
 * their bytes, the hash table names values only (a lookup may still miss: then a value is only kept twice).
 */
function wholeColumn({ values, ids, used }: SearchTextColumn, valueBytes: number): boolean {
  const { starts, count, slots } = values
  const tableOk = slots.length >= 1024 && (slots.length & (slots.length - 1)) === 0 && slots.length >= 2 * count
  if (starts[0] !== 0 || starts[count] !== valueBytes || !tableOk) return false
  for (let v = 0; v < count; v++) if (starts[v + 1] < starts[v]) return false
  for (let k = 0; k < used; k++) if (ids[k] >= count) return false
  for (let s = 0; s < slots.length; s++) if (slots[s] < 0 || slots[s] > count) return false
  return true
}

/** Reads the snapshot if it belongs to `generation` and is whole; null otherwise (never throws). */
export async function readSnapshot(storePath: string, generation: StoreGeneration): Promise<SnapshotContent | null> {
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(snapshotPathOf(storePath), 'r')
    const { size } = await handle.stat()
    const start = Buffer.allocUnsafe(Math.min(size, MAX_HEADER_BYTES))
    await handle.read(start, 0, start.length, 0)
    const newline = start.indexOf(0x0a)
    const header = newline === -1 ? null : headerOf(start.toString('utf8', 0, newline))
    if (!header || !sameGeneration(header.generation, generation)) return null
    const textAt = newline + 1 + header.blobBytes + bytesOfTable(header.arrays)
    if (size !== textAt + header.signatureBytes + textSectionBytes(header)) return null
    const arrays = arraysFor(header.arrays)
    const blob = Buffer.allocUnsafe(header.blobBytes)
    if (!(await readFully(handle, blob, newline + 1))) return null
    let at = newline + 1 + header.blobBytes
    for (const array of arrays) {
      if (!(await readFully(handle, bytesOfArray(array), at))) return null
      at += array.byteLength
    }
    const content = deserializeApart(blob, arrays) as Omit<SnapshotContent, 'text'> &
      Pick<SearchTextColumn, 'starts' | 'ends'>
    const count = content.ids?.length
    if (
      !Array.isArray(content.ids) ||
      content.locations.offsets.length !== count ||
      content.locations.lengths.length !== count ||
      content.starts.length !== count ||
      content.ends.length !== count ||
      content.ends.some((end, p) => end < content.starts[p] || end > header.text.ids) ||
      header.signatureBytes % SIGNATURE_RECORD_BYTES !== 0 ||
      header.signatureBytes / SIGNATURE_RECORD_BYTES < count
    )
      return null
    const { starts, ends, ...rest } = content
    const text = new SnapshotText(handle, textAt, header, starts, ends)
    handle = undefined // the text section keeps it open until read
    return { ...rest, text }
  } catch {
    return null
  } finally {
    await handle?.close()
  }
}

async function readFully(handle: fs.FileHandle, into: Buffer, position: number): Promise<boolean> {
  let done = 0
  while (done < into.length) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done)
    if (bytesRead === 0) return false
    done += bytesRead
  }
  return true
}

/** Background reads go in steps, each followed by touching what it read (see readInBackground). */
const BACKGROUND_STEP = 8 << 20
const PAGE = 4096

/**
 * Reads `into` in steps and touches one byte per memory page of each step as it arrives. A page the kernel filled
 * for a read can still fault on the process's first touch (measured in the bench's virtual machine, a Firecracker
 * guest: ~4 µs a page, 160 ms for 161 MB read with readSync, 1 ms for a second pass): without this, the first
 * searches after opening paid ~200 ms of page faults at 100,000 trials, spread over their records. Here that cost is
 * paid off the critical path, a few ms per step; where pages are already mapped, touching them costs next to nothing.
 */
async function readInBackground(handle: fs.FileHandle, into: Buffer, position: number): Promise<boolean> {
  for (let at = 0; at < into.length; at += BACKGROUND_STEP) {
    const step = into.subarray(at, Math.min(into.length, at + BACKGROUND_STEP))
    if (!(await readFully(handle, step, position + at))) return false
    touchPages(step)
  }
  return true
}

let _pageTouches = 0

function touchPages(buffer: Buffer): void {
  let touched = 0
  for (let i = 0; i < buffer.length; i += PAGE) touched |= buffer[i]
  // Kept, so the loop's reads cannot be optimised away.
  _pageTouches ^= touched
}

function readFullySync(fd: number, into: Buffer, position: number): boolean {
  let done = 0
  while (done < into.length) {
    const bytesRead = readSync(fd, into, done, into.length - done, position + done)
    if (bytesRead === 0) return false
    done += bytesRead
  }
  return true
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
  const text = searchTextColumnOf(index.text)
  const { blob, arrays, table } = serializeApart({
    index: stored,
    ids,
    locations,
    extra,
    starts: text.starts,
    ends: text.ends,
  })
  const { values } = text
  const valueBytes = values.starts[values.count]
  const parts = [
    bytesOf(text.signatures, text.signatures.length),
    bytesOf(text.ids, text.used),
    bytesOf(values.starts, values.count + 1),
    values.bytes.subarray(0, valueBytes),
    bytesOf(values.slots, values.slots.length),
  ]
  const header: SnapshotHeader = {
    format: FORMAT,
    generation,
    blobBytes: blob.length,
    arrays: table,
    signatureBytes: parts[0].length,
    text: { ids: text.used, values: values.count, valueBytes, slots: values.slots.length },
  }
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`)
  const path = snapshotPathOf(storePath)
  const temp = `${path}.tmp-${process.pid}`
  try {
    const handle = await fs.open(temp, 'w', 0o600)
    try {
      // writeFile writes each part whole, one after the other (write() may write part of a buffer).
      for (const part of [headerLine, blob, ...arrays.map(bytesOfArray), ...parts]) await handle.writeFile(part)
    } finally {
      await handle.close()
    }
    await fs.rename(temp, path)
  } catch {
    // Only a speed-up: the next open rebuilds it from the store file.
    await fs.rm(temp, { force: true }).catch(() => undefined)
  }
}
