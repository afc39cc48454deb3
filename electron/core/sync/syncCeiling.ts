/**
 * A sync may not run for ever: each request has its own deadline (http/attemptDeadline), but a server that answers
 * every call just in time, slowly, could still hold the store's writer lock for hours. Each sync therefore gets a
 * ceiling derived from its plan (the calls it expects and the pace it keeps), generous enough for a slow network:
 * three times the planned time, plus one call's full series of retries at the per-request deadline.
 */
import { TrialsError } from '../errors'
import { attemptDeadlineMs } from '../http/attemptDeadline'
import { MAX_RETRIES } from '../http/retryPolicy'
import type { Source, SyncPlan } from '../sources/source'

/** How much slower than planned a sync may run before it is stopped. */
export const PLAN_SLACK = 3
/** For a source that announces no plan. */
export const DEFAULT_SYNC_CEILING_MS = 60 * 60 * 1000

export function syncCeilingMs(plan: SyncPlan | undefined): number {
  if (!plan) return DEFAULT_SYNC_CEILING_MS
  const planned = plan.calls * plan.msPerCall * PLAN_SLACK
  const oneCallRetried = (MAX_RETRIES + 1) * attemptDeadlineMs(plan.timeoutMs)
  return Math.ceil(planned + oneCallRetried)
}

export function ceilingFor(source: Source | undefined, storedRecords: number): number {
  return syncCeilingMs(source?.plan?.(storedRecords))
}

export function syncCeilingError(sourceId: string, ceilingMs: number): TrialsError {
  const minutes = Math.max(1, Math.round(ceilingMs / 60_000))
  return new TrialsError(
    'TIMEOUT',
    `The sync of ${sourceId} did not finish within ${minutes} minute(s), far longer than planned, so it was stopped and ` +
      'nothing was changed. The registry or the network (or the hospital proxy) is very slow: check the connection and sync again later.',
    { values: { minutes } },
  )
}
