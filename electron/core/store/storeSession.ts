import { statSync } from 'node:fs'
import { Low } from 'lowdb'
import { createTrialIndex, type TrialIndex } from '../query/trialIndex'
import { DurableFileAdapter } from './durable/adapter'
import { type FileStamp, fileStampOf, sameFileStamp } from './durable/fileStamp'
import { TRIAL_STORE } from './trialStoreFile'
import type { StoreData } from './types'

/**
 * The store as one process holds it: the lowdb database (data in memory, our own file adapter), the query index,
 * and the file's mtime/size as last read or written, to notice another process's sync.
 */
export class StoreSession {
  private readonly db: Low<StoreData>
  private readonly adapter: DurableFileAdapter<StoreData>
  private stamp: FileStamp | null = null
  private currentIndex: TrialIndex

  private constructor(readonly path: string, now: () => Date) {
    this.adapter = new DurableFileAdapter(path, TRIAL_STORE, now)
    this.db = new Low(this.adapter, TRIAL_STORE.empty())
    this.currentIndex = createTrialIndex([])
  }

  /** Loads the store (recovering from a damaged file, see recoverDurable). Throws STORE_UNREADABLE. */
  static async open(path: string, now: () => Date = () => new Date()): Promise<StoreSession> {
    const session = new StoreSession(path, now)
    await session.read()
    return session
  }

  get data(): StoreData { return this.db.data }
  get index(): TrialIndex { return this.currentIndex }
  /** Warnings from the last read (recovery). */
  get warnings(): string[] { return this.adapter.warnings }
  get corruptPath(): string | undefined { return this.adapter.corruptPath }

  private async read(): Promise<void> {
    await this.db.read()
    this.currentIndex = createTrialIndex(this.db.data.trials)
    this.stamp = await fileStampOf(this.path)
  }

  /** Re-reads the file if another process wrote it since we read or wrote it. Returns true when it did. */
  async reloadIfChangedOnDisk(): Promise<boolean> {
    if (sameFileStamp(this.stamp, await fileStampOf(this.path))) return false
    await this.read()
    return true
  }

  /** Saves `next` as the new generation; on failure the in-memory state stays as it was. */
  async commit(next: StoreData): Promise<void> {
    const previous = this.db.data
    this.db.data = next
    try {
      await this.db.write()
    } catch (e) {
      this.db.data = previous
      throw e
    }
    if (next.trials !== previous.trials) this.currentIndex = createTrialIndex(next.trials, this.currentIndex)
    this.stamp = await fileStampOf(this.path)
  }

  fileSize(): number {
    try { return statSync(this.path).size } catch { return 0 }
  }
}
