/**
 * The user's following — saved searches, watched trials, notes, seen marks — over the user-data file and the trial
 * store's index. Reads pick up another process's writes first; every change is saved before it resolves.
 */
import type {
  ImportResult,
  SavedSearch,
  SavedSearchesFile,
  SavedSearchSummary,
  SeenMarks,
  SyncMatches,
  WatchedTrial,
  WatchedView,
} from '../../../shared/following'
import type { ListQuery, ListResult, SyncLogEntry, TrialSummary } from '../../../shared/trials'
import { TrialsError } from '../errors'
import type { ListExtras } from '../query/listTrials'
import { toSummary, type TrialIndex } from '../query/trialIndex'
import type { Source } from '../sources/source'
import {
  addSavedSearch,
  findSavedSearch,
  markSavedSearchSeen,
  markViewSeen,
  moveSavedSearch,
  removeSavedSearch,
  renameSavedSearch,
  setNote,
  unwatchTrial,
  updateSavedSearch,
  watchTrial,
} from './followingEdits'
import { exportSavedSearches, importSavedSearches, parseSavedSearchesFile } from './savedSearchesTransfer'
import { matchSyncEntry } from './syncMatches'
import type { UserData } from './userDataSchema'
import type { UserDataStore } from './userDataStore'

export interface SavedSearchPage {
  search: SavedSearchSummary
  result: ListResult
}

export interface Following {
  /** Warnings from opening the user data (recovered from a damaged file). */
  readonly warnings: string[]
  /** Picks up another process's changes (the CLI, another window). */
  refresh(): Promise<void>
  savedSearches(now?: Date): Promise<SavedSearchSummary[]>
  addSavedSearch(input: { name: string; query: unknown; alerts?: boolean }): Promise<SavedSearch>
  renameSavedSearch(from: string, to: string): Promise<SavedSearch>
  /** Moves it to position `toIndex` (0 = top) of the sidebar. */
  moveSavedSearch(name: string, toIndex: number): Promise<SavedSearch[]>
  updateSavedSearch(name: string, patch: { query?: unknown; alerts?: boolean }): Promise<SavedSearch>
  removeSavedSearch(name: string): Promise<void>
  /** One page of the search's trials (the list's output for its query); `markSeen` = the user opened it. */
  runSavedSearch(
    name: string,
    page?: { offset?: number; limit?: number; now?: string },
    markSeen?: boolean,
  ): Promise<SavedSearchPage>
  markSavedSearchSeen(name: string): Promise<SavedSearch>
  seenMarks(): Promise<SeenMarks>
  markSeen(view: keyof SeenMarks): Promise<SeenMarks>
  watch(id: string): Promise<void>
  unwatch(id: string): Promise<void>
  watched(): Promise<WatchedView>
  setNote(id: string, text: string | null): Promise<string | null>
  exportSavedSearches(): Promise<SavedSearchesFile>
  /** Merges an exported file's text by name; a bad file changes nothing (VALIDATION). */
  importSavedSearches(text: string): Promise<ImportResult>
  /** What each sync log entry brought for the saved searches (alerts on) and the watched trials. */
  matchSync(entries: readonly SyncLogEntry[]): Promise<SyncMatches[]>
}

/** What the following needs of the trial desk: its current index, its sources, and the list with the user's notes. */
export interface FollowingContext {
  index: () => TrialIndex
  sources: ReadonlyMap<string, Source>
  list: (query: ListQuery, extras?: ListExtras) => ListResult
  now: () => Date
}

/** The user's marks on one trial, as list and detail items carry them. */
export function marksOf(data: UserData, id: string): { watched: boolean; note: string | null } {
  return { watched: data.watched[id] !== undefined, note: data.notes[id]?.text ?? null }
}

/** List items with the user's marks (watched, note). */
export function withMarks<T extends TrialSummary>(items: readonly T[], data: UserData): T[] {
  return items.map((item) => ({ ...item, ...marksOf(data, item.id) }))
}

export function notesOf(data: UserData): Map<string, string> {
  return new Map(Object.entries(data.notes).map(([id, note]) => [id, note.text]))
}

function notFound(id: string): TrialsError {
  return new TrialsError(
    'NOT_FOUND',
    `No trial with the id "${id}" is stored. Check the id (it looks like icreat:C100001), or sync to fetch new trials.`,
  )
}

export function createFollowing(store: UserDataStore, context: FollowingContext): Following {
  const { now } = context
  const trialOf = (id: string) => context.index().byId.get(typeof id === 'string' ? id.trim() : '')?.trial

  function summarise(search: SavedSearch, at: Date): SavedSearchSummary {
    const query = { ...search.query, now: at.toISOString(), limit: 1 }
    const total = context.list(query).total
    const changedSinceSeen = context.list(query, {
      changedWithin: { fromMs: Date.parse(search.seenAt) + 1, toMs: Infinity },
    }).total
    return { ...search, total, changedSinceSeen }
  }

  function watchedRow(data: UserData, id: string): WatchedTrial {
    const record = data.watched[id]
    const seenMs = Math.max(Date.parse(record.addedAt), data.seen.watched ? Date.parse(data.seen.watched) : 0)
    const trial = trialOf(id)
    const marks = marksOf(data, id)
    if (!trial) {
      // Gone from the store altogether (e.g. a source no longer synced): listed from what was kept, as removed.
      const [source, ...rest] = id.split(':')
      const missing = {
        id,
        source,
        sourceId: rest.join(':'),
        title: record.title,
        changeKind: 'removed',
        changedAt: record.addedAt,
        firstSeenAt: record.addedAt,
        lastSeenAt: record.addedAt,
        removedAt: record.addedAt,
      } as TrialSummary
      return {
        ...missing,
        ...marks,
        latestChange: null,
        watched: true,
        watchedAt: record.addedAt,
        missing: true,
        unseen: false,
      }
    }
    const summary = toSummary(trial)
    return {
      ...summary,
      ...marks,
      watched: true,
      watchedAt: record.addedAt,
      missing: false,
      unseen: Date.parse(trial.changedAt) > seenMs,
      latestChange: summary.latestChange ?? null,
    }
  }

  const read = async () => {
    await store.refresh()
    return store.data
  }

  return {
    get warnings() {
      return store.warnings
    },
    refresh: async () => {
      await store.refresh()
    },
    async savedSearches(at = now()) {
      const data = await read()
      return data.savedSearches.map((s) => summarise(s, at))
    },
    addSavedSearch: (input) => store.update((d) => addSavedSearch(d, input, now())),
    renameSavedSearch: (from, to) => store.update((d) => renameSavedSearch(d, from, to)),
    moveSavedSearch: (name, toIndex) => store.update((d) => moveSavedSearch(d, name, toIndex)),
    updateSavedSearch: (name, patch) => store.update((d) => updateSavedSearch(d, name, patch)),
    removeSavedSearch: (name) => store.update((d) => removeSavedSearch(d, name)),
    async runSavedSearch(name, page = {}, markSeen = false) {
      const at = page.now ? new Date(page.now) : now()
      const data = await read()
      // The summary is taken before marking seen: its count says what was new when the user opened it.
      const search = summarise(findSavedSearch(data, name), at)
      const result = context.list({ ...search.query, now: at.toISOString(), offset: page.offset, limit: page.limit })
      if (markSeen) await store.update((d) => markSavedSearchSeen(d, name, at))
      return { search, result }
    },
    markSavedSearchSeen: (name) => store.update((d) => markSavedSearchSeen(d, name, now())),
    seenMarks: async () => structuredClone((await read()).seen),
    markSeen: (view) => store.update((d) => structuredClone(markViewSeen(d, view, now()))),
    async watch(id) {
      const trial = trialOf(id)
      if (!trial) throw notFound(id)
      await store.update((d) => watchTrial(d, trial.id, trial.common.title, now()))
    },
    async unwatch(id) {
      const data = await read()
      const key = typeof id === 'string' ? id.trim() : ''
      if (!trialOf(key) && !data.watched[key]) throw notFound(id)
      await store.update((d) => unwatchTrial(d, key))
    },
    async watched() {
      const data = await read()
      const items = Object.keys(data.watched).map((id) => watchedRow(data, id))
      // Newest change first; trials gone from the store last.
      items.sort(
        (a, b) =>
          Number(a.missing) - Number(b.missing) || (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : 0),
      )
      return { items, changedSinceSeen: items.filter((i) => i.unseen).length }
    },
    async setNote(id, text) {
      const key = typeof id === 'string' ? id.trim() : ''
      const trial = trialOf(key)
      const data = await read()
      if (!trial && !data.notes[key]) throw notFound(id)
      const title = trial?.common.title ?? data.notes[key].title
      return store.update((d) => setNote(d, key, text, title, now()))
    },
    exportSavedSearches: async () => exportSavedSearches(await read()),
    async importSavedSearches(text) {
      const file = parseSavedSearchesFile(text)
      return store.update((d) => importSavedSearches(d, file, now()))
    },
    async matchSync(entries) {
      const data = await read()
      return entries.map((entry) => matchSyncEntry(entry, data, context.index(), context.sources, context.list))
    },
  }
}
