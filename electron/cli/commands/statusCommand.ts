import type { TrialDesk } from '../../core/trialDesk'
import type { CliIo } from '../cliIo'
import { renderTable } from '../textTable'

/** `trials status`: per source the last success, the last attempt and its error, and record counts. */
export function runStatusCommand(desk: TrialDesk, io: CliIo, json: boolean): number {
  const status = desk.status()
  if (json) {
    io.out(JSON.stringify(status, null, 2))
    return 0
  }
  io.out(`Store: ${status.storePath} (${(status.storeBytes / 1024).toFixed(1)} KB)`)
  io.out(
    renderTable(
      ['SOURCE', 'LAST SUCCESS', 'LAST ATTEMPT', 'ACTIVE', 'REMOVED', 'DETAILS PENDING', 'LAST ERROR'],
      status.sources.map((s) => [
        s.source,
        s.lastSuccessAt ?? 'never',
        s.lastAttemptAt ?? 'never',
        String(s.counts.active),
        String(s.counts.removed),
        String(s.counts.detailsPending),
        s.lastError ? `[${s.lastError.code}] ${s.lastError.message}` : '',
      ]),
    ),
  )
  return 0
}
