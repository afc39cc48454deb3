import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import lockfile from 'proper-lockfile'
import { toDiskError } from '../disk'
import { TrialsError } from '../errors'

/** A lock is stale when not refreshed for this long (a crashed writer). */
const STALE_MS = 10_000
const UPDATE_MS = 2_000

export interface StoreLock {
  /** Becomes true if the lock was lost (e.g. the machine slept past the stale time): do not commit. */
  readonly compromised: boolean
  release(): Promise<void>
}

export const STORE_IN_USE_MESSAGE =
  'Another Trial Desk window or command is syncing this store. Wait for it to finish, or close it.'

/** Takes the store's exclusive writer lock (`<file>.lock`), or throws STORE_IN_USE at once. */
export async function lockStore(storePath: string): Promise<StoreLock> {
  // A folder the user cannot write (or a full disk) fails here first: say so, not INTERNAL.
  await fs.mkdir(dirname(storePath), { recursive: true }).catch((e: unknown) => { throw toDiskError(e, { kind: 'store', path: storePath }) })
  let compromised = false
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(storePath, {
      realpath: false, // the store file may not exist yet
      stale: STALE_MS,
      update: UPDATE_MS,
      retries: 0,
      onCompromised: () => { compromised = true },
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') throw new TrialsError('STORE_IN_USE', STORE_IN_USE_MESSAGE)
    throw toDiskError(e, { kind: 'store', path: storePath })
  }
  return {
    get compromised() { return compromised },
    release: async () => { await release().catch(() => undefined) },
  }
}
