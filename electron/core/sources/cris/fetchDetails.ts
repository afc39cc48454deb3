/** /detail for the planned trials, a few at a time at the client's rate. Any failure but "no data" stops them all. */
import type { FetchContext } from '../source'
import type { CrisClient } from './crisClient'
import type { CrisRecord } from './crisEnvelope'

/** trial_id → its details, or null when CRIS answered "no data" (03). */
export async function fetchDetails(
  client: CrisClient,
  trialIds: readonly string[],
  ctx: Pick<FetchContext, 'onProgress'>,
): Promise<Map<string, CrisRecord | null>> {
  const details = new Map<string, CrisRecord | null>()
  const total = trialIds.length
  ctx.onProgress({ phase: 'details', done: 0, total })
  await Promise.all(
    trialIds.map(async (trialId) => {
      details.set(trialId, await client.detail(trialId))
      // Every 10th, so 2,000 details do not flood the progress channel.
      if (details.size % 10 === 0 || details.size === total) ctx.onProgress({ phase: 'details', done: details.size, total })
    }),
  )
  return details
}
