import { promises as fs } from 'node:fs'
import { diskErrorCode } from '../disk'
import { TrialsError } from '../errors'
import { CorruptStoreError, backupPathOf, emptyStoreData, readStoreFile } from './storeFile'
import type { StoreData } from './types'

export interface LoadedStore {
  data: StoreData
  /** For the user: what was recovered and where the damaged file was kept. */
  warnings: string[]
  /** Set when a damaged main file was set aside. */
  corruptPath?: string
}

/** `<file>.corrupt-20261125T123456Z`: sortable, and valid on Windows (no colons). */
export function corruptPathOf(storePath: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  return `${storePath}.corrupt-${stamp}`
}

export async function freeCorruptPath(storePath: string, at: Date): Promise<string> {
  const base = corruptPathOf(storePath, at)
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`
    try { await fs.access(candidate) } catch { return candidate }
  }
}

async function readBackup(storePath: string): Promise<StoreData | null> {
  try {
    return await readStoreFile(backupPathOf(storePath))
  } catch (e) {
    if (e instanceof CorruptStoreError) return null
    throw e
  }
}

/** Copies the good previous generation back to the main path (atomically), so the next start is clean. */
export async function restoreFromBackup(storePath: string): Promise<void> {
  const temp = `${storePath}.tmp-${process.pid}`
  await fs.copyFile(backupPathOf(storePath), temp)
  await fs.rename(temp, storePath)
}

function unreadable(storePath: string, reason: string): TrialsError {
  const backup = backupPathOf(storePath)
  return new TrialsError('STORE_UNREADABLE',
    `The trial store ${storePath} is damaged (${reason}) and there is no good previous copy (${backup}). ` +
    `Nothing was deleted. To start a fresh store (a sync downloads the trials again), move ${storePath} and, if it ` +
    `exists, ${backup} to another folder; or put back copies from your backups.`)
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
function readOnlyRecovery(storePath: string, backup: StoreData): LoadedStore {
  return {
    data: backup,
    warnings: [
      `The trial store ${storePath} could not be read, and its folder cannot be written, so the previous copy ` +
      `(${backupPathOf(storePath)}) is shown and no file was moved. Give your account write access to that folder, then sync again.`,
    ],
  }
}

/**
 * Loads the store. Missing file → empty store (first run). Damaged file → renamed to `<file>.corrupt-<ts>` (never
 * deleted) and the previous generation `<file>.bak` is loaded, with a warning. Both bad → STORE_UNREADABLE.
 */
export async function loadStore(storePath: string, now: () => Date = () => new Date()): Promise<LoadedStore> {
  let reason: string
  try {
    const data = await readStoreFile(storePath)
    if (data) return { data, warnings: [] }
    // No main file: a first run, unless a previous generation exists (then something removed the main file).
    const backup = await readBackup(storePath).catch(() => null)
    const backupExists = await fs.access(backupPathOf(storePath)).then(() => true, () => false)
    if (!backupExists) return { data: emptyStoreData(), warnings: [] }
    if (!backup) throw unreadable(storePath, 'the main file is missing and its previous copy is damaged')
    if (!(await tryOnReadOnlyDisk(() => restoreFromBackup(storePath)))) return readOnlyRecovery(storePath, backup)
    return { data: backup, warnings: [`The trial store ${storePath} was missing; its previous copy was loaded. The last sync may have to be repeated.`] }
  } catch (e) {
    if (!(e instanceof CorruptStoreError)) throw e
    reason = e.message
  }
  const backup = await readBackup(storePath)
  if (!backup) throw unreadable(storePath, reason)
  const corruptPath = await freeCorruptPath(storePath, now())
  if (!(await tryOnReadOnlyDisk(() => fs.rename(storePath, corruptPath)))) return readOnlyRecovery(storePath, backup)
  await restoreFromBackup(storePath)
  return {
    data: backup,
    corruptPath,
    warnings: [
      `The trial store was damaged (${reason}). It was kept as ${corruptPath} and the previous copy was loaded; ` +
      'changes from the last sync may be missing, so sync again.',
    ],
  }
}
