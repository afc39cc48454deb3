/**
 * Following: saved searches, watched trials, private notes and "seen" marks — the user's own data, kept in
 * `user-data.json` beside the trial store (never written by a sync, never touched by a store recovery).
 */
import type { LatestChange, ListQuery, TrialSummary } from './trials'

/** A note is plain text; longer notes are refused (VALIDATION). */
export const NOTE_MAX_CHARS = 10_000
export const SAVED_SEARCH_NAME_MAX_CHARS = 100

/** What a saved search keeps of the list query: everything but the page and the reference time. */
export type SavedQuery = Omit<ListQuery, 'offset' | 'limit' | 'now'>

export interface SavedSearch {
  name: string
  query: SavedQuery
  /** Notify when a sync brings matching trials (default on). */
  alerts: boolean
  createdAt: string
  /** When the user last opened this search: trials changed after it are "unseen". */
  seenAt: string
}

/** A saved search with what it matches now. */
export interface SavedSearchSummary extends SavedSearch {
  total: number
  changedSinceSeen: number
}

/** Seen marks of the two views that are not saved searches. */
export interface SeenMarks {
  /** The main list; null until the user first marks it seen (then nothing is marked unseen before that). */
  list: string | null
  /** The watched view. */
  watched: string | null
}

/**
 * One row of the watched view (its latest change is the summary's `latestChange`). `missing`: the trial is no longer
 * in the store at all (shown from what was kept).
 */
export interface WatchedTrial extends TrialSummary {
  watched: true
  watchedAt: string
  missing: boolean
  /** Changed since the watched view was last marked seen (or since it was starred). */
  unseen: boolean
  /** The newest history entry, summarised as on every list item (shared/clinical.ts), or null. */
  latestChange: LatestChange | null
}

export interface WatchedView {
  items: WatchedTrial[]
  /** Watched trials changed since the watched view was last marked seen. */
  changedSinceSeen: number
}

/** A watched trial whose recruitment status a sync changed (always named in the notification). */
export interface StatusChange {
  id: string
  title: string
  /** `status`: the recruitment status changed; `removed`: the registry no longer lists it; `restored`: listed again. */
  kind: 'status' | 'removed' | 'restored'
  from: string | null
  to: string | null
}

/** What one sync brought for the user's saved searches (alerts on) and watched trials. */
export interface SyncMatches {
  saved: Array<{ name: string; count: number }>
  watched: string[]
  statusChanges: StatusChange[]
}

/** The file `trials saved export` writes and `import` reads, to share saved searches with colleagues. */
export const SAVED_SEARCHES_FORMAT = 'trial-desk-saved-searches'
export interface SavedSearchesFile {
  format: typeof SAVED_SEARCHES_FORMAT
  version: 1
  savedSearches: Array<{ name: string; query: SavedQuery; alerts: boolean }>
}

/**
 * Import merges by name: new names are added; a name already saved with the same query is left alone; a name saved
 * with a different query is added under a free name ("폐암 2상 (2)") — never overwritten.
 */
export interface ImportResult {
  added: string[]
  unchanged: string[]
  renamed: Array<{ from: string; to: string }>
}
