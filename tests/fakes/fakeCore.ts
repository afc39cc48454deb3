/** An in-memory TrialDesk for main-process tests: controllable syncs, a list of generated trials. */
import type { TrialDesk, SyncOptions } from '../../electron/core/trialDesk'
import { TrialsError } from '../../electron/core/errors'
import {
  FACET_FIELDS,
  SOURCE_IDS,
  type Facets,
  type SourceId,
  type StatusReport,
  type SyncLogEntry,
  type TrialDetail,
  type TrialSummary,
} from '../../shared/trials'
import { createFakeFollowing } from './fakeFollowing'

export function makeTrial(n: number, source: SourceId = 'icreat'): TrialSummary {
  return {
    id: `${source}:C${String(n).padStart(6, '0')}`,
    source,
    sourceId: `C${String(n).padStart(6, '0')}`,
    title: `임상시험 ${n}, "따옴표" 포함`,
    titleEn: n % 2 ? `Trial ${n}` : undefined,
    institution: '서울대학교병원',
    department: '내과',
    changeKind: 'new',
    changedAt: '2025-01-02T03:04:05.000Z',
    firstSeenAt: '2025-01-02T03:04:05.000Z',
    lastSeenAt: '2025-01-02T03:04:05.000Z',
    removedAt: null,
  }
}

export function logEntry(source: SourceId, counts: Partial<SyncLogEntry> = {}): SyncLogEntry {
  return {
    id: `log-${source}-${Math.random()}`,
    source,
    startedAt: '2025-01-02T03:00:00.000Z',
    finishedAt: '2025-01-02T03:01:00.000Z',
    ok: true,
    fetched: 10,
    created: 0,
    updated: 0,
    unchanged: 10,
    removed: 0,
    rejected: 0,
    warnings: [],
    ...counts,
  }
}

export interface FakeCore extends TrialDesk {
  trials: TrialSummary[]
  syncCalls: SyncOptions[]
  lastSuccess: Partial<Record<SourceId, string | null>>
  /** What the next sync resolves with (per call); default: one ok entry per source, nothing changed. */
  syncResult: (options: SyncOptions) => Promise<SyncLogEntry[]>
  listCalls: number
}

const emptyFacets = (): Facets => Object.fromEntries(FACET_FIELDS.map((f) => [f, []])) as unknown as Facets

export function createFakeCore(init: { trials?: number; openWarnings?: string[] } = {}): FakeCore {
  let syncing = false
  let running: Promise<SyncLogEntry[]> | null = null
  const core: FakeCore = {
    trials: Array.from({ length: init.trials ?? 0 }, (_, i) => makeTrial(i + 1)),
    syncCalls: [],
    lastSuccess: {},
    listCalls: 0,
    openWarnings: init.openWarnings ?? [],
    syncResult: async (options) => options.sources.map((s) => logEntry(s)),
    following: createFakeFollowing(),
    list(query) {
      core.listCalls++
      const limit = query.limit ?? 20
      if (limit < 1 || limit > 100) throw new TrialsError('USAGE', 'limit must be 1-100')
      const offset = query.offset ?? 0
      return {
        total: core.trials.length,
        offset,
        limit,
        items: core.trials.slice(offset, offset + limit),
        facets: emptyFacets(),
        totalAllTime: null,
        unclassified: {},
      }
    },
    get(id) {
      const t = core.trials.find((x) => x.id === id)
      if (!t) throw new TrialsError('NOT_FOUND', `No trial ${id}. Go back to the list and choose another.`)
      const detail: TrialDetail = {
        ...t,
        fields: {},
        history: [],
        attribution: { text: 'src', licence: 'KOGL', url: 'https://www.data.go.kr/' },
      }
      return detail
    },
    status(): StatusReport {
      return {
        storePath: '/data/trials.json',
        storeBytes: 1234,
        syncing,
        sources: SOURCE_IDS.map((source) => ({
          source,
          lastSuccessAt: core.lastSuccess[source] ?? null,
          lastAttemptAt: null,
          lastError: null,
          counts: { total: 0, active: 0, removed: 0, detailsPending: 0 },
        })),
      }
    },
    syncLog: () => ({ total: 0, items: [] }),
    sync(options) {
      if (running) return running
      core.syncCalls.push(options)
      syncing = true
      running = core.syncResult(options).finally(() => {
        syncing = false
        running = null
      })
      return running
    },
    get syncing() {
      return syncing
    },
    close: async () => undefined,
  }
  return core
}
