import type { AppError } from '../../../shared/errors'
import type { SyncLogQuery } from '../../../shared/ipc'
import type { SyncLogEntry } from '../../../shared/trials'

/** The log keeps this many entries; a query's limit goes up to it. */
export const MAX_SYNC_LOG_ENTRIES = 200

/** Appends an entry, keeping the newest MAX_SYNC_LOG_ENTRIES (oldest first). */
export function appendSyncLog(log: readonly SyncLogEntry[], entry: SyncLogEntry): SyncLogEntry[] {
  const next = [...log, entry]
  return next.length > MAX_SYNC_LOG_ENTRIES ? next.slice(next.length - MAX_SYNC_LOG_ENTRIES) : next
}

export function failedLogEntry(
  base: Pick<SyncLogEntry, 'id' | 'source' | 'trigger' | 'startedAt' | 'finishedAt' | 'warnings'>,
  error: AppError,
  fetched = 0,
  rejected = 0,
): SyncLogEntry {
  return {
    ...base,
    ok: false,
    fetched,
    created: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    restored: 0,
    rejected,
    error,
  }
}

export function filterSyncLog(
  log: readonly SyncLogEntry[],
  filter: SyncLogQuery = {},
): { total: number; items: SyncLogEntry[] } {
  const matching = log.filter(
    (e) => (filter.ok === undefined || e.ok === filter.ok) && (!filter.source || e.source === filter.source),
  )
  const newestFirst = matching.reverse()
  const offset = Math.max(0, filter.offset ?? 0)
  const limit = Math.min(MAX_SYNC_LOG_ENTRIES, Math.max(1, filter.limit ?? 50))
  return { total: newestFirst.length, items: newestFirst.slice(offset, offset + limit) }
}
