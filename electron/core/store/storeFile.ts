import { constants as fsConstants, promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { withDiskErrors } from '../disk'
import { TrialsError } from '../errors'
import { migrateStoreData, UnsupportedSchemaError } from './migrations'
import { CorruptStoreError, readStoreJson } from './readStoreJson'
import { serializeStoreInSlices } from './serializeStore'
import { parseStoreData } from './storeSchema'
import { SCHEMA_VERSION, type StoreData } from './types'

export { CorruptStoreError }

export function emptyStoreData(): StoreData {
  return { schemaVersion: SCHEMA_VERSION, trials: [], sources: {}, syncLog: [] }
}

export const backupPathOf = (storePath: string) => `${storePath}.bak`

/** Reads, validates and migrates one store file. Resolves null when the file does not exist. */
export async function readStoreFile(path: string): Promise<StoreData | null> {
  const raw = await readStoreJson(path)
  if (raw === null) return null
  try {
    return parseStoreData(migrateStoreData(raw))
  } catch (e) {
    if (e instanceof UnsupportedSchemaError && /newer/.test(e.message)) {
      // Not damage: a newer Trial Desk wrote it. Leave the file alone.
      throw new TrialsError('STORE_UNREADABLE',
        `The trial store ${path} was written by a newer version of Trial Desk. Update the app (or the CLI) to open it.`)
    }
    throw new CorruptStoreError(`not a Trial Desk store (${e instanceof Error ? e.message.slice(0, 200) : 'wrong shape'})`)
  }
}

/** fsync a folder so a rename inside it survives power loss (not possible on Windows: ignored there). */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r')
    try { await handle.sync() } finally { await handle.close() }
  } catch { /* best effort */ }
}

async function exists(path: string): Promise<boolean> {
  try { await fs.access(path, fsConstants.F_OK); return true } catch { return false }
}

/**
 * Keeps the current file as `<file>.bak` without ever leaving the main path missing:
 * hard-link (or copy) it to a temp name, then rename that over the old backup.
 */
export async function keepPreviousGeneration(path: string): Promise<void> {
  if (!(await exists(path))) return
  const backupTemp = backupTempPathOf(path)
  await fs.rm(backupTemp, { force: true })
  try {
    try {
      await fs.link(path, backupTemp)
    } catch {
      await fs.copyFile(path, backupTemp)
    }
    await fs.rename(backupTemp, backupPathOf(path))
  } catch (e) {
    // A copy that failed half-way (disk full) is as large as the store: never leave it behind.
    await fs.rm(backupTemp, { force: true }).catch(() => undefined)
    throw e
  }
}

const tempPathOf = (path: string) => `${path}.tmp-${process.pid}`
const backupTempPathOf = (path: string) => `${backupPathOf(path)}.tmp-${process.pid}`

/**
 * Removes temp files a killed writer left beside the store (each can be as large as the store).
 * Only called by the lock holder, so no other process is writing them.
 */
async function removeStaleTempFiles(path: string): Promise<void> {
  const prefixes = [`${basename(path)}.tmp-`, `${basename(backupPathOf(path))}.tmp-`]
  const names = await fs.readdir(dirname(path)).catch(() => [] as string[])
  await Promise.all(names
    .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)))
    .map((name) => fs.rm(join(dirname(path), name), { force: true })))
}

/**
 * Writes the store compactly and atomically: temp file in the same folder, fsync, previous generation
 * kept as `<file>.bak`, rename over the main file. A crash at any point leaves the old or the new file; a failure
 * (no permission, disk full) leaves the old file and no temp file, and is reported as STORE_NOT_WRITABLE / DISK_FULL.
 */
export async function saveStore(path: string, data: StoreData): Promise<void> {
  await withDiskErrors({ kind: 'store', path }, async () => {
    await fs.mkdir(dirname(path), { recursive: true })
    await removeStaleTempFiles(path)
    const temp = tempPathOf(path)
    try {
      const handle = await fs.open(temp, 'w')
      try {
        await serializeStoreInSlices(data, async (chunk) => { await handle.write(chunk) })
        await handle.sync()
      } finally {
        await handle.close().catch(() => undefined)
      }
      await keepPreviousGeneration(path)
      await fs.rename(temp, path)
    } catch (e) {
      await fs.rm(temp, { force: true }).catch(() => undefined)
      throw e
    }
    await syncFolder(dirname(path))
  })
}
