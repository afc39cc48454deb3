import type { ListQuery, ListResult } from '../../../shared/trials'
import type { TrialDesk } from '../../core/trialDesk'
import type { CliIo } from '../cliIo'
import { renderTable, truncate } from '../textTable'

const KIND_LABEL = { new: 'new', updated: 'updated', removed: 'removed' } as const

/** `trials list`: one page of trials as a table, or the whole ListResult as JSON. */
export function runListCommand(desk: TrialDesk, io: CliIo, query: ListQuery, json: boolean): number {
  return printListResult(io, query, desk.list(query), json)
}

/** One page of trials as a table (★ marks watched ones), or the whole ListResult as JSON. */
export function printListResult(io: CliIo, query: ListQuery, result: ListResult, json: boolean): number {
  if (json) {
    io.out(JSON.stringify(result, null, 2))
    return 0
  }
  const window = query.withinDays === null ? 'all trials' : `changed within ${query.withinDays ?? 7} days`
  // The window hint: matches the window hides.
  const allTime =
    result.totalAllTime !== null && result.totalAllTime > result.total
      ? ` (${result.totalAllTime} in all time: --all)`
      : ''
  if (result.total === 0) {
    io.out(`No trials match (${window})${allTime}. Try --all, a longer --within-days, or fewer filters.`)
    return 0
  }
  const first = result.offset + 1
  const last = result.offset + result.items.length
  io.out(`${result.total} trials (${window})${allTime}; showing ${result.items.length ? `${first}-${last}` : 'none'}.`)
  io.out(
    renderTable(
      ['ID', 'CHANGE', 'CHANGED', 'STATUS', 'SITE', 'TITLE'],
      result.items.map((t) => [
        `${t.watched ? '★ ' : ''}${t.id}${t.linkedIds?.length ? ` (= ${t.linkedIds.join(', ')})` : ''}`,
        KIND_LABEL[t.changeKind],
        t.changedAt.slice(0, 10),
        t.recruitment ?? (t.detailsPending ? 'pending' : ''),
        truncate(t.sites?.[0]?.name ?? t.institution ?? '', 20) +
          (t.sites && t.sites.length > 1 ? ` +${t.sites.length - 1}` : ''),
        truncate(t.title, 60),
      ]),
    ),
  )
  for (const [facet, count] of Object.entries(result.unclassified)) {
    if (query.fields?.some((f) => f.name === facet) || (facet === 'recruitment' && query.recruitingOnly)) {
      io.out(
        `${count} trials are not classified by ${facet} yet (their details are pending; the next syncs fetch them).`,
      )
    }
  }
  if (last < result.total) io.out(`More: --offset ${last}`)
  return 0
}
