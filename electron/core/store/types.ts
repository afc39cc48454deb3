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
}

/** The main JSON file. */
export interface StoreData {
  schemaVersion: number
  trials: StoredTrial[]
  sources: Partial<Record<SourceId, SourceMeta>>
  syncLog: SyncLogEntry[] // newest last, bounded (200)
}
