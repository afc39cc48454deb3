import type { SyncLogEntry } from '../../../shared/trials'
import type { SyncOptions } from '../trialDesk'
import type { Source } from '../sources/source'
import { lockStore } from '../store/trialStoreFile'
import type { StoreSession } from '../store/storeSession'
import { syncOneSource } from './syncOneSource'
import { resolveSyncRun } from './syncRun'

/**
 * One sync run: take the store's writer lock (STORE_IN_USE if another process holds it), pick up another process's
 * writes, then sync the sources one after another (each while the spare its commit is made from is copied); one
 * failing does not stop the next.
 */
export async function runSync(
  session: StoreSession,
  sources: ReadonlyMap<string, Source>,
  options: SyncOptions,
  serviceKey: () => string | undefined,
): Promise<SyncLogEntry[]> {
  const lock = await lockStore(session.path)
  let spare: Promise<void> = Promise.resolve()
  try {
    await session.reloadIfChangedOnDisk()
    const run = resolveSyncRun(options)
    const entries: SyncLogEntry[] = []
    for (const sourceId of options.sources) {
      // While the source is fetched: a spare for its commit to write only what changed (see patchGeneration).
      spare = session.prepareSpare()
      entries.push(await syncOneSource({ ...run, session, lock, sourceId, source: sources.get(sourceId), serviceKey }))
    }
    return entries
  } finally {
    session.release()
    await spare // the spare is written under the lock only
    await lock.release()
  }
}
