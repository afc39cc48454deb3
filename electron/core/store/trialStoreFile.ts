import type { DurableFormat } from './durable/format'
import { lockForWriting, type WriterLock } from './durable/lock'
import { readDurable } from './durable/read'
import { recoverDurable, type Recovered } from './durable/recover'
import { writeDurable } from './durable/write'
import { recomputeCommonFields } from '../sources/recomputeCommon'
import { parseStoreData } from './storeSchema'
import { foldSyncLogWarnings } from './syncLogWarningsMigration'
import { SCHEMA_VERSION, type StoreData } from './types'

/** The trials array is written one trial per line (see lineLayout). */
export const TRIALS_KEY = 'trials'

/**
 * The trial store file (`trials.json`): its schema version and migrations (keyed by the version they upgrade FROM;
 * version 0 is a pre-release layout without `schemaVersion`, `sources` or `syncLog`; version 1 → 2 computes the clinical
 * model — recruitment, phases, sponsor, sites, canonical institution, conditions — from the stored source fields,
 * offline, leaving the fields and the history untouched; version 2 → 3 folds each sync log entry's parallel warning
 * arrays into one list, see syncLogWarningsMigration), its shape check and layout.
 */
export const TRIAL_STORE: DurableFormat<StoreData> = {
  label: 'trial store',
  schemaVersion: SCHEMA_VERSION,
  migrations: {
    0: (data) => ({ ...data, schemaVersion: 1, sources: data.sources ?? {}, syncLog: data.syncLog ?? [] }),
    1: (data) => ({
      ...data,
      schemaVersion: 2,
      trials: Array.isArray(data.trials) ? data.trials.map(recomputeCommonFields) : data.trials,
    }),
    2: foldSyncLogWarnings,
  },
  parse: parseStoreData,
  empty: () => ({ schemaVersion: SCHEMA_VERSION, trials: [], sources: {}, syncLog: [] }),
  lineLayout: { key: TRIALS_KEY, after: ['sources', 'syncLog'] },
  afterRecovery: 'Changes from the last sync may be missing, so sync again.',
  startAfresh: 'To start a fresh store (a sync downloads the trials again)',
  diskKind: 'store',
  unreadableCode: 'STORE_UNREADABLE',
}

export type LoadedStore = Recovered<StoreData>

/** Reads, migrates and checks one store file (no recovery). Null when it does not exist; CorruptFileError when damaged. */
export const readStoreFile = (path: string): Promise<StoreData | null> => readDurable(path, TRIAL_STORE)

/** Writes the store as its new generation: atomic, fsynced, the previous one kept as `.bak`. */
export const saveStore = (path: string, data: StoreData): Promise<void> => writeDurable(path, data, TRIAL_STORE)

/** Opens the store with recovery from a damaged or missing file (see recoverDurable). */
export const loadStore = (path: string, now?: () => Date): Promise<LoadedStore> =>
  recoverDurable(path, TRIAL_STORE, readStoreFile, now)

export const STORE_IN_USE_MESSAGE =
  'Another Trial Desk window or command is syncing this store. Wait for it to finish, or close it.'

/** The store's exclusive writer lock, or STORE_IN_USE at once. */
export const lockStore = (path: string): Promise<WriterLock> =>
  lockForWriting(path, STORE_IN_USE_MESSAGE, TRIAL_STORE.diskKind)
export type StoreLock = WriterLock
