/** Disk problems (no permission, read-only, full) as stable error codes. */
export { DISK_FULL_ERRNOS, NOT_WRITABLE_ERRNOS, diskErrorCode, diskMessages, toDiskError, withDiskErrors, type DiskErrorCode, type DiskErrorValues, type DiskTarget } from './diskError'
