/** A Following with nothing saved, watched or noted, for main-process tests that are not about following; `matches` is settable. */
import type { Following } from '../../../electron/core/userData/following'
import type { SyncMatches } from '../../../shared/following'
import { TrialsError } from '../../../electron/core/errors'

export interface FakeFollowing extends Following {
  /** What matchSync answers for every entry. */
  matches: SyncMatches
}

const unsupported = async (): Promise<never> => { throw new TrialsError('NOT_FOUND', 'nothing is saved in this fake') }

export function createFakeFollowing(): FakeFollowing {
  const fake: FakeFollowing = {
    matches: { saved: [], watched: [], statusChanges: [] },
    warnings: [],
    refresh: async () => undefined,
    savedSearches: async () => [],
    addSavedSearch: unsupported,
    renameSavedSearch: unsupported,
    moveSavedSearch: unsupported,
    updateSavedSearch: unsupported,
    removeSavedSearch: unsupported,
    runSavedSearch: unsupported,
    markSavedSearchSeen: unsupported,
    seenMarks: async () => ({ list: null, watched: null }),
    markSeen: unsupported,
    watch: unsupported,
    unwatch: unsupported,
    watched: async () => ({ items: [], changedSinceSeen: 0 }),
    setNote: unsupported,
    exportSavedSearches: unsupported,
    importSavedSearches: unsupported,
    matchSync: async (entries) => entries.map(() => fake.matches),
  }
  return fake
}
