/**
 * The HTTP layer's generic errors in ClinicalTrials.gov's terms: its 400s are plain sentences worth quoting, its
 * 429 is about politeness (not a data.go.kr key quota), and it has no key to reject.
 */
import { TrialsError } from '../../errors'
import { httpMessages } from '../../http'
import { ctgovMessages, CTGOV_SERVICE } from './ctgovMessages'

/** The HTTP layer keeps `HTTP <status>: <body excerpt>` (redacted) as the cause of a status error. */
function statusCause(error: TrialsError): { status: number; body: string } | undefined {
  const cause = error.cause instanceof Error ? error.cause.message : ''
  const match = /^HTTP (\d{3}): ?(.*)$/s.exec(cause)
  return match ? { status: Number(match[1]), body: match[2].trim() } : undefined
}

export function withCtgovMessage(error: unknown): unknown {
  if (!(error instanceof TrialsError)) return error
  const status = statusCause(error)
  if (error.code === 'QUOTA') return new TrialsError('QUOTA', ctgovMessages.rateLimited(), { cause: error.cause })
  if (error.code === 'AUTH') {
    // No key is ever sent here: a 401/403 is a proxy or firewall in the way, not a rejected key.
    return new TrialsError(
      'NETWORK',
      httpMessages.network(CTGOV_SERVICE, `clinicaltrials.gov answered HTTP ${status?.status ?? 403}`),
      { cause: error.cause },
    )
  }
  if (error.code === 'BAD_RESPONSE' && status?.status === 400 && status.body !== '') {
    return new TrialsError('BAD_RESPONSE', ctgovMessages.rejected(status.body), { cause: error.cause })
  }
  return error
}
