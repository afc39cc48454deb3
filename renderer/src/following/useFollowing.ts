import { useCallback, useEffect, useState } from 'react'
import type { AppError } from '../../../shared/errors'
import type { ImportResult, SavedQuery, SavedSearchSummary, SeenMarks, WatchedView } from '../../../shared/following'
import type { Language } from '../../../shared/settings'
import { call, subscribe, toAppError } from '../lib/api'

export interface FollowingState {
  saved: SavedSearchSummary[]
  watched: WatchedView | null
  seen: SeenMarks | null
  error: AppError | null
  /** Moves on every change made here and every reload: screens showing stars and notes reload with it. */
  version: number
  /** Reloads counts and marks (after a change made elsewhere). */
  reload: () => void
  saveSearch: (name: string, query: SavedQuery) => Promise<void>
  rename: (from: string, to: string) => Promise<void>
  move: (name: string, toIndex: number) => Promise<void>
  remove: (name: string) => Promise<void>
  setAlerts: (name: string, alerts: boolean) => Promise<void>
  /** Opens a saved search: answers it as it was before (its seen mark: rows changed after it are unseen), marks it seen. */
  open: (name: string) => Promise<SavedSearchSummary>
  markSeen: (view: keyof SeenMarks) => Promise<void>
  toggleWatch: (id: string, watched: boolean) => Promise<void>
  exportSaved: (language: Language) => Promise<{ path: string | null; count: number }>
  importSaved: (language: Language) => Promise<ImportResult | null>
}

/**
 * The user's saved searches (with counts of changes since each was opened), watched trials and seen marks, reloaded
 * after every sync (`dataVersion`) and after every change made here. Errors land in `error` (the caller shows them).
 */
export function useFollowing(dataVersion: number): FollowingState {
  const [saved, setSaved] = useState<SavedSearchSummary[]>([])
  const [watched, setWatched] = useState<WatchedView | null>(null)
  const [seen, setSeen] = useState<SeenMarks | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  useEffect(() => {
    let stale = false
    Promise.all([call('listSavedSearches'), call('getWatched'), call('getSeenMarks')])
      .then(async ([s, w, marks]) => {
        // The main list's first look: from now on, what changes is "new" (nothing is marked before it).
        const current = marks.list === null ? await call('markSeen', 'list') : marks
        if (stale) return
        setSaved(s)
        setWatched(w)
        setSeen(current)
      })
      .catch((e) => !stale && setError(toAppError(e)))
    return () => {
      stale = true
    }
  }, [dataVersion, version])

  // A sync the app did not start (a CLI) also moves the counts.
  useEffect(() => subscribe('sync:finished', reload), [reload])

  const act = useCallback(
    async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        const result = await work()
        setError(null)
        return result
      } catch (e) {
        setError(toAppError(e))
        throw e
      } finally {
        reload()
      }
    },
    [reload],
  )

  return {
    saved,
    watched,
    seen,
    error,
    reload,
    version,
    saveSearch: (name, query) =>
      act(async () => {
        await call('addSavedSearch', { name, query })
      }),
    rename: (from, to) =>
      act(async () => {
        await call('renameSavedSearch', from, to)
      }),
    move: (name, toIndex) =>
      act(async () => {
        await call('moveSavedSearch', name, toIndex)
      }),
    remove: (name) =>
      act(async () => {
        await call('removeSavedSearch', name)
      }),
    setAlerts: (name, alerts) =>
      act(async () => {
        await call('updateSavedSearch', name, { alerts })
      }),
    open: (name) => act(() => call('openSavedSearch', name)),
    markSeen: (view) =>
      act(async () => {
        setSeen(await call('markSeen', view))
      }),
    toggleWatch: (id, on) =>
      act(async () => {
        await call(on ? 'watchTrial' : 'unwatchTrial', id)
      }),
    exportSaved: (language) => act(() => call('exportSavedSearches', language)),
    importSaved: (language) => act(() => call('importSavedSearches', language)),
  }
}

/** What the list screen needs of the following: unseen marks, mark-all-seen, the star per row. */
export interface ListFollowing {
  /** The saved search shown, or null for the main list. */
  savedName: string | null
  unseenSince: string | null
  onMarkAllSeen: () => void
  onToggleWatch: (id: string, watched: boolean) => void
  /** See FollowingState.version. */
  version: number
}

/** The list query a saved search keeps: the list state without its page (the page size stays the user's). */
export function savedQueryOf(state: SavedQuery & { offset?: number; limit?: number; now?: string }): SavedQuery {
  const { offset: _o, limit: _l, now: _n, ...query } = state
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as SavedQuery
}

/** Changed after the seen mark: shown as "new" in the list. No mark → nothing is new. */
export function isUnseen(changedAt: string, seenAt: string | null | undefined): boolean {
  return Boolean(seenAt) && changedAt > seenAt!
}

/** Is the name already used by a saved search? Names compare as the core compares them (trimmed, NFC, any case). */
export function isTaken(saved: readonly { name: string }[], name: string): boolean {
  const key = (n: string) => n.normalize('NFC').trim().toLocaleLowerCase()
  return saved.some((s) => key(s.name) === key(name))
}
