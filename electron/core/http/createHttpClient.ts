/**
 * The one HTTP client every source uses: axios with an idle timeout and an overall deadline per attempt (see
 * attemptDeadline), retries (axios-retry), cancellation,
 * bodies read as text, the service key encoded exactly once, and every failure classified into a TrialsError.
 * Runs on Electron's net.fetch inside the app (config.fetchImpl) and on Node's HTTP stack in the CLI and tests.
 */
import axios, { type AxiosInstance } from 'axios'
import axiosRetry from 'axios-retry'
import { TrialsError } from '../errors'
import { installAttemptDeadline } from './attemptDeadline'
import { type ClassifyContext, classifyHttpError } from './classifyError'
import { httpMessages } from './messages'
import { redactSecrets } from './redact'
import { MAX_RETRIES, isRetryableHttpError, retryBaseFromEnv, retryDelayMs } from './retryPolicy'
import { type QueryValue, buildQueryString, withQuery } from './serviceKey'

/** What the HTTP layer needs from its caller; source-agnostic (sources/ hands its SourceConfig, the same shape). */
export interface HttpConfig {
  /** Read per request, never stored: the key only leaves through the request (and is scrubbed from every message). */
  getServiceKey: () => string | undefined
  /** Idle timeout per request (TRIALS_TIMEOUT_MS). */
  timeoutMs: number
  /** Replaces axios' default adapter (the app passes Electron's net.fetch; CLI and tests use Node's stack). */
  fetchImpl?: typeof fetch
  /** TRIALS_* overrides (e.g. the retry backoff base). */
  env: Readonly<Record<string, string | undefined>>
}

export interface HttpGetOptions {
  query?: Readonly<Record<string, QueryValue>>
  /** Append `serviceKey=` (encoded once). Throws NO_KEY when no key is set. */
  withKey?: boolean
  signal?: AbortSignal
}

export interface HttpTextResponse {
  status: number
  body: string
  contentType: string | undefined
}

export interface HttpClientOptions {
  /** Human label for error messages, e.g. "iCReaT (data.go.kr 3074271)". */
  service: string
  /** Receives one redacted line per retry (for logs); optional. */
  log?: (line: string) => void
}

export interface HttpClient {
  getText(url: string, options?: HttpGetOptions): Promise<HttpTextResponse>
  /** What classifying a failure needs (service label, the key to redact, the timeout), for callers that parse bodies. */
  classifyContext(): ClassifyContext
}

function createAxios(config: HttpConfig, options: HttpClientOptions): AxiosInstance {
  const instance = axios.create({
    timeout: config.timeoutMs,
    responseType: 'text',
    // Keep the raw text: sources sniff it (JSON, XML, HTML) themselves.
    transformResponse: [(data: unknown) => data],
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: false },
    ...(config.fetchImpl ? { adapter: 'fetch' as const, env: { fetch: config.fetchImpl } } : {}),
  })
  // Before axios-retry, so a stalled or trickling attempt reaches the retry rule as a timeout.
  installAttemptDeadline(instance, config.timeoutMs)
  const retryBaseMs = retryBaseFromEnv(config.env)
  axiosRetry(instance, {
    retries: MAX_RETRIES,
    retryCondition: isRetryableHttpError,
    retryDelay: (retryNumber, error) => retryDelayMs(retryNumber, error, retryBaseMs),
    // Each attempt gets the full timeout, not what is left of the first one.
    shouldResetTimeout: true,
    onRetry: (retryNumber, error) => {
      const why = error.response ? `HTTP ${error.response.status}` : (error.code ?? 'network error')
      options.log?.(
        redactSecrets(`${options.service}: retry ${retryNumber}/${MAX_RETRIES} after ${why}`, config.getServiceKey()),
      )
    },
  })
  return instance
}

export function createHttpClient(config: HttpConfig, options: HttpClientOptions): HttpClient {
  const instance = createAxios(config, options)
  // Read the key at each call: the app's key can change between syncs.
  const classifyContext = (): ClassifyContext => ({
    service: options.service,
    serviceKey: config.getServiceKey(),
    timeoutMs: config.timeoutMs,
  })
  return {
    classifyContext,
    async getText(url, { query = {}, withKey = false, signal } = {}) {
      const serviceKey = withKey ? config.getServiceKey()?.trim() : undefined
      const ctx = classifyContext()
      if (withKey && !serviceKey) throw new TrialsError('NO_KEY', httpMessages.noKey(options.service))
      if (signal?.aborted) throw classifyHttpError(signal.reason, ctx, signal)
      // The query is built here, not by axios, so the key is percent-encoded exactly once.
      const fullUrl = withQuery(url, buildQueryString(query, serviceKey))
      try {
        const response = await instance.get<string>(fullUrl, { userSignal: signal })
        return {
          status: response.status,
          body: typeof response.data === 'string' ? response.data : String(response.data ?? ''),
          contentType: response.headers['content-type'] as string | undefined,
        }
      } catch (error) {
        throw classifyHttpError(error, ctx, signal)
      }
    },
  }
}
