/**
 * Every request attempt must end: axios' `timeout` only watches a socket that goes quiet (Node) or the wait for
 * headers, so a server that sends headers and then stalls, or a proxy that trickles one byte at a time, could keep a
 * sync (and the store's writer lock) alive for ever. Each attempt therefore gets an overall deadline for the complete
 * body, and an attempt that ends early for either reason is reported as a timeout (ETIMEDOUT, no response) so the
 * classifier says TIMEOUT and the retry policy retries it like any other timeout.
 *
 * The caller's own AbortSignal travels as `userSignal` (not `signal`), so a cancel by the user is never mistaken for
 * a deadline and vice versa.
 */
import { AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios'

/** The complete body of one attempt may take this many times the idle timeout (TRIALS_TIMEOUT_MS), no more. */
export const ATTEMPT_DEADLINE_FACTOR = 4

export const attemptDeadlineMs = (timeoutMs: number) => timeoutMs * ATTEMPT_DEADLINE_FACTOR

declare module 'axios' {
  interface AxiosRequestConfig {
    /** The caller's cancel signal (the attempt's `signal` also carries the deadline). */
    userSignal?: AbortSignal
  }
}

interface AttemptState {
  startedAt: number
  timer: ReturnType<typeof setTimeout>
  deadlineHit: boolean
}

const attempts = new WeakMap<InternalAxiosRequestConfig, AttemptState>()

function endAttempt(config: InternalAxiosRequestConfig | undefined): AttemptState | undefined {
  if (!config) return undefined
  const state = attempts.get(config)
  if (state) clearTimeout(state.timer)
  attempts.delete(config)
  // The retry waits on the caller's signal only (this attempt's combined signal may already be aborted).
  config.signal = config.userSignal
  return state
}

/** Node's "stream has been aborted": the body stopped arriving after the headers (our idle timeout, or a dropped link). */
function isAbortedBody(error: AxiosError): boolean {
  return error.code === AxiosError.ERR_BAD_RESPONSE && /stream has been aborted/i.test(error.message)
}

function timeoutError(error: AxiosError, why: string): AxiosError {
  return new AxiosError(why, AxiosError.ETIMEDOUT, error.config, error.request)
}

/** Installs the per-attempt deadline on an axios instance. Register before axios-retry so it sees the rewritten error. */
export function installAttemptDeadline(instance: AxiosInstance, timeoutMs: number): void {
  const deadlineMs = attemptDeadlineMs(timeoutMs)
  instance.interceptors.request.use((config) => {
    const deadline = new AbortController()
    const state: AttemptState = {
      startedAt: Date.now(),
      deadlineHit: false,
      timer: setTimeout(() => {
        state.deadlineHit = true
        deadline.abort()
      }, deadlineMs),
    }
    attempts.set(config, state)
    config.signal = config.userSignal ? AbortSignal.any([config.userSignal, deadline.signal]) : deadline.signal
    return config
  })
  instance.interceptors.response.use(
    (response) => {
      endAttempt(response.config)
      return response
    },
    (error: unknown) => {
      if (!(error instanceof AxiosError)) return Promise.reject(error)
      const state = endAttempt(error.config)
      if (error.config?.userSignal?.aborted) return Promise.reject(error)
      if (state?.deadlineHit) {
        return Promise.reject(
          timeoutError(error, `the complete answer took longer than ${Math.round(deadlineMs / 1000)} s`),
        )
      }
      // Headers arrived, then the body stopped for as long as the idle timeout: a stall, not a bad answer.
      if (state && isAbortedBody(error) && Date.now() - state.startedAt >= timeoutMs) {
        return Promise.reject(timeoutError(error, 'the answer stopped arriving after its headers'))
      }
      return Promise.reject(error)
    },
  )
}
