/**
 * The core's public surface, used by the CLI, the Electron main process, the e2e bridge and the benchmark.
 * Implemented by `openTrialDesk` (electron/core/openTrialDesk.ts). Never imports `electron`.
 */
import type { SyncLogQuery } from '../../shared/ipc'
import type {
  ListQuery,
  ListResult,
  SourceId,
  StatusReport,
  SyncLogEntry,
  SyncProgress,
  SyncTrigger,
  TrialDetail,
} from '../../shared/trials'
import type { Source, SourceConfig } from './sources/source'
import type { Following } from './userData/following'

export interface OpenOptions {
  /** The main JSON file. */
  storePath: string
  /** Sources to register; default: every built-in source created from `sourceConfig`. */
  sources?: Source[]
  sourceConfig: SourceConfig
  /** The user's own data; default `user-data.json` beside the store. */
  userDataPath?: string
}

export interface SyncOptions {
  sources: SourceId[]
  /** Fixes the clock for timestamps (CLI --now, tests). */
  now?: () => Date
  allowMassRemoval?: boolean
  /** Incremental sources (ClinicalTrials.gov) fetch everything and list every id, as on their first sync. */
  fullResync?: boolean
  signal?: AbortSignal
  onProgress?: (p: SyncProgress) => void
  trigger?: SyncTrigger
}

export interface TrialDesk {
  /** Warnings from opening the store (e.g. recovered from a corrupt file: names the `.corrupt-<ts>` file). */
  readonly openWarnings: string[]
  list(query: ListQuery): ListResult
  get(id: string): TrialDetail
  status(): StatusReport
  syncLog(filter?: SyncLogQuery): { total: number; items: SyncLogEntry[] }
  /**
   * Syncs the given sources one after another (one failing does not stop the next) and resolves with one log entry each.
   * Single flight: a call while a sync runs joins it. Each source commits all it fetched or nothing.
   */
  sync(options: SyncOptions): Promise<SyncLogEntry[]>
  readonly syncing: boolean
  /** Saved searches, watched trials, notes and seen marks (user-data.json). List and detail items carry `watched` and `note`. */
  readonly following: Following
  close(): Promise<void>
}
