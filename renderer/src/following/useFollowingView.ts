import { useCallback, useState } from 'react'
import type { SavedQuery } from '../../../shared/following'
import type { FollowingView } from './FollowingSidebar'
import type { FollowingState } from './useFollowing'

export interface FollowingViewState {
  view: FollowingView
  /** Shows a view: the main list, the watched view, or a saved search (applied to the list and marked seen). */
  showView: (next: FollowingView) => Promise<void>
  /** Rows changed after this are marked unseen in the list (null: none are). */
  unseenSince: string | null
  markAllSeen: () => Promise<void>
}

/**
 * Which list the main area shows and what counts as unseen there: the main list's seen mark, or the seen mark a
 * saved search had when the user opened it (opening marks it seen; its rows stay marked until "Mark all seen").
 */
export function useFollowingView(options: {
  following: FollowingState
  applyQuery: (query: SavedQuery) => void
  showList: () => void
  showWatched: () => void
}): FollowingViewState {
  const { following, applyQuery, showList, showWatched } = options
  const [view, setView] = useState<FollowingView>({ kind: 'all' })
  const [savedSeenAt, setSavedSeenAt] = useState<string | null>(null)

  const showView = useCallback(
    async (next: FollowingView) => {
      if (next.kind === 'saved') {
        const search = await following.open(next.name).catch(() => null)
        if (!search) return
        applyQuery(search.query)
        setSavedSeenAt(search.seenAt)
        setView(next)
        showList()
      } else {
        setView(next)
        if (next.kind === 'watched') showWatched()
        else showList()
      }
    },
    [following, applyQuery, showList, showWatched],
  )

  const markAllSeen = useCallback(async () => {
    if (view.kind === 'saved') {
      await following.open(view.name).catch(() => undefined)
      setSavedSeenAt(new Date().toISOString())
    } else {
      await following.markSeen('list').catch(() => undefined)
    }
  }, [following, view])

  const unseenSince = view.kind === 'saved' ? savedSeenAt : view.kind === 'all' ? (following.seen?.list ?? null) : null
  return { view, showView, unseenSince, markAllSeen }
}
