/**
 * One odcloud page: `{ page, perPage, totalCount, currentCount, matchCount, data: [...] }`. Anything else with a 200
 * (HTML maintenance page, XML, plain text, invalid JSON, no `data` array) is BAD_RESPONSE; an error body such as
 * `{"code":-4}` is classified as what it says (AUTH, QUOTA).
 */
import { z } from 'zod'
import type { TrialsError } from '../../errors'
import { type ClassifyContext, badResponseError, classifyErrorBody, sniffBody } from '../../http'

const countSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value),
  z.number().int().nonnegative(),
)

const envelopeSchema = z.looseObject({
  data: z.array(z.unknown()),
  totalCount: countSchema.optional().catch(undefined),
})

export interface OdcloudPage {
  rows: unknown[]
  /** null when the server did not say. */
  totalCount: number | null
}

export function parsePage(body: string, ctx: ClassifyContext): OdcloudPage {
  const sniffed = sniffBody(body)
  if (sniffed.kind !== 'json') {
    const what =
      sniffed.kind === 'text' && /^[{[]/.test(sniffed.text)
        ? 'invalid JSON'
        : `${sniffed.kind.toUpperCase()} instead of JSON`
    throw badResponseError(ctx, what)
  }
  const envelope = envelopeSchema.safeParse(sniffed.value)
  if (!envelope.success) {
    const providerError: TrialsError | null = classifyErrorBody(body, ctx)
    throw providerError ?? badResponseError(ctx, 'JSON without a data list')
  }
  return { rows: envelope.data.data, totalCount: envelope.data.totalCount ?? null }
}
