/** The following calls of the IPC API (saved searches, watched trials, notes, seen marks): see handlers.ts. */
import { readFile, writeFile } from 'node:fs/promises'
import type { ApiHandlerDeps, Implementations } from './handlers'
import { TrialsError } from '../../core/errors'

/** The IPC calls these handlers answer (the renderer tests' core-backed window.api answers the same set). */
export type FollowingCalls =
  | 'listSavedSearches'
  | 'addSavedSearch'
  | 'renameSavedSearch'
  | 'moveSavedSearch'
  | 'updateSavedSearch'
  | 'removeSavedSearch'
  | 'openSavedSearch'
  | 'exportSavedSearches'
  | 'importSavedSearches'
  | 'getSeenMarks'
  | 'markSeen'
  | 'watchTrial'
  | 'unwatchTrial'
  | 'getWatched'
  | 'setNote'

function dialogsOf(deps: ApiHandlerDeps): NonNullable<ApiHandlerDeps['savedSearchesDialogs']> {
  if (!deps.savedSearchesDialogs)
    throw new TrialsError('INTERNAL', 'Sharing saved searches is not available in this window.')
  return deps.savedSearchesDialogs
}

export function followingHandlers(deps: ApiHandlerDeps): Pick<Implementations, FollowingCalls> {
  const following = () => deps.core.following
  const now = deps.now ?? (() => new Date())
  return {
    listSavedSearches: () => following().savedSearches(),
    addSavedSearch: ([input]) => following().addSavedSearch(input),
    renameSavedSearch: ([from, to]) => following().renameSavedSearch(from, to),
    moveSavedSearch: ([name, toIndex]) => following().moveSavedSearch(name, toIndex),
    updateSavedSearch: ([name, patch]) => following().updateSavedSearch(name, patch),
    removeSavedSearch: async ([name]) => {
      await following().removeSavedSearch(name)
      return { removed: name }
    },
    openSavedSearch: async ([name]) => {
      const { search } = await following().runSavedSearch(name, { limit: 1 }, true)
      return search
    },
    exportSavedSearches: async ([language]) => {
      const file = await following().exportSavedSearches()
      const path = await dialogsOf(deps).save({
        defaultFileName: `saved-searches-${now().toISOString().slice(0, 10)}.json`,
        language,
      })
      if (path === null) return { path: null, count: 0 }
      await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, 'utf8')
      return { path, count: file.savedSearches.length }
    },
    importSavedSearches: async ([language]) => {
      const path = await dialogsOf(deps).open({ language })
      if (path === null) return null
      const text = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
        throw new TrialsError(
          'VALIDATION',
          `The file ${path} could not be read (${e.code ?? 'error'}). Nothing was imported.`,
        )
      })
      return following().importSavedSearches(text)
    },
    getSeenMarks: () => following().seenMarks(),
    markSeen: ([view]) => following().markSeen(view),
    watchTrial: async ([id]) => {
      await following().watch(id)
      return { id, watched: true }
    },
    unwatchTrial: async ([id]) => {
      await following().unwatch(id)
      return { id, watched: false }
    },
    getWatched: () => following().watched(),
    setNote: async ([id, text]) => ({ id, note: await following().setNote(id, text) }),
  }
}
