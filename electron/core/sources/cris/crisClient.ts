/**
 * The CRIS wire client for one sync: /list and /detail through the shared HTTP layer (key encoded once, retries on
 * 5xx and network errors, timeouts), throttled to the configured rate, a few calls in flight. The first failure
 * aborts everything queued and in flight, so a QUOTA answer never turns into a storm of doomed calls.
 */
import pLimit from 'p-limit'
import pThrottle from 'p-throttle'
import { isTrialsError } from '../../errors'
import { cancelledError, createHttpClient } from '../../http'
import type { SourceConfig } from '../source'
import type { CrisSettings } from './crisConfig'
import { parseDetail, parseListPage, type CrisListPage, type CrisRecord } from './crisEnvelope'
import { withCrisMessage } from './crisErrors'
import { CRIS_SERVICE } from './crisMessages'

export interface CrisClient {
  listPage(pageNo: number, numOfRows: number): Promise<CrisListPage>
  /** Rejects with NOT_FOUND when CRIS has no details for this trial (code 03); that alone does not stop the sync. */
  detail(trialId: string): Promise<CrisRecord>
  /** Aborted by the caller's signal or by the first failed call. */
  readonly signal: AbortSignal
}

export function createCrisClient(config: SourceConfig, settings: CrisSettings, parentSignal?: AbortSignal): CrisClient {
  const http = createHttpClient(config, { service: CRIS_SERVICE })
  const controller = new AbortController()
  if (parentSignal?.aborted) controller.abort(parentSignal.reason)
  parentSignal?.addEventListener('abort', () => controller.abort(parentSignal.reason), { once: true })

  /** Why calls stop once aborted: the failure that aborted them, or the user's cancel. */
  const stopReason = (): unknown =>
    isTrialsError(controller.signal.reason) ? controller.signal.reason : cancelledError({ service: CRIS_SERVICE })
  function fail(error: unknown): never {
    if (controller.signal.aborted) throw stopReason()
    controller.abort(error)
    throw error
  }

  const limit = pLimit(settings.concurrency)
  // One call per 1/rate seconds: evenly spaced, so no sliding one-second window ever holds more than `rate` calls.
  const throttle = pThrottle({ limit: 1, interval: 1000 / settings.ratePerSecond, signal: controller.signal })
  const send = throttle((path: string, query: Record<string, string | number>) =>
    http.getText(`${settings.baseUrl}/${path}`, { query, withKey: true, signal: controller.signal }),
  )

  async function call(path: 'list' | 'detail', query: Record<string, string | number>): Promise<string> {
    return limit(async () => {
      if (controller.signal.aborted) throw stopReason()
      try {
        const response = await send(path, { resultType: 'json', ...query })
        return response.body
      } catch (error) {
        // Only the HTTP layer's errors need CRIS's wording; the envelope's own are CRIS's already.
        return fail(withCrisMessage(error))
      }
    })
  }

  async function guarded<T>(run: () => T): Promise<T> {
    try {
      return run()
    } catch (error) {
      // One trial without details is the caller's business; it says nothing about the key or the registry.
      if (isTrialsError(error) && error.code === 'NOT_FOUND') throw error
      // Other body-level failures (HTTP 200 with an error envelope) stop the sync just like transport failures.
      return fail(error)
    }
  }

  return {
    signal: controller.signal,
    async listPage(pageNo, numOfRows) {
      const body = await call('list', { numOfRows, pageNo })
      return guarded(() => parseListPage(body))
    },
    async detail(trialId) {
      // `crisNumber`, not `trial_id`: CRIS silently ignores the latter and answers "no data".
      const body = await call('detail', { crisNumber: trialId })
      return guarded(() => parseDetail(body, trialId))
    },
  }
}
