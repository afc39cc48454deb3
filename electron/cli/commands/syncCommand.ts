import type { SyncMatches } from '../../../shared/following'
import { sourceNeedsKey, type SourceId, type SyncLogEntry, type SyncProgress } from '../../../shared/trials'
import type { TrialDesk } from '../../core/trialDesk'
import { TrialsError } from '../../core/errors'
import { REWRITE_LINE, type CliIo } from '../cliIo'

export const NO_KEY_MESSAGE =
  'No data.go.kr service key is set. Get one free at https://www.data.go.kr: sign in, open datasets 3074271 ' +
  '("질병관리청_임상연구 과제정보", iCReaT) and 3033869 ("질병관리청_임상연구 DB", CRIS) and press 활용신청 on each; ' +
  'then set the environment variable DATA_GO_KR_SERVICE_KEY to the key (일반 인증키) and run the sync again.'

function progressPrinter(io: CliIo): ((p: SyncProgress) => void) | undefined {
  if (!io.stderrIsTTY) return undefined
  return (p) => {
    const count = p.total === null ? `${p.done}` : `${p.done}/${p.total}`
    io.progress(`${REWRITE_LINE}${p.source}: ${p.phase} ${count}`)
    if (p.phase === 'save' && p.done === 1) io.progress('\n')
  }
}

function describe(entry: SyncLogEntry): string {
  if (!entry.ok)
    return `${entry.source}: sync failed [${entry.error?.code ?? 'INTERNAL'}] ${entry.error?.message ?? ''}`
  const restored = entry.restored ? `, ${entry.restored} restored` : ''
  // CRIS fetches /detail within a per-sync budget: say how far it got, so a user knows more syncs are coming.
  const details =
    entry.detailsFetched !== undefined || entry.detailsPending
      ? `; details ${entry.detailsFetched ?? 0} fetched, ${entry.detailsPending ?? 0} still pending`
      : ''
  return (
    `${entry.source}: ${entry.fetched} fetched — ${entry.created} new, ${entry.updated} updated${restored}, ` +
    `${entry.unchanged} unchanged, ${entry.removed} removed, ${entry.rejected} rejected${details}`
  )
}

/** What the sync brought for the user's saved searches and watched trials, one line each. */
function describeMatches(matches: SyncMatches): string[] {
  return [
    ...matches.saved.map((s) => `  saved search "${s.name}": ${s.count} new or changed`),
    ...matches.watched.map((id) => {
      const status = matches.statusChanges.find((c) => c.id === id)
      const what = !status
        ? 'changed'
        : status.kind === 'status'
          ? `status ${status.from ?? '—'} → ${status.to ?? '—'}`
          : status.kind === 'removed'
            ? 'no longer listed by the registry'
            : 'listed again'
      return `  ★ ${id}${status ? ` "${status.title}"` : ''}: ${what}`
    }),
  ]
}

/** `trials sync`: exit 0 when every source synced, 1 when any failed. */
export async function runSyncCommand(
  desk: TrialDesk,
  io: CliIo,
  options: {
    sources: SourceId[]
    single: boolean
    now?: Date
    allowMassRemoval: boolean
    fullResync?: boolean
    json: boolean
    hasKey: boolean
  },
): Promise<number> {
  // Without a key the keyless sources (ClinicalTrials.gov) still sync; the others are skipped with how to get one.
  const skipped = options.hasKey ? [] : options.sources.filter(sourceNeedsKey)
  const runnable = options.sources.filter((s) => !skipped.includes(s))
  if (runnable.length === 0) throw new TrialsError('NO_KEY', NO_KEY_MESSAGE)
  const fixed = options.now
  const entries = await desk.sync({
    sources: runnable,
    now: fixed ? () => fixed : undefined,
    allowMassRemoval: options.allowMassRemoval,
    fullResync: options.fullResync,
    onProgress: progressPrinter(io),
    trigger: 'cli',
  })
  if (skipped.length > 0) io.err(`Error [NO_KEY]: ${skipped.join(' and ')} not synced. ${NO_KEY_MESSAGE}`)
  for (const entry of entries)
    for (const warning of entry.warnings) io.err(`warning (${entry.source}): ${warning.message}`)
  // Read-only: matching never writes the user data (nor does the sync).
  const matches = await desk.following.matchSync(entries)
  const withMatches = entries.map((entry, i) => ({ ...entry, matches: matches[i] }))
  if (options.json) io.out(JSON.stringify(options.single ? withMatches[0] : withMatches, null, 2))
  else {
    for (const entry of withMatches) {
      ;(entry.ok ? io.out : io.err)(describe(entry))
      for (const line of describeMatches(entry.matches)) io.out(line)
    }
  }
  return entries.every((e) => e.ok) && skipped.length === 0 ? 0 : 1
}
