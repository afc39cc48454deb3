import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import { withDiskErrors } from '../disk'
import { backupPathOf, keepPreviousGeneration, removeStaleTempFiles, syncFolder, tempPathOf } from './durable/write'
import type { RecordLocations } from './recordFile'
import { TRIAL_STORE } from './trialStoreFile'
import { withRoom } from './writeGeneration'

/**
 * A save proportional to what changed. The store file stays one JSON document, written as a new generation that is
 * renamed over the old one, the old one kept as `.bak` — but the new generation is made from the **spare**: the
 * `.bak` file of the last save, brought up to date by copying in the byte ranges that save wrote, then changed where
 * this save changes it. So a save writes (and fsyncs) a few MB instead of the whole file, and a kill at any moment
 * still leaves the last generation whole under the store's name.
 *
 * The spare journal (`trials.json.spare`, disposable) says which `.bak` (inode, size, mtime) becomes which store
 * file generation by copying which ranges. Anything that does not match it — no `.bak`, a `.bak` or store file
 * written by anyone else, a lost journal — means "write the whole file" (and prepare a spare for the next save).
 */
export const spareJournalPathOf = (storePath: string) => `${storePath}.spare`

/** Identifies one file on disk: a rename keeps it, any write changes it. */
interface FileIdentity {
  ino: number
  size: number
  mtimeMs: number
}

interface SpareJournal {
  store: FileIdentity
  spare: FileIdentity
  /** Offset and length pairs of the store file that differ from the spare, which is cut to the store's size. */
  ranges: number[]
}

const identityOf = async (path: string): Promise<FileIdentity | null> => {
  try {
    const s = await fs.stat(path)
    return { ino: s.ino, size: s.size, mtimeMs: s.mtimeMs }
  } catch {
    return null
  }
}

const sameIdentity = (a: FileIdentity | null, b: FileIdentity | undefined) =>
  a !== null && b !== undefined && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs

async function readJournal(storePath: string): Promise<SpareJournal | null> {
  try {
    const journal = JSON.parse(await fs.readFile(spareJournalPathOf(storePath), 'utf8')) as SpareJournal
    return Array.isArray(journal.ranges) && journal.ranges.length % 2 === 0 ? journal : null
  } catch {
    return null
  }
}

/** The journal for the current store file and `.bak`; null when there is none that matches them. */
async function currentJournal(storePath: string): Promise<SpareJournal | null> {
  const journal = await readJournal(storePath)
  if (!journal) return null
  const [store, spare] = await Promise.all([identityOf(storePath), identityOf(backupPathOf(storePath))])
  return sameIdentity(store, journal.store) && sameIdentity(spare, journal.spare) ? journal : null
}

async function writeJournal(storePath: string, ranges: number[]): Promise<void> {
  const [store, spare] = await Promise.all([identityOf(storePath), identityOf(backupPathOf(storePath))])
  if (!store || !spare) return
  const journal: SpareJournal = { store, spare, ranges }
  const path = spareJournalPathOf(storePath)
  const temp = tempPathOf(path)
  // Not fsynced: a journal lost to a power cut only means the next save writes the whole file.
  await fs.writeFile(temp, JSON.stringify(journal), { mode: 0o600 })
  await fs.rename(temp, path)
}

/** Forgets the spare (a whole-file save made the journal stale). */
export const dropSpareJournal = (storePath: string) => fs.rm(spareJournalPathOf(storePath), { force: true })

/**
 * Makes `.bak` a spare for the next save when there is none: a copy of the store file (the kernel copies it, off the
 * event loop), fsynced, renamed over `.bak`. Called by a sync once it holds the writer lock, while it fetches.
 * Never throws (without a spare the save writes the whole file).
 */
export async function prepareSpare(storePath: string): Promise<void> {
  try {
    if (await currentJournal(storePath)) return
    const store = await identityOf(storePath)
    if (!store) return
    const temp = tempPathOf(backupPathOf(storePath))
    try {
      await fs.copyFile(storePath, temp)
      const handle = await fs.open(temp, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      // The store file may have been replaced meanwhile (by this process's own save): then this copy is no spare.
      if (!sameIdentity(await identityOf(storePath), store)) throw new Error('store replaced during the copy')
      await fs.rename(temp, backupPathOf(storePath))
    } catch (e) {
      await fs.rm(temp, { force: true })
      throw e
    }
    await syncFolder(dirname(storePath))
    await writeJournal(storePath, [])
  } catch {
    await dropSpareJournal(storePath).catch(() => undefined)
  }
}

/** One record's new JSON at index position `position`. */
export interface ChangedRecord {
  position: number
  json: Buffer
}

export interface PatchInput {
  storePath: string
  /** Where the current generation's records lie (length: JSON and room). */
  locations: RecordLocations
  /** Records that changed (positions below the current count) or are new (the following positions, in order). */
  changed: readonly ChangedRecord[]
  /** Records in the new generation. */
  count: number
  /** The new closing line (sources, sync log). */
  closing: Buffer
}

const SPACE = 0x20

/** Where the closing line starts (after the last record line): the last line that begins with `]`. */
async function closingLineAt(handle: fs.FileHandle, size: number): Promise<number | null> {
  for (let span = 64 << 10; ; span *= 4) {
    const start = Math.max(0, size - span)
    const buffer = Buffer.allocUnsafe(size - start)
    await readFully(handle, buffer, start)
    const at = buffer.lastIndexOf('\n]')
    if (at !== -1) return start + at + 1
    if (start === 0) return null
  }
}

async function readFully(handle: fs.FileHandle, into: Buffer, position: number): Promise<void> {
  for (let done = 0; done < into.length;) {
    const { bytesRead } = await handle.read(into, done, into.length - done, position + done)
    if (bytesRead === 0) throw new Error('the store file is shorter than its spare journal says')
    done += bytesRead
  }
}

/** Collects the byte ranges a save writes, merging adjacent ones. */
class Ranges {
  readonly pairs: number[] = []
  add(offset: number, length: number) {
    const n = this.pairs.length
    if (n > 0 && this.pairs[n - 2] + this.pairs[n - 1] === offset) this.pairs[n - 1] += length
    else this.pairs.push(offset, length)
  }
}

async function writeAt(handle: fs.FileHandle, bytes: Buffer, position: number, ranges?: Ranges): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done)
    done += bytesWritten
  }
  ranges?.add(position, bytes.length)
}

/** The spare becomes the current generation: the last save's ranges copied in from the store file. */
async function catchUp(spare: fs.FileHandle, current: fs.FileHandle, journal: SpareJournal): Promise<void> {
  const buffer = Buffer.allocUnsafeSlow(1 << 20)
  for (let k = 0; k < journal.ranges.length; k += 2) {
    const [offset, length] = [journal.ranges[k], journal.ranges[k + 1]]
    for (let done = 0; done < length;) {
      const step = buffer.subarray(0, Math.min(buffer.length, length - done))
      await readFully(current, step, offset + done)
      await writeAt(spare, step, offset + done)
      done += step.length
    }
  }
  await spare.truncate(journal.store.size)
}

/** The position whose record line is the last one in the file (the one before the closing line). */
function lastLineOf(offsets: Float64Array): number {
  let last = -1
  for (let p = 0; p < offsets.length; p++) if (last === -1 || offsets[p] > offsets[last]) last = p
  return last
}

/**
 * This save's changes, written into the caught-up spare: a record still fitting its bytes (JSON and room) is written
 * where it lies; any other is blanked there (its separator too: the record line before keeps its own comma for
 * what follows) and appended after the last record line, as new records are. Then the closing line. Resolves with
 * the new locations and the file's new size.
 */
async function writeChanges(
  spare: fs.FileHandle,
  input: PatchInput,
  recordsEnd: number,
  written: Ranges,
): Promise<{ locations: RecordLocations; size: number }> {
  const { locations, changed, count, closing } = input
  const before = locations.offsets.length
  const offsets = new Float64Array(count)
  const lengths = new Int32Array(count)
  offsets.set(locations.offsets)
  lengths.set(locations.lengths)
  const lastLine = lastLineOf(locations.offsets)
  let lastLineBlanked = false
  const appended: ChangedRecord[] = []
  for (const record of changed) {
    const p = record.position
    if (p < before && record.json.length <= lengths[p]) {
      const inPlace = Buffer.alloc(lengths[p], SPACE)
      record.json.copy(inPlace)
      await writeAt(spare, inPlace, offsets[p], written)
      continue
    }
    if (p < before) {
      await writeAt(spare, Buffer.alloc(lengths[p] + 1, SPACE), offsets[p], written)
      if (p === lastLine) lastLineBlanked = true
    }
    appended.push(record)
  }
  let end = recordsEnd
  if (appended.length > 0) {
    // The last record line's separator (a space) becomes a comma, unless that line was just blanked.
    if (lastLine !== -1 && !lastLineBlanked) await writeAt(spare, Buffer.from(','), recordsEnd - 2, written)
    const lines: Buffer[] = []
    appended.forEach(({ position, json }, i) => {
      const bytes = withRoom(json)
      offsets[position] = end
      lengths[position] = bytes.length
      lines.push(bytes, Buffer.from(i === appended.length - 1 ? ' \n' : ',\n'))
      end += bytes.length + 2
    })
    await writeAt(spare, Buffer.concat(lines), recordsEnd, written)
  }
  await writeAt(spare, closing, end, written)
  await spare.truncate(end + closing.length)
  return { locations: { offsets, lengths }, size: end + closing.length }
}

/**
 * Saves the new generation from the spare (see above). Resolves with where each record now lies, or null when there
 * is no spare for the current store file or its layout is not this version's (then write the whole file).
 * Throws STORE_NOT_WRITABLE / DISK_FULL like a whole-file save; the store file is then untouched.
 */
export async function patchGeneration(input: PatchInput): Promise<RecordLocations | null> {
  const { storePath } = input
  const journal = await currentJournal(storePath)
  if (!journal || input.count < input.locations.offsets.length) return null
  return withDiskErrors({ kind: TRIAL_STORE.diskKind, path: storePath }, async () => {
    const current = await fs.open(storePath, 'r')
    try {
      // The last record line must end in the separator this version writes (a space), so a record can follow it.
      const recordsEnd = await closingLineAt(current, journal.store.size)
      const separator = Buffer.alloc(1)
      if (recordsEnd !== null && recordsEnd >= 2) await readFully(current, separator, recordsEnd - 2)
      if (recordsEnd === null || separator[0] !== SPACE) return null
      // A killed writer's temp files can each be as large as the store (the spare it had taken, a copy).
      await removeStaleTempFiles(storePath)
      const temp = tempPathOf(storePath)
      await fs.rename(backupPathOf(storePath), temp)
      await dropSpareJournal(storePath)
      try {
        const written = new Ranges()
        const spare = await fs.open(temp, 'r+')
        let locations: RecordLocations
        try {
          await catchUp(spare, current, journal)
          ;({ locations } = await writeChanges(spare, input, recordsEnd, written))
          await spare.sync()
        } finally {
          await spare.close()
        }
        // As a whole-file save from here: the current generation becomes `.bak`, the new one takes the store's name.
        await keepPreviousGeneration(storePath)
        await fs.rename(temp, storePath)
        await syncFolder(dirname(storePath))
        await writeJournal(storePath, written.pairs).catch(() => undefined)
        return locations
      } catch (e) {
        await fs.rm(temp, { force: true }).catch(() => undefined)
        throw e
      }
    } finally {
      await current.close()
    }
  })
}
