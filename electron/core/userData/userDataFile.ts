/**
 * `user-data.json`: a durable file with the trial store's rules — compact, atomic write with fsync, the previous
 * generation kept as `.bak`, a damaged file kept as `.corrupt-<ts>` and the `.bak` loaded, a writer lock, a schema
 * version with migrations — by the store's own read / write / recover functions (store/durable).
 */
import { dirname, join } from 'node:path'
import type { DurableFormat } from '../store/durable/format'
import { lockForWriting, type WriterLock } from '../store/durable/lock'
import { readDurable } from '../store/durable/read'
import { recoverDurable, type Recovered } from '../store/durable/recover'
import { writeDurable } from '../store/durable/write'
import {
  emptyUserData,
  USER_DATA_FILE_NAME,
  USER_DATA_MIGRATIONS,
  USER_DATA_SCHEMA_VERSION,
  userDataSchema,
  type UserData,
} from './userDataSchema'

export const USER_DATA_FORMAT: DurableFormat<UserData> = {
  label: 'file of your saved searches, watched trials and notes',
  schemaVersion: USER_DATA_SCHEMA_VERSION,
  migrations: USER_DATA_MIGRATIONS,
  parse: (raw) => userDataSchema.parse(raw),
  empty: emptyUserData,
  afterRecovery: 'Your last change to saved searches, stars or notes may be missing.',
  startAfresh: 'To start with no saved searches, stars or notes (the trials are not affected)',
  diskKind: 'userData',
  unreadableCode: 'STORE_UNREADABLE',
}

/** `user-data.json` in the trial store's folder (so TRIALS_STORE and --store move it too). */
export function userDataPathFor(storePath: string): string {
  return join(dirname(storePath), USER_DATA_FILE_NAME)
}

/** Reads, migrates and checks one user-data file. Null when it does not exist; CorruptFileError when damaged. */
export const readUserDataFile = (path: string): Promise<UserData | null> => readDurable(path, USER_DATA_FORMAT)

/** Compact, atomic, previous generation kept as `.bak`; checked before it is written. */
export const saveUserData = (path: string, data: UserData): Promise<void> =>
  writeDurable(path, userDataSchema.parse(data), USER_DATA_FORMAT)

/** Opens the user data with recovery from a damaged or missing file. */
export const loadUserData = (path: string, now?: () => Date): Promise<Recovered<UserData>> =>
  recoverDurable(path, USER_DATA_FORMAT, readUserDataFile, now)

export const USER_DATA_IN_USE_MESSAGE =
  'Another Trial Desk window or command is saving your saved searches, watched trials or notes. Try again in a moment.'

/** The user data's own writer lock (`user-data.json.lock`), apart from the trial store's: saving a note never waits for a sync. */
export const lockUserData = (path: string): Promise<WriterLock> =>
  lockForWriting(path, USER_DATA_IN_USE_MESSAGE, 'userData')
