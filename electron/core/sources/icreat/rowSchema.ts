/**
 * Row validation. Loose on purpose: every column the source sends is kept (revisions add columns), only 과제번호 is
 * required. A row that fails is rejected and counted, never fatal.
 */
import { z } from 'zod'
import type { SourceRow } from '../source'
import { ID_COLUMN } from './constants'

const sourceIdSchema = z.preprocess(
  (value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value),
  z
    .string()
    .transform((id) => id.normalize('NFC').trim())
    .pipe(z.string().min(1)),
)

export const icreatRowSchema = z.looseObject({ [ID_COLUMN]: sourceIdSchema })

/** The row as a SourceRow (fields exactly as received), or null when it has no usable 과제번호. */
export function toSourceRow(raw: unknown): SourceRow | null {
  const parsed = icreatRowSchema.safeParse(raw)
  if (!parsed.success) return null
  return { sourceId: parsed.data[ID_COLUMN], fields: { ...(raw as Record<string, unknown>) } }
}
