/**
 * What the Electron main process asks of the core — the store's reads, the following (user-data.json), syncs, the key
 * test, the CSV export, picking up a CLI's writes, closing — as async calls, so the answer can come from another
 * process (the app's utility process, electron/utility/coreProcess.ts) or from this one (the e2e bridge and the
 * main-process tests) behind one type. The wire messages (coreProtocol.ts) are derived from it.
 */
import type { Language } from '../../../shared/settings'
import type { ListQuery, SourceId, SyncLogEntry } from '../../../shared/trials'
import type { SyncOptions, TrialDesk } from '../trialDesk'
import type { Following } from '../userData/following'
import type { StoreReload } from './liveTrialDesk'

/** Every method of T answering with a promise (what a call into another process looks like). */
export type Asynced<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never
}

/** The following's calls; its open warnings come with `opened()`. */
export type CoreFollowing = Asynced<Omit<Following, 'warnings'>>

/** What a sync needs from the main process. The key travels only here and in `testKey`, and only for that call. */
export interface CoreSyncRequest extends Pick<SyncOptions, 'sources' | 'trigger' | 'fullResync' | 'allowMassRemoval'> {
  serviceKey?: string
  /** The settings' CRIS detail budget at the time of this sync. */
  crisDetailBudget?: number
}

/** In-process extras: cancelling and progress (across processes: a `cancelSync` call and `sync:progress` events). */
export type CoreSyncOptions = CoreSyncRequest & Pick<SyncOptions, 'signal' | 'onProgress'>

export interface CoreKeyTestRequest {
  key: string
  source: SourceId
  timeoutMs: number
}

export interface CoreCsvRequest {
  /** Where the user chose to save it (the main process owns the dialog). */
  path: string
  query: ListQuery
  language: Language
}

export interface CoreApi extends Asynced<Pick<TrialDesk, 'list' | 'get' | 'status' | 'syncLog'>> {
  /** Resolves once the store is open, with its warnings (e.g. recovered from a damaged file); rejects if it cannot. */
  opened(): Promise<{ openWarnings: string[] }>
  readonly following: CoreFollowing
  sync(options: CoreSyncOptions): Promise<SyncLogEntry[]>
  /** Checks a key against one source's API (Settings → Test connection). */
  testKey(request: CoreKeyTestRequest): Promise<{ totalCount: number }>
  /** Writes every row of the filtered list as CSV; resolves with the row count. */
  exportCsv(request: CoreCsvRequest): Promise<{ rows: number }>
  /** Re-opens the store if another process (a CLI sync) changed the file; null when nothing changed. */
  refreshIfChangedOnDisk(): Promise<StoreReload | null>
  /** Waits for a running sync and the index snapshot's write, then releases the store. */
  close(): Promise<void>
}
