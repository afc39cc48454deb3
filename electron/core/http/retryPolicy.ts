/**
 * When to retry and how long to wait: network errors, timeouts, 429 and 5xx get at most 3 retries with exponential
 * backoff plus jitter; 401/403 and other 4xx never (a wrong key stays wrong, and retrying burns the daily quota).
 */
import axios, { type AxiosError } from 'axios'
import { retryAfter } from 'axios-retry'

export const MAX_RETRIES = 3
export const DEFAULT_RETRY_BASE_MS = 500
/** A server's Retry-After is honoured up to this, so a sync never stalls for long. */
const MAX_RETRY_AFTER_MS = 30_000

export function isRetryableHttpError(error: AxiosError): boolean {
  if (axios.isCancel(error) || error.code === 'ERR_CANCELED') return false
  if (error.config?.userSignal?.aborted) return false
  const status = error.response?.status
  if (status === undefined) return true // network error or timeout: nothing reached us
  return status === 429 || status >= 500
}

/** base · 2^(n-1), plus up to 25% jitter so parallel clients do not retry in lockstep. */
export function backoffDelayMs(retryNumber: number, baseMs: number, random: () => number = Math.random): number {
  const exponential = baseMs * 2 ** Math.max(0, retryNumber - 1)
  return Math.round(exponential + exponential * 0.25 * random())
}

export function retryDelayMs(retryNumber: number, error: AxiosError, baseMs: number): number {
  const backoff = backoffDelayMs(retryNumber, baseMs)
  const serverAsked = Math.min(retryAfter(error), MAX_RETRY_AFTER_MS)
  return Math.max(backoff, serverAsked)
}

export function retryBaseFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const parsed = Number(env.TRIALS_RETRY_BASE_MS)
  return env.TRIALS_RETRY_BASE_MS !== undefined && Number.isFinite(parsed) && parsed >= 0
    ? parsed
    : DEFAULT_RETRY_BASE_MS
}
