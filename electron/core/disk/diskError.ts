/**
 * Translates the operating system's "cannot write here" and "disk full" errors into stable codes a clinician and an
 * IT admin can act on, naming the folder. One translation for every file Trial Desk writes (the store, its writer
 * lock, its `.bak`, settings, the user's own data), so the same disk problem reads the same everywhere.
 *
 * Call sites wrap their file work in `withDiskErrors(target, () => …)` or translate a caught error with
 * `toDiskError(error, target)`; anything that is not a disk problem passes through unchanged.
 */
import { dirname } from 'node:path'
import { TrialsError } from '../errors'

/** errno codes meaning "this folder or file cannot be written by this user" (permissions, read-only, immutable). */
export const NOT_WRITABLE_ERRNOS = ['EACCES', 'EPERM', 'EROFS'] as const
/** errno codes meaning "no room left" (disk full, or the user's quota). */
export const DISK_FULL_ERRNOS = ['ENOSPC', 'EDQUOT'] as const

/** What was being written, so the message can say what is at stake. */
export type DiskTarget =
  { kind: 'store'; path: string } | { kind: 'userData'; path: string } | { kind: 'settings'; path: string }

export type DiskErrorCode = 'STORE_NOT_WRITABLE' | 'DISK_FULL'

/** The values a translated message fills in (also carried on the error for the renderer's dictionaries). */
export interface DiskErrorValues extends Record<string, string> {
  folder: string
  errno: string
}

function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null | undefined)?.code
  return typeof code === 'string' ? code : undefined
}

/** The stable code for an OS error, or null when it is not a disk permission / space problem. */
export function diskErrorCode(error: unknown): DiskErrorCode | null {
  const errno = errnoOf(error)
  if (!errno) return null
  if ((NOT_WRITABLE_ERRNOS as readonly string[]).includes(errno)) return 'STORE_NOT_WRITABLE'
  if ((DISK_FULL_ERRNOS as readonly string[]).includes(errno)) return 'DISK_FULL'
  return null
}

const WHAT_IS_KEPT: Record<DiskTarget['kind'], string> = {
  store: 'Nothing was changed, and the trials already stored stay browsable',
  userData: 'Your last change to saved searches, stars or notes was not saved; what was saved before is kept',
  settings: 'The setting was not saved; the previous settings stay in use',
}

export const diskMessages = {
  notWritable: (target: DiskTarget, folder: string, errno: string) =>
    `Trial Desk cannot write to the folder ${folder} (${errno}: no permission, or the disk is read-only). ` +
    `${WHAT_IS_KEPT[target.kind]}. Give your user account write access to that folder (ask your IT administrator), ` +
    'or point Trial Desk at a writable folder (TRIALS_STORE or --store for the command line), then try again.',
  diskFull: (target: DiskTarget, folder: string, errno: string) =>
    `The disk holding ${folder} is full (${errno}). ${WHAT_IS_KEPT[target.kind]}. ` +
    'Free some disk space (or ask your IT administrator to raise your quota), then try again.',
} as const

/** The error as a TrialsError with a stable code when it is a disk problem; otherwise the error itself. */
export function toDiskError(error: unknown, target: DiskTarget): unknown {
  const code = diskErrorCode(error)
  if (!code) return error
  const errno = errnoOf(error) ?? code
  const folder = dirname(target.path)
  const values: DiskErrorValues = { folder, errno }
  const message =
    code === 'DISK_FULL'
      ? diskMessages.diskFull(target, folder, errno)
      : diskMessages.notWritable(target, folder, errno)
  return new TrialsError(code, message, { values })
}

/** Runs file work and rethrows a disk problem as STORE_NOT_WRITABLE / DISK_FULL (other errors unchanged). */
export async function withDiskErrors<T>(target: DiskTarget, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toDiskError(error, target)
  }
}
