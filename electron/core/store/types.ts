import type { AppError } from '../../../shared/errors'
import type { ChangeKind, CommonFields, HistoryEntry, SourceId, SyncLogEntry } from '../../../shared/trials'

export const SCHEMA_VERSION = 3

/** One trial as kept in the store. */
export interface StoredTrial {
  id: string // `<source>:<sourceId>`
  source: SourceId
  sourceId: string
  fields: Record<string, unknown> // as received, source column names
  common: CommonFields
  firstSeenAt: string
  changedAt: string
  /**
   * When a sync last wrote the record. An active record was also seen by every complete listing since (else it would
   * be marked removed): what a reader is told is the later of this and its source's `listedAt` (see lastSeenOf), so
   * a sync need not rewrite every unchanged record.
   */
  lastSeenAt: string
  removedAt: string | null
  changeKind: ChangeKind
  detailsPending?: boolean
  history: HistoryEntry[] // oldest first on disk; queries return newest first
}

export interface SourceMeta {
  lastSuccessAt: string | null
  lastAttemptAt: string | null
  lastError: AppError | null
  state: Record<string, unknown>
  /** When the last complete listing (one that could mark trials removed) was taken: every active record was in it. */
  listedAt?: string
}

/** The main JSON file. */
export interface StoreData {
  schemaVersion: number
  trials: StoredTrial[]
  sources: Partial<Record<SourceId, SourceMeta>>
  syncLog: SyncLogEntry[] // newest last, bounded (200)
}
