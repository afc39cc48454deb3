/**
 * The ClinicalTrials.gov wire client for one sync: `/version` and `/studies` pages through the shared HTTP layer
 * (timeouts, retries with backoff on 429/5xx, the app's proxy-aware fetch), one request at a time at the configured
 * rate. Never sends the data.go.kr key. A 200 carrying an HTML page (maintenance) is waited out like a 503.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import pThrottle from 'p-throttle'
import { TrialsError } from '../../errors'
import { backoffDelayMs, cancelledError, createHttpClient } from '../../http'
import { MAX_RETRIES, retryBaseFromEnv } from '../../http/retryPolicy'
import type { SourceConfig } from '../source'
import type { CtgovSettings } from './ctgovConfig'
import { parseStudiesPage, parseVersion, type Parsed, type StudiesPage } from './ctgovEnvelope'
import { withCtgovMessage } from './ctgovErrors'
import { CTGOV_SERVICE, ctgovMessages } from './ctgovMessages'
import type { StudiesQuery } from './ctgovQuery'

export interface PageRequest {
  pageSize: number
  pageToken?: string
  countTotal?: boolean
}

export interface CtgovClient {
  version(): Promise<{ dataTimestamp: string }>
  studiesPage(query: StudiesQuery, page: PageRequest): Promise<StudiesPage>
}

export function createCtgovClient(config: SourceConfig, settings: CtgovSettings, signal: AbortSignal): CtgovClient {
  // The key getter is replaced, not just unused: nothing below can reach the data.go.kr key.
  const http = createHttpClient({ ...config, getServiceKey: () => undefined }, { service: CTGOV_SERVICE })
  const retryBaseMs = retryBaseFromEnv(config.env)
  // One call per 1/rate seconds, evenly spaced.
  const throttle = pThrottle({ limit: 1, interval: 1000 / settings.ratePerSecond })
  const send = throttle((path: string, query: StudiesQuery) =>
    http.getText(`${settings.baseUrl}${path}`, { query, signal }),
  )

  async function call<T>(path: string, query: StudiesQuery, parse: (body: string) => Parsed<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      if (signal.aborted) throw cancelledError({ service: CTGOV_SERVICE })
      let body: string
      try {
        body = (await send(path, query)).body
      } catch (error) {
        throw withCtgovMessage(error)
      }
      const parsed = parse(body)
      if (parsed.ok) return parsed.value
      if (!parsed.html) throw new TrialsError('BAD_RESPONSE', ctgovMessages.unreadable(parsed.what))
      if (attempt >= MAX_RETRIES) throw new TrialsError('BAD_RESPONSE', ctgovMessages.htmlPage())
      await sleep(backoffDelayMs(attempt + 1, retryBaseMs), undefined, { signal }).catch(() => undefined)
    }
  }

  return {
    version: () => call('/version', {}, parseVersion),
    studiesPage: (query, page) =>
      call(
        '/studies',
        {
          ...query,
          pageSize: String(page.pageSize),
          ...(page.pageToken ? { pageToken: page.pageToken } : {}),
          ...(page.countTotal ? { countTotal: 'true' } : {}),
        },
        parseStudiesPage,
      ),
  }
}
