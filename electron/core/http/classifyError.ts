/**
 * Maps whatever went wrong on the wire (axios errors, HTTP statuses, provider error bodies) to a TrialsError with a
 * stable code. The result never carries the service key or a URL that holds it: messages are built from our own
 * text, and the only `cause` attached is a redacted one-line summary (never the axios error with its config).
 */
import axios, { type AxiosError } from 'axios'
import { TrialsError, isTrialsError } from '../errors'
import { httpMessages } from './messages'
import { redactSecrets } from './redact'
import { bodyExcerpt, sniffBody } from './sniffBody'

export interface ClassifyContext {
  /** Human label for messages, e.g. "iCReaT (data.go.kr 3074271)". */
  service: string
  /** The key in use, so it can be redacted from diagnostics in any of its forms. */
  serviceKey?: string
  timeoutMs?: number
}

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'])
/** data.go.kr gateway `returnReasonCode`s (XML `<returnReasonCode>` or JSON cmmMsgHeader). */
const GATEWAY_AUTH_CODES = new Set(['20', '30', '31', '32', '29'])
const GATEWAY_QUOTA_CODES = new Set(['22', '23'])

function safeCause(ctx: ClassifyContext, summary: string): { cause: Error } {
  return { cause: new Error(redactSecrets(summary, ctx.serviceKey)) }
}

function hostOf(url: string | undefined): string {
  if (!url) return 'unknown host'
  try {
    return new URL(url).host
  } catch {
    return 'unknown host'
  }
}

/** odcloud `{"code":-4}` style and data.go.kr gateway `returnReasonCode` error bodies, whatever the HTTP status. */
export function classifyErrorBody(body: string, ctx: ClassifyContext, status?: number): TrialsError | null {
  const sniffed = sniffBody(body)
  const statusNote = status ? `HTTP ${status}, ` : ''
  if (sniffed.kind === 'json' && sniffed.value && typeof sniffed.value === 'object' && !Array.isArray(sniffed.value)) {
    const value = sniffed.value as Record<string, unknown>
    const odcloudCode = typeof value.code === 'number' ? value.code : Number.NaN
    if (odcloudCode === -4)
      return new TrialsError('AUTH', httpMessages.auth(ctx.service), safeCause(ctx, `${statusNote}odcloud code -4`))
    if (odcloudCode === -10)
      return new TrialsError('QUOTA', httpMessages.quota(ctx.service), safeCause(ctx, `${statusNote}odcloud code -10`))
  }
  const gatewayCode = /returnReasonCode["'>:\s]+"?(\d{2})/.exec(body)?.[1]
  if (gatewayCode && GATEWAY_AUTH_CODES.has(gatewayCode)) {
    return new TrialsError(
      'AUTH',
      httpMessages.auth(ctx.service),
      safeCause(ctx, `${statusNote}gateway code ${gatewayCode}`),
    )
  }
  if (gatewayCode && GATEWAY_QUOTA_CODES.has(gatewayCode)) {
    return new TrialsError(
      'QUOTA',
      httpMessages.quota(ctx.service),
      safeCause(ctx, `${statusNote}gateway code ${gatewayCode}`),
    )
  }
  return null
}

/** A non-2xx HTTP status (after retries) as a TrialsError. */
export function classifyStatus(status: number, body: string, ctx: ClassifyContext): TrialsError {
  const fromBody = classifyErrorBody(body, ctx, status)
  if (fromBody) return fromBody
  const summary = `HTTP ${status}: ${bodyExcerpt(body)}`
  if (status === 401 || status === 403)
    return new TrialsError('AUTH', httpMessages.auth(ctx.service), safeCause(ctx, summary))
  if (status === 429) return new TrialsError('QUOTA', httpMessages.quota(ctx.service), safeCause(ctx, summary))
  if (status >= 500) return new TrialsError('SERVER', httpMessages.server(ctx.service, status), safeCause(ctx, summary))
  return new TrialsError(
    'BAD_RESPONSE',
    httpMessages.badResponse(ctx.service, `HTTP ${status}`),
    safeCause(ctx, summary),
  )
}

export function cancelledError(ctx: ClassifyContext): TrialsError {
  return new TrialsError('CANCELLED', httpMessages.cancelled(ctx.service))
}

export function badResponseError(ctx: ClassifyContext, detail: string): TrialsError {
  return new TrialsError('BAD_RESPONSE', httpMessages.badResponse(ctx.service, redactSecrets(detail, ctx.serviceKey)))
}

/** Any error from a request (axios or not) as a TrialsError. */
export function classifyHttpError(error: unknown, ctx: ClassifyContext, signal?: AbortSignal): TrialsError {
  if (isTrialsError(error)) return error
  if (signal?.aborted || axios.isCancel(error)) return cancelledError(ctx)
  if (!axios.isAxiosError(error)) {
    const detail = error instanceof Error ? error.message : String(error)
    return new TrialsError('INTERNAL', httpMessages.internal(ctx.service, redactSecrets(detail, ctx.serviceKey)))
  }
  const axiosError = error as AxiosError<unknown>
  if (axiosError.code === 'ERR_CANCELED') return cancelledError(ctx)
  const response = axiosError.response
  if (response) {
    const body = typeof response.data === 'string' ? response.data : JSON.stringify(response.data ?? '')
    return classifyStatus(response.status, body, ctx)
  }
  const code = axiosError.code ?? ''
  const causeCode = (axiosError.cause as { code?: string } | undefined)?.code ?? ''
  if (TIMEOUT_CODES.has(code) || TIMEOUT_CODES.has(causeCode) || /timeout/i.test(axiosError.message)) {
    const seconds = Math.max(1, Math.round((ctx.timeoutMs ?? axiosError.config?.timeout ?? 15_000) / 1000))
    return new TrialsError(
      'TIMEOUT',
      httpMessages.timeout(ctx.service, seconds),
      safeCause(ctx, `${code || causeCode}`),
    )
  }
  const host = hostOf(axiosError.config?.url)
  return new TrialsError(
    'NETWORK',
    httpMessages.network(ctx.service, host),
    safeCause(ctx, `${causeCode || code}: ${axiosError.message}`),
  )
}
