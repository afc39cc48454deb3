import { closeSync, openSync, readSync } from 'node:fs'
import { CorruptFileError } from './durable/format'
import { deepFreeze } from '../query/deepFreeze'
import type { ListedTrial } from '../query/trialIndex'
import type { StoredTrial } from './types'

const FIELDS_KEY = Buffer.from(',"fields":')
const COMMON_KEY = Buffer.from(',"common":{')

/** The buffer records are read into before they are parsed (see trialIn); grown up to MAX_SCRATCH_BYTES. */
let scratch = Buffer.allocUnsafeSlow(64 << 10)
const MAX_SCRATCH_BYTES = 4 << 20

/** Rows kept parsed: five pages of 100, a few hundred KB to a few MB. */
const LISTED_CACHE_ROWS = 500

/** The shape every stored record has without its fields (what a list row reads). */
function isListed(value: Partial<ListedTrial>): value is ListedTrial {
  return (
    typeof value.id === 'string' &&
    typeof value.source === 'string' &&
    typeof value.sourceId === 'string' &&
    typeof value.common === 'object' &&
    value.common !== null &&
    typeof value.firstSeenAt === 'string' &&
    typeof value.changedAt === 'string' &&
    typeof value.lastSeenAt === 'string' &&
    'removedAt' in value &&
    typeof value.changeKind === 'string' &&
    Array.isArray(value.history)
  )
}

/** Where each record's JSON lies in the store file (line layout): byte offset and length, by index position. */
export interface RecordLocations {
  offsets: Float64Array
  lengths: Int32Array
}

/**
 * Reads records of one store file generation by their byte range, on demand. Holds the file open, so a generation
 * replaced by another process's commit (an atomic rename) stays readable until this reader is closed.
 */
export class RecordFile {
  private fd: number | null
  /**
   * The list rows read last, most recent last (a Map keeps insertion order). A list is asked again and again with
   * the same first page (every filter click, every sync event, back from a detail), and reading a row from disk
   * (a system call and a parse, ~70 µs for a ClinicalTrials.gov record) is most of such a query. A generation never
   * changes once written (a commit opens a new RecordFile), so nothing here goes stale.
   */
  private readonly listedCache = new Map<number, ListedTrial>()

  constructor(
    readonly path: string,
    readonly locations: RecordLocations,
  ) {
    this.fd = openSync(path, 'r')
  }

  /** The open file (the previous generation a commit copies unchanged records from). */
  get descriptor(): number | null {
    return this.fd
  }

  /** The raw bytes of record `position`. */
  bytesAt(position: number): Buffer {
    return this.bytesIn(this.locations.offsets[position], this.locations.lengths[position])
  }

  /** The `length` bytes at `offset`, read into `into` when it is given and large enough, else into a new buffer. */
  private bytesIn(offset: number, length: number, into?: Buffer): Buffer {
    if (this.fd === null) throw new Error('record file closed')
    const buffer = into && into.length >= length ? into : Buffer.allocUnsafe(length)
    const read = readSync(this.fd, buffer, 0, length, offset)
    if (read !== length) throw new CorruptFileError('the store file is shorter than its index says')
    return buffer.length === length ? buffer : buffer.subarray(0, length)
  }

  /** Parses record `position` (a fresh object on every call). */
  trialAt(position: number): StoredTrial {
    return this.trialIn(this.locations.offsets[position], this.locations.lengths[position])
  }

  /** Parses the record whose JSON is the `length` bytes at `offset` (a fresh object on every call). */
  trialIn(offset: number, length: number): StoredTrial {
    // Read into one buffer kept for the purpose: a sync reads ~90,000 records back one at a time, and a fresh
    // buffer each (~9 KB, past Node's small-buffer pool) is memory the C allocator holds on to after it is freed.
    if (length > scratch.length && length <= MAX_SCRATCH_BYTES)
      scratch = Buffer.allocUnsafeSlow(Math.min(2 * length, MAX_SCRATCH_BYTES))
    const text = this.bytesIn(offset, length, scratch).toString('utf8')
    try {
      return JSON.parse(text) as StoredTrial
    } catch {
      throw new CorruptFileError(`the record at byte ${offset} of the store file is damaged`)
    }
  }

  /** Record `position` without its source fields, for a list row; shared with later calls (read only). */
  listedAt(position: number): ListedTrial {
    const cached = this.listedCache.get(position)
    if (cached !== undefined) {
      this.listedCache.delete(position)
      this.listedCache.set(position, cached)
      return cached
    }
    // Frozen where list items share it (the row and its common fields): a caller that changed a shared row would
    // change the next query's answer. Its history is read only by latestChangeOf (see sharedSummaryOf).
    const listed = this.parseListed(position)
    Object.freeze(listed)
    deepFreeze(listed.common)
    this.listedCache.set(position, listed)
    if (this.listedCache.size > LISTED_CACHE_ROWS) this.listedCache.delete(this.listedCache.keys().next().value!)
    return listed
  }

  /**
   * Parses a list row: only the part from its `"common":` key on is parsed (the fields, most of a record's bytes,
   * come before it). A record laid out otherwise — or a `"common":{` met inside a source's own fields first — fails
   * the shape check and is parsed whole instead.
   */
  private parseListed(position: number): ListedTrial {
    const bytes = this.bytesAt(position)
    // Quotes inside JSON strings are escaped, so these byte runs are keys; the first `,"fields":` is the record's
    // own (only id, source and sourceId come before it).
    const fieldsAt = bytes.indexOf(FIELDS_KEY)
    const commonAt = fieldsAt === -1 ? -1 : bytes.indexOf(COMMON_KEY, fieldsAt)
    if (commonAt !== -1) {
      try {
        const head = JSON.parse(`${bytes.toString('utf8', 0, fieldsAt)}}`) as Partial<ListedTrial>
        const rest = JSON.parse(`{${bytes.toString('utf8', commonAt + 1)}`) as Partial<ListedTrial>
        const listed = { ...head, ...rest }
        if (isListed(listed)) return listed
      } catch {
        // parsed whole below
      }
    }
    const { fields: _fields, ...listed } = this.trialAt(position)
    return listed
  }

  close(): void {
    this.listedCache.clear()
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}

/**
 * Reads byte ranges of a file in mostly ascending order through one large window, so copying 100,000 records
 * from the previous generation costs a few large reads, not 100,000 small ones. The window's memory is reused, so
 * a returned view is valid only until the next read.
 */
export class RangeReader {
  private buffer = Buffer.alloc(0)
  private window = Buffer.alloc(0)
  private windowStart = 0
  private readonly windowBytes = 8 << 20

  constructor(private readonly fd: number) {}

  read(offset: number, length: number): Buffer {
    if (offset >= this.windowStart && offset + length <= this.windowStart + this.window.length) {
      return this.window.subarray(offset - this.windowStart, offset - this.windowStart + length)
    }
    const size = Math.max(this.windowBytes, length)
    // Fresh memory costs a page fault per 4 KB on first touch: keep reading into the same buffer.
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(size)
    const read = readSync(this.fd, this.buffer, 0, size, offset)
    if (read < length) throw new CorruptFileError('the store file is shorter than its index says')
    this.window = this.buffer.subarray(0, read)
    this.windowStart = offset
    return this.window.subarray(0, length)
  }
}
