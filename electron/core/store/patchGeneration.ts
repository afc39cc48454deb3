import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import { withDiskErrors } from '../disk'
import { fileStampOf, sameFileStamp, type FileStamp } from './durable/fileStamp'
import { edgeLineOf } from './durable/lineLayout'
import { keepPreviousGeneration, removeStaleTempFiles, syncFolder, tempPathOf } from './durable/write'
import type { RecordLocations } from './recordFile'
import { TRIAL_STORE } from './trialStoreFile'
import { LAST_SEPARATOR, RECORD_SEPARATOR, SPACE, withRoom, writeFully } from './writeGeneration'

/**
 * A save proportional to what changed. The store file stays one JSON document, written as a new generation that is
 * renamed over the old one, the old one kept as `.bak` — but the new generation is made from the **spare**
 * (`trials.json.next`): a copy of the current store file that a sync makes while it fetches (the kernel copies it,
 * off the event loop). The save writes into the spare only what changed, fsyncs it and renames it over the store,
 * so it writes a few MB instead of the whole file, and a kill at any moment still leaves the last generation whole
 * under the store's name. The spare is a file no reader ever opened as the store (a generation, once replaced, is
 * never written again: another process may still be reading it).
 *
 * The spare's note (`trials.json.next.json`, disposable) names the store file the spare copies and the spare itself
 * (inode, size, mtime). Anything that does not match — no spare, a store written by anyone else since, a lost note —
 * means "write the whole file". The note is removed (and that made durable) before the spare is written into, so a
 * spare left half-written by a crash or a power cut is never taken for a copy.
 */
export const sparePathOf = (storePath: string) => `${storePath}.next`
const notePathOf = (storePath: string) => `${sparePathOf(storePath)}.json`

interface SpareNote {
  store: FileStamp
  spare: FileStamp
}

async function readNote(storePath: string): Promise<SpareNote | null> {
  try {
    return JSON.parse(await fs.readFile(notePathOf(storePath), 'utf8')) as SpareNote
  } catch {
    return null
  }
}

/** True when the spare is a copy of the store file as it is now. */
async function spareIsCurrent(storePath: string): Promise<boolean> {
  const note = await readNote(storePath)
  if (!note) return false
  const [store, spare] = await Promise.all([fileStampOf(storePath), fileStampOf(sparePathOf(storePath))])
  return sameFileStamp(store, note.store ?? null) && sameFileStamp(spare, note.spare ?? null)
}

/** Forgets the spare, durably: after a power cut it is not taken for a copy of the store. */
async function dropNote(storePath: string): Promise<void> {
  await fs.rm(notePathOf(storePath), { force: true })
  await syncFolder(dirname(storePath))
}

/**
 * Makes the spare for the next save when there is no current one: a copy of the store file, fsynced, renamed into
 * place, then its note. Called by a sync holding the writer lock (the sync waits for it before letting go of the
 * lock). Never throws: without a spare the save writes the whole file.
 */
export async function prepareSpare(storePath: string): Promise<void> {
  const sparePath = sparePathOf(storePath)
  try {
    if (await spareIsCurrent(storePath)) return
    await dropNote(storePath)
    const store = await fileStampOf(storePath)
    if (!store) return
    await removeStaleTempFiles(sparePath)
    await removeStaleTempFiles(notePathOf(storePath))
    const temp = tempPathOf(sparePath)
    try {
      await fs.copyFile(storePath, temp)
      const handle = await fs.open(temp, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      if (!sameFileStamp(await fileStampOf(storePath), store)) throw new Error('the store was written during the copy')
      await fs.rename(temp, sparePath)
    } catch (e) {
      await fs.rm(temp, { force: true })
      throw e
    }
    await syncFolder(dirname(storePath))
    const spare = await fileStampOf(sparePath)
    if (!spare) return
    const note: SpareNote = { store, spare }
    const noteTemp = tempPathOf(notePathOf(storePath))
    await fs.writeFile(noteTemp, JSON.stringify(note), { mode: 0o600 })
    await fs.rename(noteTemp, notePathOf(storePath))
  } catch {
    await fs.rm(notePathOf(storePath), { force: true }).catch(() => undefined)
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
  /** The new first line (schema version) and closing line (sources, sync log), as a whole-file save writes them. */
  head: Buffer
  closing: Buffer
}

/** The position whose record line is the last one in the file (the one before the closing line). */
function lastLineOf(offsets: Float64Array): number {
  let last = -1
  for (let p = 0; p < offsets.length; p++) if (last === -1 || offsets[p] > offsets[last]) last = p
  return last
}

/**
 * This save's changes, written into the spare: a record still fitting its bytes (JSON and room) is written where it
 * lies; any other is blanked there (its separator too: the record line before keeps its own comma for what follows)
 * and appended after the last record line, as new records are. Then the closing line. Resolves with the new
 * locations.
 */
async function writeChanges(spare: fs.FileHandle, input: PatchInput, recordsEnd: number): Promise<RecordLocations> {
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
      await writeFully(spare, inPlace, offsets[p])
      continue
    }
    if (p < before) {
      await writeFully(spare, Buffer.alloc(lengths[p] + 1, SPACE), offsets[p])
      if (p === lastLine) lastLineBlanked = true
    }
    appended.push(record)
  }
  let end = recordsEnd
  if (appended.length > 0) {
    // The last record line's separator (a space) becomes a comma, unless that line was just blanked.
    if (lastLine !== -1 && !lastLineBlanked) await writeFully(spare, Buffer.from(','), recordsEnd - 2)
    const lines: Buffer[] = []
    appended.forEach(({ position, json }, i) => {
      const bytes = withRoom(json)
      offsets[position] = end
      lengths[position] = bytes.length
      lines.push(bytes, i === appended.length - 1 ? LAST_SEPARATOR : RECORD_SEPARATOR)
      end += bytes.length + 2
    })
    await writeFully(spare, Buffer.concat(lines), recordsEnd)
  }
  await writeFully(spare, closing, end)
  await spare.truncate(end + closing.length)
  return { offsets, lengths }
}

/**
 * Where the spare's records end (its closing line starts), when it can be patched: its first line is the new one
 * (a schema change rewrites the whole file) and its last record line ends with the separator this version writes (a
 * space), so a record can follow it. Null otherwise.
 */
async function recordsEndOf(spare: fs.FileHandle, head: Buffer): Promise<number | null> {
  const { size } = await spare.stat()
  const first = await edgeLineOf(spare, size, 'first')
  const closing = await edgeLineOf(spare, size, 'closing')
  if (!first || !closing || `${first.text}\n` !== head.toString('utf8') || closing.offset < 2) return null
  const separator = Buffer.alloc(1)
  await spare.read(separator, 0, 1, closing.offset - 2)
  return separator[0] === SPACE ? closing.offset : null
}

/**
 * Saves the new generation from the spare (see above). Resolves with where each record now lies, or null when there
 * is no current spare or the store's layout is not this version's (then write the whole file). Throws
 * STORE_NOT_WRITABLE / DISK_FULL like a whole-file save; the store file is then untouched.
 */
export async function patchGeneration(input: PatchInput): Promise<RecordLocations | null> {
  const { storePath } = input
  if (input.count < input.locations.offsets.length || !(await spareIsCurrent(storePath))) return null
  const sparePath = sparePathOf(storePath)
  return withDiskErrors({ kind: TRIAL_STORE.diskKind, path: storePath }, async () => {
    await dropNote(storePath)
    let renamed = false
    try {
      const spare = await fs.open(sparePath, 'r+')
      let locations: RecordLocations | null
      try {
        const recordsEnd = await recordsEndOf(spare, input.head)
        locations = recordsEnd === null ? null : await writeChanges(spare, input, recordsEnd)
        if (locations) await spare.sync()
      } finally {
        await spare.close()
      }
      if (!locations) return null
      // As a whole-file save from here: the current generation becomes `.bak`, the new one takes the store's name.
      await keepPreviousGeneration(storePath)
      await fs.rename(sparePath, storePath)
      renamed = true
      await syncFolder(dirname(storePath))
      return locations
    } finally {
      // A spare not renamed into place may be half written: never left to be taken for a copy (its note is gone).
      if (!renamed) await fs.rm(sparePath, { force: true }).catch(() => undefined)
    }
  })
}

/** The spare and its note are gone with a whole-file save (the spare no longer copies the store). */
export async function dropSpare(storePath: string): Promise<void> {
  await fs.rm(notePathOf(storePath), { force: true })
  await fs.rm(sparePathOf(storePath), { force: true })
}
