import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import lockfile from 'proper-lockfile'
import { toDiskError, type DiskTarget } from '../../disk'
import { TrialsError } from '../../errors'

/** A lock is stale when not refreshed for this long (a crashed writer). */
const STALE_MS = 10_000
const UPDATE_MS = 2_000

export interface WriterLock {
  /** Becomes true if the lock was lost (e.g. the machine slept past the stale time): do not commit. */
  readonly compromised: boolean
  release(): Promise<void>
}

/**
 * Takes a file's exclusive writer lock (`<file>.lock`, shared by every process), or throws STORE_IN_USE with
 * `inUseMessage` at once. Readers never need it: writes are atomic renames. A folder the user cannot write (or a
 * full disk) fails here first, as STORE_NOT_WRITABLE / DISK_FULL rather than INTERNAL.
 */
export async function lockForWriting(
  path: string,
  inUseMessage: string,
  diskKind: DiskTarget['kind'],
): Promise<WriterLock> {
  const target = { kind: diskKind, path }
  await fs.mkdir(dirname(path), { recursive: true }).catch((e: unknown) => {
    throw toDiskError(e, target)
  })
  let compromised = false
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(path, {
      realpath: false, // the file may not exist yet
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      onCompromised: () => {
        compromised = true
      },
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new TrialsError('STORE_IN_USE', inUseMessage)
    throw toDiskError(e, target)
  }
  return {
    get compromised() {
      return compromised
    },
    release: async () => {
      await release().catch(() => undefined)
    },
  }
}
