import type { SyncLogEntry } from '../../../shared/trials'
import type { SyncOptions } from '../trialDesk'
import type { Source } from '../sources/source'
import { lockStore } from '../store/trialStoreFile'
import type { StoreSession } from '../store/storeSession'
import { syncOneSource } from './syncOneSource'

/**
 * One sync run: take the store's writer lock (STORE_IN_USE if another process holds it), pick up another process's
 * writes, then sync the sources one after another; one failing does not stop the next.
 */
export async function runSync(
  session: StoreSession,
  sources: ReadonlyMap<string, Source>,
  options: SyncOptions,
  serviceKey: () => string | undefined,
): Promise<SyncLogEntry[]> {
  const lock = await lockStore(session.path)
  try {
    await session.reloadIfChangedOnDisk()
    const signal = options.signal ?? new AbortController().signal
    const entries: SyncLogEntry[] = []
    for (const sourceId of options.sources) {
      entries.push(
        await syncOneSource({
          session,
          lock,
          sourceId,
          source: sources.get(sourceId),
          now: options.now ?? (() => new Date()),
          allowMassRemoval: options.allowMassRemoval === true,
          fullResync: options.fullResync === true,
          signal,
          onProgress: options.onProgress ?? (() => undefined),
          trigger: options.trigger,
          serviceKey,
        }),
      )
    }
    return entries
  } finally {
    session.release()
    await lock.release()
  }
}
