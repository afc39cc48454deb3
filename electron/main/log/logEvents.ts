/** What the log file says about app events (sync results, store recovery): one line each, codes first, for support. */
import type { IpcEventMap } from '../../../shared/ipc'
import type { SyncLogEntry } from '../../../shared/trials'
import type { AppLog } from './appLog'

export function syncEntryLine(entry: SyncLogEntry): string {
  const who = `${entry.source}${entry.trigger ? ` (${entry.trigger})` : ''}`
  const counts =
    `fetched ${entry.fetched}, created ${entry.created}, updated ${entry.updated}, removed ${entry.removed}` +
    `${entry.restored ? `, restored ${entry.restored}` : ''}, rejected ${entry.rejected}` +
    `${entry.detailsFetched !== undefined ? `, details ${entry.detailsFetched} fetched / ${entry.detailsPending ?? 0} pending` : ''}`
  const codes = entry.warnings.flatMap((w) => (w.code ? [w.code] : []))
  const warnings =
    entry.warnings.length > 0 ? `; warnings: ${codes.length > 0 ? codes.join(', ') : entry.warnings.length}` : ''
  if (entry.ok) return `[sync] ${who} ok in ${seconds(entry)}: ${counts}${warnings}`
  return `[sync] ${who} FAILED ${entry.error?.code ?? 'INTERNAL'} after ${seconds(entry)}: ${entry.error?.message ?? ''}${warnings}`
}

function seconds(entry: SyncLogEntry): string {
  const ms = Date.parse(entry.finishedAt) - Date.parse(entry.startedAt)
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '?'
}

/** Logs the app events support needs from what the main process sends the window anyway. */
export function logAppEvent<E extends keyof IpcEventMap>(
  log: Pick<AppLog, 'info' | 'warn' | 'error'>,
  event: E,
  payload: IpcEventMap[E],
): void {
  if (event === 'sync:finished') {
    const { entries, error } = payload as IpcEventMap['sync:finished']
    for (const entry of entries) (entry.ok ? log.info : log.warn)(syncEntryLine(entry))
    if (error) log.warn(`[sync] refused ${error.code}: ${error.message}`)
  } else if (event === 'store:recovered') {
    log.warn('[store] recovered:', payload)
  }
}
