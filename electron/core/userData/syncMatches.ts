import type { StatusChange, SyncMatches } from '../../../shared/following'
import type { CommonFields, ListQuery, ListResult, SyncLogEntry } from '../../../shared/trials'
import type { ListExtras } from '../query/listTrials'
import type { TrialIndex } from '../query/trialIndex'
import type { Source } from '../sources/source'
import type { StoredTrial } from '../store/types'
import type { UserData } from './userDataSchema'

export const NO_MATCHES: SyncMatches = { saved: [], watched: [], statusChanges: [] }

/** The fields as they were before the history entry's changes (a field that was absent before is dropped). */
function fieldsBefore(trial: StoredTrial, changes: StoredTrial['history'][number]['changes']): Record<string, unknown> {
  const before = { ...trial.fields }
  for (const change of changes) {
    if (change.from === undefined || change.from === null) delete before[change.field]
    else before[change.field] = change.from
  }
  return before
}

const statusOf = (common: CommonFields): string | null => common.status ?? null

/** What the sync at `at` did to the trial's status: removed, restored, or a changed recruitment status. */
function statusChangeOf(trial: StoredTrial, at: string, source: Source | undefined): StatusChange | null {
  const last = trial.history[trial.history.length - 1]
  if (!last || last.at !== at) return null
  const base = { id: trial.id, title: trial.common.title }
  const now = statusOf(trial.common)
  if (last.kind === 'removed') return { ...base, kind: 'removed', from: now, to: null }
  if (last.kind === 'restored') return { ...base, kind: 'restored', from: null, to: now }
  if (last.kind !== 'updated' || !source) return null
  // History keeps the source's column names: map the fields as they were back onto the common status to compare.
  const before = statusOf(source.toCommon(fieldsBefore(trial, last.changes)))
  return before === now ? null : { ...base, kind: 'status', from: before, to: now }
}

/**
 * What one sync (one log entry) brought for the saved searches with alerts on and for the watched trials: the
 * trials of that source whose change is stamped with the sync's start time (every change a sync makes carries it).
 */
export function matchSyncEntry(
  entry: SyncLogEntry,
  data: UserData,
  index: TrialIndex,
  sources: ReadonlyMap<string, Source>,
  list: (query: ListQuery, extras: ListExtras) => ListResult,
): SyncMatches {
  if (!entry.ok || entry.created + entry.updated + entry.removed + (entry.restored ?? 0) === 0) return NO_MATCHES
  const at = Date.parse(entry.startedAt)
  const saved: SyncMatches['saved'] = []
  for (const search of data.savedSearches) {
    if (!search.alerts) continue
    if (search.query.sources && search.query.sources.length > 0 && !search.query.sources.includes(entry.source))
      continue
    // The search's own window is about what to show; what this sync changed is recent by definition.
    const { total } = list(
      { ...search.query, withinDays: null, sources: [entry.source], limit: 1 },
      { changedWithin: { fromMs: at, toMs: at } },
    )
    if (total > 0) saved.push({ name: search.name, count: total })
  }
  const watched: string[] = []
  const statusChanges: StatusChange[] = []
  for (const id of Object.keys(data.watched)) {
    const trial = index.byId.get(id)?.trial
    if (!trial || trial.source !== entry.source || trial.changedAt !== entry.startedAt) continue
    watched.push(id)
    const change = statusChangeOf(trial, entry.startedAt, sources.get(trial.source))
    if (change) statusChanges.push(change)
  }
  return { saved, watched, statusChanges }
}

/** Several entries (one per source) as one summary: counts per saved search added up. */
export function mergeMatches(all: readonly SyncMatches[]): SyncMatches {
  const counts = new Map<string, number>()
  for (const m of all) for (const s of m.saved) counts.set(s.name, (counts.get(s.name) ?? 0) + s.count)
  return {
    saved: [...counts].map(([name, count]) => ({ name, count })),
    watched: [...new Set(all.flatMap((m) => m.watched))],
    statusChanges: all.flatMap((m) => m.statusChanges),
  }
}
