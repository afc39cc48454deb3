/** /detail for the planned trials, a few at a time at the client's rate. Any failure but NOT_FOUND stops them all. */
import { isTrialsError } from '../../errors'
import type { FetchContext } from '../source'
import type { CrisClient } from './crisClient'
import type { CrisRecord } from './crisEnvelope'

export interface FetchedDetails {
  /** trial_id → its details. */
  details: Map<string, CrisRecord>
  /** Listed trials CRIS has no details for (code 03); they stay pending. */
  missing: string[]
}

export async function fetchDetails(
  client: CrisClient,
  trialIds: readonly string[],
  ctx: Pick<FetchContext, 'onProgress'>,
): Promise<FetchedDetails> {
  const details = new Map<string, CrisRecord>()
  const missing: string[] = []
  const total = trialIds.length
  let done = 0
  ctx.onProgress({ phase: 'details', done: 0, total })
  await Promise.all(
    trialIds.map(async (trialId) => {
      try {
        details.set(trialId, await client.detail(trialId))
      } catch (error) {
        if (!isTrialsError(error) || error.code !== 'NOT_FOUND') throw error
        missing.push(trialId)
      }
      done++
      // Every 10th, so 2,000 details do not flood the progress channel.
      if (done % 10 === 0 || done === total) ctx.onProgress({ phase: 'details', done, total })
    }),
  )
  return { details, missing }
}
