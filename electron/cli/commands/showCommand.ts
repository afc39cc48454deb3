import type { TrialDesk } from '../../core/api'
import type { CliIo } from '../cliIo'

const text = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value))

/** `trials show ID`: the whole record and its history (newest first). NOT_FOUND propagates (exit 1). */
export function runShowCommand(desk: TrialDesk, io: CliIo, id: string, json: boolean): number {
  const detail = desk.get(id)
  if (json) {
    io.out(JSON.stringify(detail, null, 2))
    return 0
  }
  const lines = [
    `${detail.id}  ${detail.title}`,
    `change: ${detail.changeKind}   first seen: ${detail.firstSeenAt}   changed: ${detail.changedAt}` +
      (detail.removedAt ? `   removed: ${detail.removedAt}` : ''),
    '',
    'Fields:',
    ...Object.entries(detail.fields).map(([name, value]) => `  ${name}: ${text(value)}`),
    '',
    'History (newest first):',
    ...detail.history.flatMap((h) => [
      `  ${h.at}  ${h.kind}`,
      ...h.changes.map((c) => `    ${c.field}: ${text(c.from) || '(empty)'} → ${text(c.to) || '(empty)'}`),
    ]),
    '',
    detail.attribution.text,
  ]
  io.out(lines.join('\n'))
  return 0
}
