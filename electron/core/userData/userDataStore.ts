import { TrialsError } from '../errors'
import { type FileStamp, fileStampOf, sameFileStamp } from '../store/fileStamp'
import { lockStore } from '../store/storeLock'
import { loadUserData, saveUserData } from './userDataFile'
import type { UserData } from './userDataSchema'

/** A write waits this long at most for another process (the app or a CLI command) to finish writing. */
const LOCK_ATTEMPTS = 20
const LOCK_RETRY_MS = 50

async function lockUserData(path: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lockStore(path)
    } catch (e) {
      if (!(e instanceof TrialsError && e.code === 'STORE_IN_USE') || attempt >= LOCK_ATTEMPTS) {
        if (e instanceof TrialsError && e.code === 'STORE_IN_USE') {
          throw new TrialsError('STORE_IN_USE', 'Another Trial Desk window or command is saving your saved searches, watched trials or notes. Try again in a moment.')
        }
        throw e
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS))
    }
  }
}

/**
 * The user data as one process holds it. Every change is read-modify-write under the file's own writer lock
 * (`user-data.json.lock`, apart from the trial store's), starting from what is on disk, so the app and the CLI
 * never lose each other's changes. Reads pick up another process's writes (file stamp).
 */
export class UserDataStore {
  private current: UserData
  private stamp: FileStamp | null = null
  private writing: Promise<unknown> = Promise.resolve()

  private constructor(readonly path: string, loaded: UserData, readonly warnings: string[], private readonly now: () => Date) {
    this.current = loaded
  }

  static async open(path: string, now: () => Date = () => new Date()): Promise<UserDataStore> {
    const loaded = await loadUserData(path, now)
    const store = new UserDataStore(path, loaded.data, loaded.warnings, now)
    store.stamp = await fileStampOf(path)
    return store
  }

  /** The data as last read or written (call `refresh` first to see another process's writes). */
  get data(): UserData { return this.current }

  /** Re-reads the file if another process wrote it since. Returns true when it did. */
  async refresh(): Promise<boolean> {
    const stamp = await fileStampOf(this.path)
    if (sameFileStamp(this.stamp, stamp)) return false
    const loaded = await loadUserData(this.path, this.now)
    this.current = loaded.data
    this.stamp = await fileStampOf(this.path)
    return true
  }

  /**
   * Applies `change` to the latest data and saves it; resolves with what `change` returned. `change` works on a
   * copy and may throw (NOT_FOUND, VALIDATION): then nothing is written.
   */
  update<T>(change: (draft: UserData) => T): Promise<T> {
    const run = this.writing.then(async () => {
      const lock = await lockUserData(this.path)
      try {
        await this.refresh()
        const draft = structuredClone(this.current)
        const result = change(draft)
        await saveUserData(this.path, draft)
        this.current = draft
        this.stamp = await fileStampOf(this.path)
        return result
      } finally {
        await lock.release()
      }
    })
    this.writing = run.catch(() => undefined)
    return run
  }
}
