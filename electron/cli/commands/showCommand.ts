import type { TrialDetail } from '../../../shared/trials'
import type { TrialDesk } from '../../core/trialDesk'
import type { CliIo } from '../cliIo'

const text = (value: unknown) =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
/** Multi-line values (CRIS free text) stay under their field instead of starting at column 0. */
const indented = (value: unknown, indent: string) => text(value).replace(/\r?\n/g, `\n${indent}`)

/** The normalised clinical fields, each with the source's own wording where it differs. */
function clinicalLines(detail: TrialDetail): string[] {
  const lines: string[] = []
  if (detail.recruitment) lines.push(`recruitment: ${detail.recruitment}${detail.status ? ` (${detail.status})` : ''}`)
  if (detail.phases?.length)
    lines.push(`phases: ${detail.phases.join(', ')}${detail.phase ? ` (${detail.phase})` : ''}`)
  if (detail.conditions?.length) lines.push(`conditions: ${detail.conditions.join('; ')}`)
  if (detail.sites?.length) {
    lines.push(
      `sites: ${detail.sites.map((s) => (s.sourceName === s.name ? s.name : `${s.name} (${s.sourceName})`)).join('; ')}`,
    )
  }
  if (detail.institution) lines.push(`institution: ${detail.institution}`)
  if (detail.sponsor) lines.push(`sponsor: ${detail.sponsor}`)
  return lines
}

/** `trials show ID`: the whole record and its history (newest first). NOT_FOUND propagates (exit 1). */
export function runShowCommand(desk: TrialDesk, io: CliIo, id: string, json: boolean): number {
  const detail = desk.get(id)
  if (json) {
    io.out(JSON.stringify(detail, null, 2))
    return 0
  }
  const lines = [
    `${detail.id}  ${indented(detail.title, '  ')}`,
    ...(detail.titleEn ? [`  ${indented(detail.titleEn, '  ')}`] : []),
    `change: ${detail.changeKind}   first seen: ${detail.firstSeenAt}   changed: ${detail.changedAt}` +
      (detail.removedAt ? `   removed: ${detail.removedAt}` : ''),
    ...(detail.detailsPending
      ? ['details pending: only the list fields are stored yet; the next syncs fetch the rest']
      : []),
    ...clinicalLines(detail),
    ...(detail.linkedIds && detail.linkedIds.length > 0 ? [`also registered as: ${detail.linkedIds.join(', ')}`] : []),
    '',
    'Fields:',
    ...Object.entries(detail.fields).map(([name, value]) => `  ${name}: ${indented(value, '    ')}`),
    '',
    'History (newest first):',
    ...detail.history.flatMap((h) => [
      `  ${h.at}  ${h.kind}`,
      ...h.changes.map((c) => `    ${c.field}: ${text(c.from) || '(empty)'} → ${text(c.to) || '(empty)'}`),
    ]),
    '',
    detail.attribution.text,
    detail.attribution.url,
  ]
  io.out(lines.join('\n'))
  return 0
}
