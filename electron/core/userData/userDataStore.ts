import { Low } from 'lowdb'
import { TrialsError } from '../errors'
import { DurableFileAdapter } from '../store/durable/adapter'
import { type FileStamp, fileStampOf, sameFileStamp } from '../store/durable/fileStamp'
import { lockUserData, USER_DATA_FORMAT } from './userDataFile'
import type { UserData } from './userDataSchema'

/** A write waits this long at most for another process (the app or a CLI command) to finish writing. */
const LOCK_ATTEMPTS = 20
const LOCK_RETRY_MS = 50

/** Another process's write takes milliseconds: wait for it briefly rather than failing the user's click. */
async function lockWhenFree(path: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lockUserData(path)
    } catch (e) {
      if (!(e instanceof TrialsError && e.code === 'STORE_IN_USE') || attempt >= LOCK_ATTEMPTS) throw e
      await new Promise((resolve) => setTimeout(resolve, LOCK_RETRY_MS))
    }
  }
}

/**
 * The user data as one process holds it: a lowdb database over the durable file adapter. Every change is read-modify-write under the file's own writer lock
 * (`user-data.json.lock`, apart from the trial store's), starting from what is on disk, so the app and the CLI
 * never lose each other's changes. Reads pick up another process's writes (file stamp).
 */
export class UserDataStore {
  private readonly db: Low<UserData>
  private readonly adapter: DurableFileAdapter<UserData>
  private stamp: FileStamp | null = null
  private writing: Promise<unknown> = Promise.resolve()
  /** Warnings from opening (recovered from a damaged file). */
  readonly warnings: string[]

  private constructor(
    readonly path: string,
    now: () => Date,
  ) {
    this.adapter = new DurableFileAdapter(path, USER_DATA_FORMAT, now)
    this.db = new Low(this.adapter, USER_DATA_FORMAT.empty())
    this.warnings = []
  }

  static async open(path: string, now: () => Date = () => new Date()): Promise<UserDataStore> {
    const store = new UserDataStore(path, now)
    await store.db.read()
    store.warnings.push(...store.adapter.warnings)
    store.stamp = await fileStampOf(path)
    return store
  }

  /** The data as last read or written (call `refresh` first to see another process's writes). */
  get data(): UserData {
    return this.db.data
  }

  /** Re-reads the file if another process wrote it since. Returns true when it did. */
  async refresh(): Promise<boolean> {
    const stamp = await fileStampOf(this.path)
    if (sameFileStamp(this.stamp, stamp)) return false
    await this.db.read()
    this.stamp = await fileStampOf(this.path)
    return true
  }

  /**
   * Applies `change` to the latest data and saves it; resolves with what `change` returned. `change` works on a
   * copy and may throw (NOT_FOUND, VALIDATION): then nothing is written.
   */
  update<T>(change: (draft: UserData) => T): Promise<T> {
    const run = this.writing.then(async () => {
      const lock = await lockWhenFree(this.path)
      try {
        await this.refresh()
        const previous = this.db.data
        const draft = structuredClone(previous)
        const result = change(draft)
        this.db.data = USER_DATA_FORMAT.parse(draft)
        try {
          await this.db.write()
        } catch (e) {
          this.db.data = previous
          throw e
        }
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
