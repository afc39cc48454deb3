/**
 * Reads a CRIS answer whatever form it came in. The body is sniffed (JSON → XML → text), never trusted by its
 * content-type or by the resultType we asked for; success envelopes are validated with zod.
 */
import { z } from 'zod'
import { TrialsError } from '../../errors'
import { sniffBody } from '../../http'
import { errorForCode, gatewayReasonCode } from './crisErrors'
import { crisMessages } from './crisMessages'

export type CrisRecord = Record<string, unknown>

/** Numbers may arrive as strings ("12500"). */
const countSchema = z.union([z.number(), z.string().trim().regex(/^\d+$/)]).transform(Number)

const codeSchema = z.union([z.string(), z.number()]).transform((c) => String(c).trim().padStart(2, '0'))

const flatEnvelopeSchema = z.looseObject({ resultCode: codeSchema, resultMsg: z.unknown().optional() })

const listSuccessSchema = z.looseObject({
  totalCount: countSchema,
  pageNo: countSchema.optional(),
  numOfRows: countSchema.optional(),
  items: z.unknown().optional(),
})

const itemSchema = z.looseObject({ trial_id: z.string().trim().min(1) })

const gatewayJsonSchema = z.looseObject({ OpenAPI_ServiceResponse: z.unknown() })

export interface CrisListPage {
  totalCount: number
  items: CrisRecord[]
  /** Items without a usable trial_id. */
  rejected: number
}

type Envelope = { kind: 'ok'; value: Record<string, unknown> } | { kind: 'nodata' }

/** The flat CRIS envelope of a successful answer, or the TrialsError any error form stands for. */
function readEnvelope(body: string): Envelope {
  const sniffed = sniffBody(body)
  if (sniffed.kind === 'json') {
    if (gatewayJsonSchema.safeParse(sniffed.value).success) {
      const code = gatewayReasonCode(body)
      throw code
        ? errorForCode(code)
        : new TrialsError('BAD_RESPONSE', crisMessages.unreadable('a gateway error without a code'))
    }
    const envelope = flatEnvelopeSchema.safeParse(sniffed.value)
    if (!envelope.success) throw new TrialsError('BAD_RESPONSE', crisMessages.unreadable('JSON without a resultCode'))
    const { resultCode, resultMsg } = envelope.data
    if (resultCode === '00') return { kind: 'ok', value: envelope.data }
    if (resultCode === '03') return { kind: 'nodata' }
    throw errorForCode(resultCode, typeof resultMsg === 'string' ? resultMsg : undefined)
  }
  if (sniffed.kind === 'xml') {
    const code = gatewayReasonCode(sniffed.text)
    throw code ? errorForCode(code) : new TrialsError('BAD_RESPONSE', crisMessages.unreadable('XML instead of JSON'))
  }
  if (sniffed.kind === 'text' && /^forbidden\b/i.test(sniffed.text)) {
    // The gateway says a bare "Forbidden" until a newly approved key is synced (up to about an hour).
    throw errorForCode('20')
  }
  throw new TrialsError('BAD_RESPONSE', crisMessages.unreadable(sniffed.kind === 'html' ? 'a web page' : 'plain text'))
}

/** `items` may be an array, a single object, missing or empty. */
function itemsOf(raw: unknown): unknown[] {
  if (raw === undefined || raw === null || raw === '') return []
  if (Array.isArray(raw)) return raw
  if (typeof raw === 'object') {
    // Some XML-to-JSON gateways wrap rows as {"item": [...]}.
    const inner = (raw as Record<string, unknown>).item
    if (inner !== undefined && !('trial_id' in raw)) return itemsOf(inner)
    return [raw]
  }
  return [raw]
}

export function parseListPage(body: string): CrisListPage {
  const envelope = readEnvelope(body)
  // 03 (no data) on a listing: nothing on this page.
  if (envelope.kind === 'nodata') return { totalCount: 0, items: [], rejected: 0 }
  const page = listSuccessSchema.safeParse(envelope.value)
  if (!page.success) throw new TrialsError('BAD_RESPONSE', crisMessages.unreadable('a listing without totalCount'))
  const items: CrisRecord[] = []
  let rejected = 0
  for (const raw of itemsOf(page.data.items)) {
    const item = itemSchema.safeParse(raw)
    if (item.success) items.push({ ...item.data, trial_id: item.data.trial_id })
    else rejected++
  }
  return { totalCount: page.data.totalCount, items, rejected }
}

/** The detail's record fields (without resultCode/resultMsg). CRIS's "no data" (03) is NOT_FOUND. */
export function parseDetail(body: string, trialId: string): CrisRecord {
  const envelope = readEnvelope(body)
  if (envelope.kind === 'nodata') throw new TrialsError('NOT_FOUND', crisMessages.notFound(trialId))
  const { resultCode: _code, resultMsg: _msg, ...record } = envelope.value
  const parsed = itemSchema.safeParse(record)
  if (!parsed.success)
    throw new TrialsError('BAD_RESPONSE', crisMessages.unreadable(`details of ${trialId} without a trial_id`))
  if (parsed.data.trial_id !== trialId) {
    throw new TrialsError(
      'BAD_RESPONSE',
      crisMessages.unreadable(`details of ${parsed.data.trial_id} when ${trialId} was asked for`),
    )
  }
  return record
}
