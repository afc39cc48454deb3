/**
 * A Following that records calls and answers plausibly, for main-process tests about routing, validation and
 * notifications (the real one is tested in tests/core/following.test.ts and tests/main/following.test.ts).
 */
import type { Following } from '../../electron/core/userData/following'
import type { SavedSearch, SyncMatches } from '../../shared/following'

export interface FakeFollowing extends Following {
  /** What matchSync answers for every entry. */
  matches: SyncMatches
  calls: Array<{ method: string; args: unknown[] }>
}

const AT = '2025-01-02T03:04:05.000Z'
const search = (name: string): SavedSearch => ({ name, query: {}, alerts: true, createdAt: AT, seenAt: AT })

export function createFakeFollowing(): FakeFollowing {
  const calls: FakeFollowing['calls'] = []
  const record = <T>(method: string, args: unknown[], answer: T): Promise<T> => {
    calls.push({ method, args })
    return Promise.resolve(answer)
  }
  const fake: FakeFollowing = {
    matches: { saved: [], watched: [], statusChanges: [] },
    calls,
    warnings: [],
    refresh: async () => undefined,
    savedSearches: () => record('savedSearches', [], []),
    addSavedSearch: (input) => record('addSavedSearch', [input], search(input.name)),
    renameSavedSearch: (from, to) => record('renameSavedSearch', [from, to], search(to)),
    moveSavedSearch: (name, toIndex) => record('moveSavedSearch', [name, toIndex], [search(name)]),
    updateSavedSearch: (name, patch) => record('updateSavedSearch', [name, patch], search(name)),
    removeSavedSearch: (name) => record('removeSavedSearch', [name], undefined),
    runSavedSearch: (name, page, markSeen) =>
      record('runSavedSearch', [name, page, markSeen], {
        search: { ...search(name), total: 0, changedSinceSeen: 0 },
        result: { total: 0, offset: 0, limit: 20, items: [], facets: {}, totalAllTime: null, unclassified: {} },
      }),
    markSavedSearchSeen: (name) => record('markSavedSearchSeen', [name], search(name)),
    seenMarks: () => record('seenMarks', [], { list: null, watched: null }),
    markSeen: (view) =>
      record('markSeen', [view], { list: view === 'list' ? AT : null, watched: view === 'watched' ? AT : null }),
    watch: (id) => record('watch', [id], undefined),
    unwatch: (id) => record('unwatch', [id], undefined),
    watched: () => record('watched', [], { items: [], changedSinceSeen: 0 }),
    setNote: (id, text) => record('setNote', [id, text], text),
    exportSavedSearches: () =>
      record('exportSavedSearches', [], { format: 'trial-desk-saved-searches', version: 1, savedSearches: [] }),
    importSavedSearches: (text) => record('importSavedSearches', [text], { added: [], unchanged: [], renamed: [] }),
    matchSync: async (entries) => entries.map(() => fake.matches),
  }
  return fake
}
