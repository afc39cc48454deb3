/**
 * Recomputes a stored trial's common fields from its stored source fields with today's mappings, offline: how a
 * store written before the clinical model (schema 1) gains recruitment, phases, sites, sponsor and conditions on
 * load, without fetching anything.
 */
import { TO_COMMON_BY_SOURCE } from './mappings'

export function recomputeCommonFields(trial: unknown): unknown {
  if (typeof trial !== 'object' || trial === null) return trial
  const t = trial as { source?: unknown; fields?: unknown }
  const toCommon =
    typeof t.source === 'string' ? TO_COMMON_BY_SOURCE[t.source as keyof typeof TO_COMMON_BY_SOURCE] : undefined
  if (!toCommon || typeof t.fields !== 'object' || t.fields === null) return trial
  return { ...trial, common: toCommon(t.fields as Record<string, unknown>) }
}
