/**
 * An in-memory window.api for component tests: answers like the real main process (IpcResult envelopes,
 * filtering, facets, paging) over a small generated data set, and lets tests push events.
 */
import type { AppError } from '../../shared/errors'
import type { IpcEventMap, IpcEventName, IpcResult, KeyTestResult, SyncStatus, TrialDeskApi } from '../../shared/ipc'
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings'
import {
  FACET_FIELDS,
  type Facets,
  type ListQuery,
  type SourceStatus,
  type SyncLogEntry,
  type TrialDetail,
  type TrialSummary,
} from '../../shared/trials'

export const NOW = new Date()
const HOUR = 3600_000

const DEPARTMENTS = ['Cardiology', 'Oncology', 'Neurology']
const INSTITUTIONS = ['서울대학교병원', '세브란스병원']
const KINDS = ['new', 'updated', 'new', 'removed'] as const

/** `count` trials: department cycles Cardiology/Oncology/Neurology, change kind cycles new/updated/new/removed. */
export function makeTrials(count: number): TrialDetail[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0')
    const kind = KINDS[i % KINDS.length]
    const changedAt = new Date(NOW.getTime() - (i + 1) * HOUR).toISOString()
    const department = DEPARTMENTS[i % DEPARTMENTS.length]
    const summary: TrialSummary = {
      id: `icreat:C100${n}`,
      source: 'icreat',
      sourceId: `C100${n}`,
      title: `임상시험 과제 ${n}`,
      titleEn: i % 5 === 0 ? `Clinical project ${n}` : undefined,
      institution: INSTITUTIONS[i % INSTITUTIONS.length],
      department,
      phase: '코호트',
      scope: '단일기관',
      studyType: '관찰연구',
      changeKind: kind,
      changedAt,
      firstSeenAt: new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString(),
      lastSeenAt: changedAt,
      removedAt: kind === 'removed' ? changedAt : null,
    }
    return {
      ...summary,
      fields: {
        과제번호: summary.sourceId,
        과제명: summary.title,
        진료과: department,
        연구책임기관: summary.institution,
        연구기간: '1년',
        전체목표연구대상자수: '120',
        custom_column: 'raw value',
      },
      history: [
        {
          at: changedAt,
          kind: 'updated',
          changes: [
            { field: '전체목표연구대상자수', from: '100', to: '120' },
            {
              field: '과제명',
              from: '급성 심근경색 환자에서 심부전 발생과 그 특성 및 장기 예후를 비교하는 다기관 관찰 연구',
              to: '급성 심근경색 환자에서 심부전 발생과 그 특성 및 단기 예후를 비교하는 다기관 관찰 연구',
            },
          ],
        },
        { at: summary.firstSeenAt, kind: 'created', changes: [] },
      ],
      attribution: {
        text: '출처: 한국보건의료연구원 임상연구 과제정보(iCReaT), 공공누리 제1유형',
        licence: '공공누리 제1유형',
        url: 'https://www.data.go.kr/data/3074271/fileData.do',
      },
    }
  })
}

type Listener = (payload: never) => void

export interface FakeApiOptions {
  trials?: TrialDetail[]
  settings?: Partial<Settings>
  key?: string | null
  syncLog?: SyncLogEntry[]
  sourceStatus?: Partial<SourceStatus>
  online?: boolean
  nextScheduledAt?: string | null
}

function ok<T>(data: T): Promise<IpcResult<T>> {
  return Promise.resolve({ ok: true, data })
}
function fail(error: AppError): Promise<IpcResult<never>> {
  return Promise.resolve({ ok: false, error })
}

function matches(trial: TrialDetail, q: ListQuery): boolean {
  const now = q.now ? new Date(q.now) : NOW
  if (q.withinDays != null && new Date(trial.changedAt).getTime() < now.getTime() - q.withinDays * 24 * HOUR) return false
  if (!q.includeRemoved && trial.changeKind === 'removed' && !q.kinds?.includes('removed')) return false
  if (q.sources?.length && !q.sources.includes(trial.source)) return false
  if (q.kinds?.length && !q.kinds.includes(trial.changeKind)) return false
  if (q.q) {
    const text = [trial.title, trial.titleEn, trial.institution, trial.department, ...Object.values(trial.fields)].join(' ').toLowerCase()
    if (!text.includes(q.q.toLowerCase())) return false
  }
  const byName = new Map<string, string[]>()
  for (const f of q.fields ?? []) byName.set(f.name, [...(byName.get(f.name) ?? []), f.value])
  for (const [name, values] of byName) {
    const value = (trial as unknown as Record<string, unknown>)[name] ?? trial.fields[name]
    if (!values.includes(String(value))) return false
  }
  return true
}

function facetsOf(trials: TrialDetail[]): Facets {
  const facets = Object.fromEntries(FACET_FIELDS.map((f) => [f, [] as Array<{ value: string; count: number }>])) as Facets
  for (const field of FACET_FIELDS) {
    const counts = new Map<string, number>()
    for (const t of trials) {
      const v = field === 'changeKind' ? t.changeKind : (t as unknown as Record<string, unknown>)[field]
      if (typeof v === 'string' && v) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    facets[field] = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count)
  }
  return facets
}

export function createFakeApi(options: FakeApiOptions = {}) {
  const trials = options.trials ?? makeTrials(45)
  let settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings }
  let key: string | null = options.key === undefined ? 'SECRET-KEY-abcdef1234' : options.key
  const syncLog = [...(options.syncLog ?? [])]
  const listeners = new Map<IpcEventName, Set<Listener>>()
  let online = options.online ?? true
  let sourceStatus: SourceStatus = {
    source: 'icreat',
    lastSuccessAt: trials.length ? new Date(NOW.getTime() - 2 * HOUR).toISOString() : null,
    lastAttemptAt: trials.length ? new Date(NOW.getTime() - 2 * HOUR).toISOString() : null,
    lastError: null,
    counts: { total: trials.length, active: trials.length, removed: 0, detailsPending: 0 },
    ...options.sourceStatus,
  }

  /** What the next startSync resolves with; tests replace it. */
  let syncResult: () => Promise<IpcResult<SyncLogEntry[]>> = () => ok([logEntry(true)])

  const calls: Array<{ name: string; args: unknown[] }> = []
  const record = (name: string, args: unknown[]) => calls.push({ name, args })

  const api: TrialDeskApi = {
    listTrials: (query) => {
      record('listTrials', [query])
      const hits = trials.filter((t) => matches(t, query))
      const sorted = [...hits].sort((a, b) =>
        query.sort === 'title' ? a.title.localeCompare(b.title) : b.changedAt.localeCompare(a.changedAt),
      )
      const offset = query.offset ?? 0
      const limit = query.limit ?? 20
      const items = sorted.slice(offset, offset + limit).map(({ fields: _f, history: _h, attribution: _a, ...s }) => s)
      return ok({ total: hits.length, offset, limit, items, facets: facetsOf(hits), totalAllTime: null, unclassified: {} })
    },
    getTrial: (id) => {
      record('getTrial', [id])
      const trial = trials.find((t) => t.id === id)
      return trial ? ok(trial) : fail({ code: 'NOT_FOUND', message: 'not found' })
    },
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
      const items = syncLog.filter((e) => query?.ok === undefined || e.ok === query.ok)
      return ok({ total: items.length, items })
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
    testServiceKey: () => ok<KeyTestResult>(key ? { ok: true, totalCount: 145 } : { ok: false, error: { code: 'NO_KEY', message: '' } }),
    exportCsv: (request) => {
      record('exportCsv', [request])
      return ok({ path: '/home/user/trials.csv', rows: trials.filter((t) => matches(t, request.query)).length })
    },
    openExternal: (url) => {
      record('openExternal', [url])
      return ok({ opened: true })
    },
    getAppInfo: () => ok({ version: '0.1.0', storePath: '/home/user/.config/trial-desk/trials.json', storeBytes: 2_400_000, platform: 'linux' }),
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
        syncLog.unshift(entry)
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

export type FakeApi = ReturnType<typeof createFakeApi>

export function installFakeApi(options?: FakeApiOptions): FakeApi {
  const fake = createFakeApi(options)
  window.api = fake.api
  return fake
}
