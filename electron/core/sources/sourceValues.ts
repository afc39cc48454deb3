/** Small value helpers every source's config and common-field mapping share. */
import type { CommonFields } from '../../../shared/trials'

/** Common fields without the absent ones (absent means the source has no such value). */
export function withoutAbsent(common: CommonFields): CommonFields {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(common)) if (value !== undefined) out[key] = value
  return out as unknown as CommonFields
}

/** A positive number from an environment variable, or undefined when unset, empty or not positive. */
export function positiveNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const n = Number(text)
  return Number.isFinite(n) && n > 0 ? n : undefined
}
