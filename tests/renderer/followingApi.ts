/**
 * The following calls of window.api for component tests, answered by the REAL Following over a real
 * user-data.json in a temp folder and the test's trial index (the same code the app runs).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcCallMap, IpcResult } from '../../shared/ipc'
import type { ListQuery, ListResult, TrialSummary } from '../../shared/trials'
import type { ListExtras } from '../../electron/core/query/listTrials'
import type { TrialIndex } from '../../electron/core/query/trialIndex'
import { createFollowing, notesOf, withMarks, type Following } from '../../electron/core/userData/following'
import { UserDataStore } from '../../electron/core/userData/userDataStore'
import type { FollowingCalls } from '../../electron/main/api/followingHandlers'
import { toIpcError } from '../../electron/main/api/toIpcError'

type Calls = {
  [K in FollowingCalls]: (...args: IpcCallMap[K]['args']) => Promise<IpcResult<IpcCallMap[K]['result']>>
}

export function createFollowingApi(options: {
  index: TrialIndex
  now: () => number
  list: (query: ListQuery, now: () => number, extras: ListExtras) => ListResult
  record: (name: string, args: unknown[]) => void
}) {
  const path = join(mkdtempSync(join(tmpdir(), 'trialdesk-renderer-')), 'user-data.json')
  // The user's clock (when a search was saved or seen); tests move it to make earlier changes "unseen".
  let userClock: number | null = null
  const userNow = () => new Date(userClock ?? options.now())
  const store = UserDataStore.open(path, userNow)
  const following: Promise<Following> = store.then((s) =>
    createFollowing(s, {
      index: () => options.index,
      sources: new Map(),
      now: userNow,
      list: (query, extras = {}) => options.list(query, options.now, { ...extras, notes: notesOf(s.data) }),
    }),
  )
  const run = <T>(name: string, args: unknown[], work: (f: Following) => Promise<T>): Promise<IpcResult<T>> => {
    options.record(name, args)
    return following.then(work).then(
      (data) => ({ ok: true as const, data }),
      (e: unknown) => ({ ok: false as const, error: toIpcError(e) }),
    )
  }
  const calls: Calls = {
    listSavedSearches: () => run('listSavedSearches', [], (f) => f.savedSearches()),
    addSavedSearch: (input) => run('addSavedSearch', [input], (f) => f.addSavedSearch(input)),
    renameSavedSearch: (from, to) => run('renameSavedSearch', [from, to], (f) => f.renameSavedSearch(from, to)),
    moveSavedSearch: (name, toIndex) =>
      run('moveSavedSearch', [name, toIndex], (f) => f.moveSavedSearch(name, toIndex)),
    updateSavedSearch: (name, patch) =>
      run('updateSavedSearch', [name, patch], (f) => f.updateSavedSearch(name, patch)),
    removeSavedSearch: (name) =>
      run('removeSavedSearch', [name], async (f) => {
        await f.removeSavedSearch(name)
        return { removed: name }
      }),
    openSavedSearch: (name) =>
      run('openSavedSearch', [name], async (f) => (await f.runSavedSearch(name, { limit: 1 }, true)).search),
    exportSavedSearches: (language) =>
      run('exportSavedSearches', [language], async (f) => ({
        path: '/home/user/saved-searches.json',
        count: (await f.exportSavedSearches()).savedSearches.length,
      })),
    importSavedSearches: (language) =>
      run('importSavedSearches', [language], async () => ({ added: [], unchanged: [], renamed: [] })),
    getSeenMarks: () => run('getSeenMarks', [], (f) => f.seenMarks()),
    markSeen: (view) => run('markSeen', [view], (f) => f.markSeen(view)),
    watchTrial: (id) =>
      run('watchTrial', [id], async (f) => {
        await f.watch(id)
        return { id, watched: true }
      }),
    unwatchTrial: (id) =>
      run('unwatchTrial', [id], async (f) => {
        await f.unwatch(id)
        return { id, watched: false }
      }),
    getWatched: () => run('getWatched', [], (f) => f.watched()),
    setNote: (id, text) => run('setNote', [id, text], async (f) => ({ id, note: await f.setNote(id, text) })),
  }
  return {
    calls,
    following,
    /** Sets the time the user's actions are stamped with (null: the test data's NOW). */
    setUserClock: (ms: number | null) => {
      userClock = ms
    },
    /** The list as the desk answers it: `q` matches notes too, items carry the user's marks. */
    list: async (query: ListQuery): Promise<ListResult> => {
      const data = (await store).data
      const result = options.list(query, options.now, { notes: notesOf(data) })
      return { ...result, items: withMarks(result.items, data) }
    },
    /** The detail with the user's marks. */
    get: async <T extends TrialSummary>(detail: () => T): Promise<T> => withMarks([detail()], (await store).data)[0],
  }
}
