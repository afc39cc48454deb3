/**
 * Turns a CRIS answer that is not a success into a TrialsError. CRIS and the apis.data.go.kr gateway in front of it
 * report errors in several forms, often with HTTP 200 (open-apis.md §2.5): CRIS's flat envelope with a non-'00'
 * resultCode, the gateway's OpenAPI_ServiceResponse as XML or JSON, or a plain-text `Forbidden`.
 */
import { TrialsError } from '../../errors'
import { crisMessages } from './crisMessages'

/** The provider's own code names (guide KCDC18-CRIS-API01 and the gateway table). */
const CODE_NAMES: Record<string, string> = {
  '01': 'APPLICATION_ERROR',
  '03': 'NODATA_ERROR',
  '04': 'HTTP_ERROR',
  '05': 'SERVICETIMEOUT_ERROR',
  '10': 'INVALID_REQUEST_PARAMETER_ERROR',
  '12': 'NO_OPENAPI_SERVICE_ERROR',
  '20': 'SERVICE_ACCESS_DENIED_ERROR',
  '22': 'LIMITED_NUMBER_OF_SERVICE_REQUESTS_EXCEEDS_ERROR',
  '23': 'LIMITED_NUMBER_OF_SERVICE_REQUESTS_PER_SECOND_EXCEEDS_ERROR',
  '29': 'BLACKLIST_IP_ACCESS_ERROR',
  '30': 'SERVICE_KEY_IS_NOT_REGISTERED_ERROR',
  '31': 'DEADLINE_HAS_EXPIRED_ERROR',
  '32': 'UNREGISTERED_IP_ERROR',
  '99': 'UNKNOWN_ERROR',
}
const AUTH_CODES = new Set(['20', '29', '30', '31', '32'])
const QUOTA_CODES = new Set(['22', '23'])
/** Failures on the provider's side; anything else unknown is treated as an answer we cannot use. */
const SERVER_CODES = new Set(['01', '04', '05', '99'])

/** 22 is the key's daily limit; 23 its per-second limit, which a wait (or a lower TRIALS_CRIS_RATE) cures. */
export function quotaError(code = '22'): TrialsError {
  return new TrialsError('QUOTA', code === '23' ? crisMessages.rateLimited() : crisMessages.quota())
}

/** A provider or gateway error code as a TrialsError (03 is handled by the caller, where it means "no data"). */
export function errorForCode(rawCode: string, providerMessage?: string): TrialsError {
  const code = rawCode.trim().padStart(2, '0')
  const name = CODE_NAMES[code] ?? (providerMessage?.trim() || 'unknown error')
  if (QUOTA_CODES.has(code)) return quotaError(code)
  if (AUTH_CODES.has(code)) return new TrialsError('AUTH', crisMessages.auth(code))
  if (SERVER_CODES.has(code)) return new TrialsError('SERVER', crisMessages.providerError(code, name))
  return new TrialsError('BAD_RESPONSE', crisMessages.requestRejected(code, name))
}

/** The gateway's `returnReasonCode`, from its XML or JSON envelope. */
export function gatewayReasonCode(body: string): string | undefined {
  return /returnReasonCode["'>:\s]+"?(\d{1,2})/.exec(body)?.[1]
}

/**
 * The HTTP layer's generic QUOTA gets CRIS's own message: the daily limit (22), or the per-second one (23, HTTP 429)
 * that a wait cures. Its AUTH message already names dataset 3033869.
 */
export function withCrisMessage(error: unknown): unknown {
  if (!(error instanceof TrialsError)) return error
  if (error.code !== 'QUOTA') return error
  // The HTTP layer names the gateway's code or the status only in its (redacted) cause.
  const cause = error.cause instanceof Error ? error.cause.message : ''
  return quotaError(/gateway code 23\b|^HTTP 429\b/.test(cause) ? '23' : '22')
}
