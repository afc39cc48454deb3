/** Stable failure codes. The renderer translates each into Korean or English; the CLI prints the core's message. */
export const ERROR_CODES = [
  'AUTH', // the service key was rejected (401/403, odcloud code -4, CRIS 20/30/31/32)
  'QUOTA', // the key's daily (or per-second) call limit was reached
  'TIMEOUT', // the server did not answer in time
  'NETWORK', // no connection, DNS failure, connection refused or reset
  'SERVER', // 5xx from the open API
  'BAD_RESPONSE', // HTML, XML, plain text, invalid JSON, or a JSON without the expected shape
  'SUSPICIOUS_LISTING', // an empty listing, or one that would remove more than 20% of active records
  'NOT_FOUND', // unknown trial id
  'STORE_IN_USE', // another process (the app or a CLI) is writing this store
  'STORE_UNREADABLE', // the store and its previous generation are both unreadable
  'CANCELLED', // the user cancelled the sync
  'NO_KEY', // no data.go.kr service key is set
  'USAGE', // bad command-line usage or query parameters
  'VALIDATION', // an IPC call with malformed arguments
  'KEY_STORAGE_UNAVAILABLE', // the OS cannot encrypt the service key (e.g. Linux without a keyring); never stored in plaintext
  'STORE_NOT_WRITABLE', // the data folder (store, lock, .bak, user data) cannot be written: EACCES, EPERM, EROFS
  'DISK_FULL', // no space left on the disk holding the data folder (ENOSPC, EDQUOT)
  'INTERNAL', // a bug: anything not classified above
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses process boundaries (IPC, CLI --json, the sync log). Never contains the service key. */
export interface AppError {
  code: ErrorCode
  message: string
  /** Values for the translated message's {placeholders} (e.g. `folder` for disk errors); never the service key. */
  values?: Record<string, string | number>
}
