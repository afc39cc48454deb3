import { constants as fsConstants, promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { withDiskErrors, type DiskTarget } from '../../disk'
import type { DurableFormat } from './format'
import { serializeLineLayout } from './lineLayout'

export const backupPathOf = (path: string) => `${path}.bak`
/** The temp file a writer fills before renaming it over `path` (per process: two writers never share one). */
export const tempPathOf = (path: string) => `${path}.tmp-${process.pid}`

/** fsync a folder so a rename inside it survives power loss (not possible on Windows: ignored there). */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    /* best effort */
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path, fsConstants.F_OK)
    return true
  } catch {
    return false
  }
}

/**
 * Keeps the current file as `<file>.bak` without ever leaving the main path missing:
 * hard-link (or copy) it to a temp name, then rename that over the old backup.
 */
export async function keepPreviousGeneration(path: string): Promise<void> {
  if (!(await exists(path))) return
  const backupTemp = tempPathOf(backupPathOf(path))
  await fs.rm(backupTemp, { force: true })
  try {
    try {
      await fs.link(path, backupTemp)
    } catch {
      await fs.copyFile(path, backupTemp)
    }
    await fs.rename(backupTemp, backupPathOf(path))
  } catch (e) {
    // A copy that failed half-way (disk full) is as large as the file: never leave it behind.
    await fs.rm(backupTemp, { force: true }).catch(() => undefined)
    throw e
  }
}

/**
 * Removes temp files a killed writer left beside the file (each can be as large as the file).
 * Only called by the writer (the lock holder), so no other process is writing them.
 */
export async function removeStaleTempFiles(path: string): Promise<void> {
  const prefixes = [`${basename(path)}.tmp-`, `${basename(backupPathOf(path))}.tmp-`]
  const names = await fs.readdir(dirname(path)).catch(() => [] as string[])
  await Promise.all(
    names
      .filter((name) => prefixes.some((prefix) => name.startsWith(prefix)))
      .map((name) => fs.rm(join(dirname(path), name), { force: true })),
  )
}

/**
 * Writes a new generation atomically: `fill` writes the temp file, which is fsynced; the current file is kept as
 * `<file>.bak`; the temp file is renamed over the main file. A crash at any point leaves the old or the new file; a
 * failure (no permission, disk full) leaves the old file and no temp file, and is reported as STORE_NOT_WRITABLE /
 * DISK_FULL.
 */
export async function replaceAtomically(
  path: string,
  diskKind: DiskTarget['kind'],
  fill: (handle: fs.FileHandle) => Promise<void>,
): Promise<void> {
  await withDiskErrors({ kind: diskKind, path }, async () => {
    await fs.mkdir(dirname(path), { recursive: true })
    await removeStaleTempFiles(path)
    const temp = tempPathOf(path)
    try {
      const handle = await fs.open(temp, 'w', 0o600)
      try {
        await fill(handle)
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

/** Writes `data` in the format's layout as the file's new generation (see replaceAtomically). */
export async function writeDurable<T>(path: string, data: T, format: DurableFormat<T>): Promise<void> {
  await replaceAtomically(path, format.diskKind, async (handle) => {
    const write = async (chunk: string) => {
      await handle.write(chunk)
    }
    const { lineLayout } = format
    if (lineLayout) await serializeLineLayout(data as Record<string, unknown>, lineLayout.key, lineLayout.after, write)
    else await write(`${JSON.stringify(data)}\n`)
  })
}
