/** Disk problems (no permission, read-only, full) as stable error codes. */
export { diskErrorCode, toDiskError, withDiskErrors, type DiskTarget } from './diskError'
