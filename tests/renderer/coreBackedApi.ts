/**
 * window.api for component tests, answered by the REAL core for everything read from the store: listTrials over
 * createTrialIndex (filters, facets, search, paging, sorting), getTrial (fields, history, attribution) and the sync
 * log filter, over an in-memory store. So the screens under test and the core can never disagree.
 * What needs the main process (settings, the key, sync runs, events) is simulated, and tests can steer it.
 */
import type { AppError } from '../../shared/errors'
import type { IpcEventMap, IpcEventName, IpcResult, KeyTestResult, SyncStatus, TrialDeskApi } from '../../shared/ipc'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings'
import type { SourceStatus, SyncLogEntry } from '../../shared/trials'
import { FALLBACK_ATTRIBUTION, getTrial } from '../../electron/core/query/getTrial'
import { linksOf } from '../../electron/core/linking/indexLinks'
import { listTrials } from '../../electron/core/query/listTrials'
import { createTrialIndex } from '../../electron/core/query/trialIndex'
import type { StoredTrial } from '../../electron/core/store/types'
import { filterSyncLog } from '../../electron/core/sync/syncLog'
import { toIpcError } from '../../electron/main/api/toIpcError'
import { createFollowingApi } from './followingApi'
import { makeTrials, NOW, SOURCES } from './testTrials'

const HOUR = 3600_000

type Listener = (payload: never) => void

export interface TestApiOptions {
  /** The store's trials (default: makeTrials(45)). */
  trials?: StoredTrial[]
  settings?: Partial<Settings>
  key?: string | null
  /** Newest first. */
  syncLog?: SyncLogEntry[]
  sourceStatus?: Partial<SourceStatus>
  online?: boolean
  nextScheduledAt?: string | null
}

function ok<T>(data: T): Promise<IpcResult<T>> {
  return Promise.resolve({ ok: true, data })
}

/** Runs a core call as the IPC handler would: its result, or its error in the envelope. */
function answer<T>(run: () => T): Promise<IpcResult<T>> {
  try {
    return ok(run())
  } catch (e) {
    return Promise.resolve({ ok: false, error: toIpcError(e) })
  }
}

/** The same for a call that resolves later (the user data is read from its file first). */
function answerAsync<T>(run: () => Promise<T>): Promise<IpcResult<T>> {
  return run().then(
    (data) => ({ ok: true as const, data }),
    (e: unknown) => ({ ok: false as const, error: toIpcError(e) }),
  )
}

export function createTestApi(options: TestApiOptions = {}) {
  const trials = options.trials ?? makeTrials(45)
  const index = createTrialIndex(trials)
  // The window is relative to the moment the test data was made, so "1 hour ago" stays 1 hour ago.
  const now = () => NOW.getTime()
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings }
  let key: string | null = options.key === undefined ? 'SECRET-KEY-abcdef1234' : options.key
  const syncLog = [...(options.syncLog ?? [])].reverse() // the store keeps it oldest first
  const listeners = new Map<IpcEventName, Set<Listener>>()
  let online = options.online ?? true
  let sourceStatus: SourceStatus = {
    source: 'icreat',
    lastSuccessAt: trials.length ? new Date(NOW.getTime() - 2 * HOUR).toISOString() : null,
    lastAttemptAt: trials.length ? new Date(NOW.getTime() - 2 * HOUR).toISOString() : null,
    lastError: null,
    counts: {
      total: trials.length,
      active: trials.filter((t) => t.removedAt === null).length,
      removed: trials.filter((t) => t.removedAt !== null).length,
      detailsPending: trials.filter((t) => t.detailsPending && t.removedAt === null).length,
    },
    ...options.sourceStatus,
  }

  /** What the next startSync resolves with; tests replace it. */
  let syncResult: () => Promise<IpcResult<SyncLogEntry[]>> = () => ok([logEntry(true)])

  const calls: Array<{ name: string; args: unknown[] }> = []
  const record = (name: string, args: unknown[]) => calls.push({ name, args })

  const following = createFollowingApi({
    index,
    now,
    list: (query, clock, extras) => listTrials(index, query, clock, extras),
    record,
  })
  const api: TrialDeskApi = {
    listTrials: (query) => {
      record('listTrials', [query])
      return answerAsync(() => following.list(query))
    },
    getTrial: (id) => {
      record('getTrial', [id])
      return answerAsync(() =>
        following.get(() => {
          const detail = getTrial(
            index,
            id,
            (source, sourceId) => SOURCES.get(source as never)?.attribution(sourceId) ?? FALLBACK_ATTRIBUTION,
          )
          // As the app's core adds them (electron/core/openTrialDesk.ts).
          return { ...detail, linkedIds: [...(linksOf(index).byId.get(detail.id) ?? [])] }
        }),
      )
    },
    ...following.calls,
    startSync: (opts) => {
      record('startSync', [opts])
      return syncResult()
    },
    cancelSync: () => {
      record('cancelSync', [])
      return ok({ cancelled: true })
    },
    getSyncStatus: () => ok(status()),
    getSyncLog: (query) => {
      record('getSyncLog', [query])
      return answer(() => filterSyncLog(syncLog, query ?? {}))
    },
    getSettings: () => ok(settings),
    updateSettings: (patch) => {
      record('updateSettings', [patch])
      settings = { ...settings, ...patch }
      return ok(settings)
    },
    getKeyInfo: () => ok(keyInfo()),
    setServiceKey: (k) => {
      record('setServiceKey', [k])
      key = k
      return ok(keyInfo())
    },
    clearServiceKey: () => {
      key = null
      return ok(keyInfo())
    },
    testServiceKey: () =>
      ok<KeyTestResult>(key ? { ok: true, totalCount: 145 } : { ok: false, error: { code: 'NO_KEY', message: '' } }),
    exportCsv: (request) => {
      record('exportCsv', [request])
      return answer(() => ({
        path: '/home/user/trials.csv',
        rows: listTrials(index, { ...request.query, offset: 0, limit: 1 }, now).total,
      }))
    },
    showExportedFile: (path) => {
      record('showExportedFile', [path])
      return ok({ shown: true })
    },
    openExternal: (url) => {
      record('openExternal', [url])
      return ok({ opened: true })
    },
    getAppInfo: () =>
      ok({
        version: '0.1.0',
        storePath: '/home/user/.config/trial-desk/trials.json',
        storeBytes: 2_400_000,
        platform: 'linux',
        logFolder: '/home/user/.config/trial-desk/logs',
      }),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as Listener)
      listeners.set(event, set)
      return () => set.delete(listener as Listener)
    },
  }

  function keyInfo() {
    return { isSet: key !== null, last4: key ? key.slice(-4) : null }
  }

  function status(): SyncStatus {
    return {
      storePath: '/home/user/.config/trial-desk/trials.json',
      storeBytes: 2_400_000,
      sources: [sourceStatus],
      syncing: false,
      online,
      progress: null,
      nextScheduledAt: options.nextScheduledAt ?? null,
    }
  }

  function logEntry(success: boolean, error?: AppError): SyncLogEntry {
    return {
      id: `log-${syncLog.length + 1}`,
      source: 'icreat',
      trigger: 'manual',
      startedAt: NOW.toISOString(),
      finishedAt: NOW.toISOString(),
      ok: success,
      fetched: success ? 145 : 0,
      created: success ? 3 : 0,
      updated: success ? 2 : 0,
      unchanged: 0,
      removed: 0,
      rejected: 0,
      warnings: [],
      error,
    }
  }

  return {
    api,
    calls,
    /** The real Following behind the api (to prepare saved searches, stars and notes). */
    following: following.following,
    setUserClock: following.setUserClock,
    get settings() {
      return settings
    },
    emit<E extends IpcEventName>(event: E, payload: IpcEventMap[E]) {
      for (const listener of listeners.get(event) ?? []) (listener as (p: IpcEventMap[E]) => void)(payload)
    },
    setOnline(value: boolean) {
      online = value
    },
    setSourceStatus(patch: Partial<SourceStatus>) {
      sourceStatus = { ...sourceStatus, ...patch }
    },
    /** The next sync fails for the source with this error (as a log entry, like the real coordinator). */
    failNextSync(error: AppError) {
      syncResult = () => {
        const entry = logEntry(false, error)
        syncLog.push(entry)
        sourceStatus = { ...sourceStatus, lastError: error, lastAttemptAt: NOW.toISOString() }
        return ok([entry])
      }
    },
    /** The next sync stays running until the returned function is called. */
    holdNextSync() {
      let release: () => void = () => undefined
      syncResult = () =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, data: [logEntry(true)] })
        })
      return () => release()
    },
    logEntry,
  }
}

export type TestApi = ReturnType<typeof createTestApi>

export function installTestApi(options?: TestApiOptions): TestApi {
  const test = createTestApi(options)
  window.api = test.api
  return test
}
