import { randomUUID } from 'node:crypto'
import type { SourceId, SyncLogEntry, SyncLogWarning, SyncWarning } from '../../../shared/trials'
import { TrialsError, isTrialsError } from '../errors'
import { redactSecrets } from '../http/redact'
import type { Source } from '../sources/source'
import type { StoreMeta, StoreSession } from '../store/storeSession'
import type { SourceMeta, StoreData } from '../store/types'
import type { StoreLock } from '../store/trialStoreFile'
import { fetchAndDiff } from './fetchAndDiff'
import { ceilingFor, syncCeilingError } from './syncCeiling'
import { appendSyncLog, failedLogEntry } from './syncLog'
import type { SyncRun } from './syncRun'
import { withSourceRecords } from './withSourceRecords'
import { toSyncLogError } from './toSyncLogError'

/** The run's options (resolved once by runSync) and what this source's sync works on. */
export interface SyncOneSourceInput extends SyncRun {
  session: StoreSession
  lock: StoreLock
  sourceId: SourceId
  source: Source | undefined
  serviceKey: () => string | undefined
}

/** A copy of the warning whose text and string values cannot carry the service key (values come from the wire). */
function redactWarning(warning: SyncLogWarning, key: string | undefined): SyncLogWarning {
  const message = redactSecrets(warning.message, key)
  if (!warning.values) return { ...warning, message }
  const values = Object.fromEntries(
    Object.entries(warning.values).map(([name, value]) => [
      name,
      typeof value === 'string' ? redactSecrets(value, key) : value,
    ]),
  )
  return { ...warning, message, values }
}

function metaOf(data: StoreMeta, id: SourceId): SourceMeta {
  return data.sources[id] ?? { lastSuccessAt: null, lastAttemptAt: null, lastError: null, state: {} }
}

/**
 * Syncs one source: fetch the complete listing, diff, and commit everything in one save — or, on any failure,
 * commit nothing but the attempt's metadata and log entry (trials stay exactly as they were).
 */
export async function syncOneSource(input: SyncOneSourceInput): Promise<SyncLogEntry> {
  const { session, sourceId, signal } = input
  const startedAt = input.now().toISOString()
  const warnings: SyncLogWarning[] = []
  const key = input.serviceKey()
  const base = () => ({
    id: randomUUID(),
    source: sourceId,
    ...(input.trigger ? { trigger: input.trigger } : {}),
    startedAt,
    finishedAt: input.now().toISOString(),
    warnings: warnings.map((w) => redactWarning(w, key)),
  })
  const warn = (message: string, coded?: SyncWarning) => {
    warnings.push(
      coded ? { code: coded.code, ...(coded.values ? { values: coded.values } : {}), message } : { message },
    )
  }
  let fetched = 0
  let rejected = 0
  // The sync's ceiling (see syncCeiling): stops the fetch, never a save in progress.
  const ceilingMs = ceilingFor(input.source, session.sourceCounts[sourceId]?.total ?? 0)
  const ceiling = new AbortController()
  const ceilingTimer = setTimeout(() => ceiling.abort(), ceilingMs)
  try {
    if (!input.source) {
      throw new TrialsError('USAGE', `The source "${sourceId}" is not available in this version of Trial Desk.`)
    }
    // Every record is held as a stub (its fields stay on disk): the diff reads back this source's records one at a
    // time as the listing's rows arrive, and keeps whole only those that changed.
    const before = await session.readAll(new Set())
    const result = await fetchAndDiff(input, input.source, before, {
      at: startedAt,
      signal: AbortSignal.any([signal, ceiling.signal]),
      warn,
    }).catch((error: unknown) => {
      throw ceiling.signal.aborted && !signal.aborted ? syncCeilingError(sourceId, ceilingMs) : error
    })
    clearTimeout(ceilingTimer)
    fetched = result.fetched
    rejected = result.rejected
    if (input.lock.compromised) {
      throw new TrialsError(
        'STORE_IN_USE',
        'The store lock was lost during the sync (the computer may have slept), so nothing was saved. Sync again.',
      )
    }
    // A removed trial is not waiting for anything: only listed ones count as pending.
    const pending = result.trials.filter(
      (t) => t.source === sourceId && t.detailsPending && t.removedAt === null,
    ).length
    const entry: SyncLogEntry = {
      ...base(),
      ok: true,
      fetched,
      created: result.counts.created,
      updated: result.counts.updated,
      unchanged: result.counts.unchanged,
      removed: result.counts.removed,
      restored: result.counts.restored,
      rejected,
      ...(result.detailsFetched !== undefined
        ? { detailsFetched: result.detailsFetched, detailsPending: pending }
        : {}),
    }
    const previousMeta = metaOf(before, sourceId)
    const next: StoreData = {
      ...before,
      trials: withSourceRecords(before.trials, sourceId, result.trials),
      sources: {
        ...before.sources,
        [sourceId]: {
          lastSuccessAt: startedAt,
          lastAttemptAt: startedAt,
          lastError: null,
          state: result.state ?? previousMeta.state,
          ...(result.listingComplete
            ? { listedAt: startedAt }
            : previousMeta.listedAt
              ? { listedAt: previousMeta.listedAt }
              : {}),
        },
      },
      syncLog: appendSyncLog(before.syncLog, entry),
    }
    input.onProgress({ source: sourceId, phase: 'save', done: 0, total: 1 })
    await session.commit(next).catch((e: unknown) => {
      if (isTrialsError(e)) throw e // STORE_NOT_WRITABLE, DISK_FULL
      const code = (e as NodeJS.ErrnoException).code ?? 'unknown error'
      throw new TrialsError(
        'INTERNAL',
        `The trial store could not be saved (${code}); nothing was changed. Check free disk space and folder permissions, then sync again.`,
      )
    })
    input.onProgress({ source: sourceId, phase: 'save', done: 1, total: 1 })
    return entry
  } catch (error) {
    clearTimeout(ceilingTimer)
    const entry = failedLogEntry(base(), toSyncLogError(error, sourceId, key, signal), fetched, rejected)
    const current = session.data
    const meta = metaOf(current, sourceId)
    const next: StoreMeta = {
      ...current,
      sources: {
        ...current.sources,
        [sourceId]: { ...meta, lastAttemptAt: startedAt, lastError: entry.error ?? null },
      },
      syncLog: appendSyncLog(current.syncLog, entry),
    }
    // Only the attempt's metadata is written; the trials are the ones already on disk.
    if (!input.lock.compromised) await session.commitMeta(next).catch(() => undefined)
    return entry
  }
}
