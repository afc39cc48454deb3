/**
 * The app's view of the store, kept current when another process (a CLI sync, e.g. from cron) writes the file while
 * the app is open. The core holds the whole store in memory and has no public reload, so when the file's mtime/size
 * differ from what this process last read or wrote, the store is opened again and swapped in. Checked before every
 * read the renderer asks for, on window focus and periodically; never during the app's own sync (that sync reloads
 * under the writer lock itself, so it can never overwrite the other process's work).
 * Runs in the app's core process (coreService.ts); the main-process tests use it in-process alike.
 */
import type { SyncLogQuery } from '../../../shared/ipc'
import type { SyncLogEntry } from '../../../shared/trials'
import type { SyncOptions, TrialDesk } from '../trialDesk'
import { MAX_SYNC_LOG_ENTRIES } from '../sync/syncLog'
import { fileStampOf, sameFileStamp } from '../store/durable/fileStamp'

export interface StoreReload {
  /** Sync log entries the other process added (its syncs' results), newest first. */
  newEntries: SyncLogEntry[]
  /** The reopened store's warnings (e.g. recovered from a damaged file). */
  warnings: string[]
}

export interface LiveTrialDesk extends TrialDesk {
  /** Re-opens the store if another process changed the file. Resolves with what changed, or null. Never throws. */
  refreshIfChangedOnDisk(): Promise<StoreReload | null>
}

function logIds(core: TrialDesk): Set<string> {
  return new Set(core.syncLog({ limit: MAX_SYNC_LOG_ENTRIES }).items.map((e) => e.id))
}

export async function openLiveTrialDesk(options: {
  storePath: string
  open: () => Promise<TrialDesk>
  onReloadFailed?: (error: unknown) => void
}): Promise<LiveTrialDesk> {
  let current = await options.open()
  let stamp = await fileStampOf(options.storePath)
  let refreshing: Promise<StoreReload | null> | null = null
  let ownSyncs = 0

  async function refresh(): Promise<StoreReload | null> {
    if (ownSyncs > 0 || current.syncing) return null
    const onDisk = await fileStampOf(options.storePath)
    if (onDisk === null || sameFileStamp(onDisk, stamp)) return null
    const seen = logIds(current)
    let reopened: TrialDesk
    try {
      reopened = await options.open()
    } catch (e) {
      // Keep showing what we have; the next check (or the next sync, which reads the file itself) tries again.
      options.onReloadFailed?.(e)
      return null
    }
    const previous = current
    current = reopened
    stamp = onDisk
    await previous.close()
    const newEntries = current.syncLog({ limit: MAX_SYNC_LOG_ENTRIES }).items.filter((e) => !seen.has(e.id))
    return { newEntries, warnings: [...reopened.openWarnings] }
  }

  return {
    get openWarnings() {
      return current.openWarnings
    },
    get syncing() {
      return current.syncing
    },
    get following() {
      return current.following
    },
    list: (query) => current.list(query),
    get: (id) => current.get(id),
    status: () => current.status(),
    syncLog: (filter?: SyncLogQuery) => current.syncLog(filter),
    async sync(syncOptions: SyncOptions) {
      if (refreshing) await refreshing // never swap the store under a running sync
      ownSyncs++
      try {
        return await current.sync(syncOptions)
      } finally {
        // What is on disk now is what this process holds (the core re-read any foreign write under the lock).
        stamp = await fileStampOf(options.storePath)
        ownSyncs--
      }
    },
    close: () => current.close(),
    refreshIfChangedOnDisk() {
      refreshing ??= refresh().finally(() => {
        refreshing = null
      })
      return refreshing
    },
  }
}
