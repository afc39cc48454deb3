/**
 * Reading, writing and recovering `user-data.json` with the trial store's rules: compact JSON, atomic write (temp
 * file, fsync, rename), the previous generation kept as `.bak`, a damaged file kept as `.corrupt-<ts>` and the
 * `.bak` loaded. The generation and recovery steps are the store's own (electron/core/store).
 */
import { promises as fs } from 'node:fs'
import { dirname, join } from 'node:path'
import { withDiskErrors } from '../disk'
import { TrialsError } from '../errors'
import { freeCorruptPath, restoreFromBackup } from '../store/loadStore'
import { migrateStoreData, UnsupportedSchemaError } from '../store/migrations'
import { CorruptStoreError, readStoreJson } from '../store/readStoreJson'
import { backupPathOf, keepPreviousGeneration, syncFolder } from '../store/storeFile'
import { emptyUserData, USER_DATA_FILE_NAME, USER_DATA_MIGRATIONS, USER_DATA_SCHEMA_VERSION, userDataSchema, type UserData } from './userDataSchema'

/** `user-data.json` in the trial store's folder (so TRIALS_STORE and --store move it too). */
export function userDataPathFor(storePath: string): string {
  return join(dirname(storePath), USER_DATA_FILE_NAME)
}

/** Reads, migrates and validates one user-data file. null when it does not exist; CorruptStoreError when damaged. */
export async function readUserDataFile(path: string): Promise<UserData | null> {
  const raw = await readStoreJson(path)
  if (raw === null) return null
  try {
    return userDataSchema.parse(migrateStoreData(raw, USER_DATA_MIGRATIONS, USER_DATA_SCHEMA_VERSION))
  } catch (e) {
    if (e instanceof UnsupportedSchemaError && /newer/.test(e.message)) {
      throw new TrialsError('STORE_UNREADABLE',
        `Your saved searches, watched trials and notes (${path}) were written by a newer version of Trial Desk. Update the app (or the CLI) to open them.`)
    }
    throw new CorruptStoreError(`not a Trial Desk user-data file (${e instanceof Error ? e.message.slice(0, 200) : 'wrong shape'})`)
  }
}

/** Compact, atomic, previous generation kept as `.bak`. A crash at any point leaves the old or the new file. */
export async function saveUserData(path: string, data: UserData): Promise<void> {
  const text = `${JSON.stringify(userDataSchema.parse(data))}\n`
  await withDiskErrors({ kind: 'userData', path }, () => writeGeneration(path, text))
}

async function writeGeneration(path: string, text: string): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true })
  const temp = `${path}.tmp-${process.pid}`
  try {
    await fs.writeFile(temp, text, { mode: 0o600, flush: true })
  } catch (e) {
    await fs.rm(temp, { force: true })
    throw e
  }
  await keepPreviousGeneration(path)
  await fs.rename(temp, path)
  await syncFolder(dirname(path))
}

export interface LoadedUserData {
  data: UserData
  /** For the user: what was recovered and where the damaged file was kept. */
  warnings: string[]
  corruptPath?: string
}

async function readBackup(path: string): Promise<UserData | null> {
  return readUserDataFile(backupPathOf(path)).catch((e: unknown) => {
    if (e instanceof CorruptStoreError) return null
    throw e
  })
}

/**
 * Loads the user data. Missing → empty (first run), or the `.bak` if only that exists. Damaged → kept as
 * `.corrupt-<ts>` and the `.bak` loaded. Damaged with no good `.bak` → kept aside too, and an empty set is used
 * with a warning naming the kept file: the trials stay usable, and nothing is deleted.
 */
export async function loadUserData(path: string, now: () => Date = () => new Date()): Promise<LoadedUserData> {
  let reason: string
  try {
    const data = await readUserDataFile(path)
    if (data) return { data, warnings: [] }
    const backup = await readBackup(path)
    if (!backup) return { data: emptyUserData(), warnings: [] }
    await restoreFromBackup(path)
    return { data: backup, warnings: [`Your saved searches, watched trials and notes (${path}) were missing; their previous copy was loaded.`] }
  } catch (e) {
    if (!(e instanceof CorruptStoreError)) throw e
    reason = e.message
  }
  const backup = await readBackup(path)
  const corruptPath = await freeCorruptPath(path, now())
  await fs.rename(path, corruptPath)
  if (!backup) {
    return {
      data: emptyUserData(), corruptPath,
      warnings: [`Your saved searches, watched trials and notes were damaged (${reason}) and had no good previous copy. ` +
        `The damaged file was kept as ${corruptPath}; Trial Desk starts with none. Put back a copy from your backups to restore them.`],
    }
  }
  await restoreFromBackup(path)
  return {
    data: backup, corruptPath,
    warnings: [`Your saved searches, watched trials and notes were damaged (${reason}). The file was kept as ${corruptPath} ` +
      'and the previous copy was loaded; the last change you made to them may be missing.'],
  }
}
