import { promises as fs } from 'node:fs'
import { diskErrorCode } from '../../disk'
import { TrialsError } from '../../errors'
import { CorruptFileError, type DurableFormat } from './format'
import { backupPathOf, tempPathOf } from './write'

export interface Recovered<T> {
  data: T
  /** For the user: what was recovered and where the damaged file was kept. */
  warnings: string[]
  /** Set when a damaged main file was set aside. */
  corruptPath?: string
  /** Which file `data` came from: the main file, or its previous generation (now copied back to the main path). */
  from: 'main' | 'backup' | 'none'
  /** The file that holds `data` byte for byte now: the main path, or the backup when it could not be copied back. */
  heldIn: string
}

/** `<file>.corrupt-20261125T123456Z`: sortable, and valid on Windows (no colons). */
export function corruptPathOf(path: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${path}.corrupt-${stamp}`
}

async function freeCorruptPath(path: string, at: Date): Promise<string> {
  const base = corruptPathOf(path, at)
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`
    try {
      await fs.access(candidate)
    } catch {
      return candidate
    }
  }
}

/** Copies the good previous generation back to the main path (atomically), so the next start is clean. */
async function restoreFromBackup(path: string): Promise<void> {
  const temp = tempPathOf(path)
  await fs.copyFile(backupPathOf(path), temp)
  await fs.rename(temp, path)
}

function unreadable<T>(path: string, format: DurableFormat<T>, reason: string): TrialsError {
  const backup = backupPathOf(path)
  return new TrialsError(
    format.unreadableCode,
    `The ${format.label} ${path} is damaged (${reason}) and there is no good previous copy (${backup}). ` +
      `Nothing was deleted. ${format.startAfresh}, move ${path} and, if it exists, ${backup} to another folder; ` +
      'or put back copies from your backups.',
  )
}

/** Runs a recovery step; false when the folder cannot be written (then the files are left exactly as they are). */
async function tryOnReadOnlyDisk(step: () => Promise<void>): Promise<boolean> {
  try {
    await step()
    return true
  } catch (e) {
    if (diskErrorCode(e)) return false
    throw e
  }
}

/** The previous generation, shown read-only, when the folder cannot be written to set the damaged file aside. */
function readOnlyRecovery<T>(path: string, format: DurableFormat<T>, backup: T): Recovered<T> {
  return {
    data: backup,
    from: 'backup',
    heldIn: backupPathOf(path),
    warnings: [
      `The ${format.label} ${path} could not be read, and its folder cannot be written, so the previous copy ` +
        `(${backupPathOf(path)}) is shown and no file was moved. Give your account write access to that folder, then sync again.`,
    ],
  }
}

/**
 * Opens a durable file with recovery. Missing file → `format.empty()` (first run). Damaged file → renamed to
 * `<file>.corrupt-<ts>` (never deleted) and the previous generation `<file>.bak` is loaded and copied back, with a
 * warning (on a folder that cannot be written: the previous generation, read-only, nothing moved). Both bad → the
 * format's unreadable code. `read` reads one file (null when it does not exist).
 */
export async function recoverDurable<T>(
  path: string,
  format: DurableFormat<T>,
  read: (path: string) => Promise<T | null>,
  now: () => Date = () => new Date(),
): Promise<Recovered<T>> {
  const readBackup = async (): Promise<T | null> => {
    try {
      return await read(backupPathOf(path))
    } catch (e) {
      if (e instanceof CorruptFileError) return null
      throw e
    }
  }
  let reason: string
  try {
    const data = await read(path)
    if (data) return { data, warnings: [], from: 'main', heldIn: path }
    // No main file: a first run, unless a previous generation exists (then something removed the main file).
    const backupExists = await fs.access(backupPathOf(path)).then(
      () => true,
      () => false,
    )
    if (!backupExists) return { data: format.empty(), warnings: [], from: 'none', heldIn: path }
    const backup = await readBackup().catch(() => null)
    if (!backup) throw unreadable(path, format, 'the main file is missing and its previous copy is damaged')
    if (!(await tryOnReadOnlyDisk(() => restoreFromBackup(path)))) return readOnlyRecovery(path, format, backup)
    return {
      data: backup,
      from: 'backup',
      heldIn: path,
      warnings: [`The ${format.label} ${path} was missing; its previous copy was loaded. ${format.afterRecovery}`],
    }
  } catch (e) {
    if (!(e instanceof CorruptFileError)) throw e
    reason = e.message
  }
  const backup = await readBackup()
  if (!backup) throw unreadable(path, format, reason)
  const corruptPath = await freeCorruptPath(path, now())
  if (!(await tryOnReadOnlyDisk(() => fs.rename(path, corruptPath)))) return readOnlyRecovery(path, format, backup)
  await restoreFromBackup(path)
  return {
    data: backup,
    corruptPath,
    from: 'backup',
    heldIn: path,
    warnings: [
      `The ${format.label} was damaged (${reason}). It was kept as ${corruptPath} and the previous copy was loaded. ` +
        format.afterRecovery,
    ],
  }
}
