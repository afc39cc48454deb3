import { z } from 'zod'
import {
  CHANGE_KINDS,
  LIST_SORTS,
  PREFERRED_REGISTRIES,
  SOURCE_IDS,
  type ListQuery,
  type ListSort,
  type PreferredRegistry,
} from '../../../shared/trials'
import { TrialsError } from '../errors'

export const DEFAULT_WITHIN_DAYS = 7
export const DEFAULT_LIMIT = 20
export const MAX_LIMIT = 100
export const DEFAULT_PREFERRED_REGISTRY: PreferredRegistry = 'cris'

/**
 * The one list query schema: what the core answers (the CLI's and any caller's request). The IPC arguments, the saved
 * settings and the saved searches layer stricter limits on it (settings/settingsSchema.ts boundedListQuerySchema).
 * Its own limits: days above 0 (the CLI takes fractions, e.g. 0.5 for the last 12 hours); q up to 500 characters,
 * longer than any real search, so a pasted text cannot make every trial's text scan a needle of any size; a page of
 * at most MAX_LIMIT rows so one request cannot ask for the whole store at once.
 */
export const listQuerySchema = z.object({
  withinDays: z.number().positive().nullable().optional(),
  now: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')
    .optional(),
  q: z.string().max(500).optional(),
  sources: z.array(z.enum(SOURCE_IDS)).optional(),
  kinds: z.array(z.enum(CHANGE_KINDS)).optional(),
  fields: z.array(z.object({ name: z.string().min(1), value: z.string() })).optional(),
  recruitingOnly: z.boolean().optional(),
  includeRemoved: z.boolean().optional(),
  oneRowPerTrial: z.boolean().optional(),
  preferredRegistry: z.enum(PREFERRED_REGISTRIES).optional(),
  sort: z.enum(LIST_SORTS).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
})

export interface ResolvedListQuery {
  /** Lower bound (inclusive) and upper bound (inclusive) of changedAt, or null for all. */
  window: { fromMs: number; toMs: number } | null
  terms: string[]
  sources: ReadonlySet<string> | null
  kinds: ReadonlySet<string> | null
  fields: Map<string, Set<string>>
  recruitingOnly: boolean
  includeRemoved: boolean
  /** Linked twins listed once, as the preferred registry's record (default on, CRIS). */
  oneRowPerTrial: boolean
  preferredRegistry: PreferredRegistry
  sort: ListSort
  offset: number
  limit: number
}

const DAY_MS = 86_400_000

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.join('.') || 'query'
  if (where === 'limit') return `limit must be a whole number from 1 to ${MAX_LIMIT}`
  if (where === 'offset') return 'offset must be a whole number, 0 or more'
  if (where === 'withinDays') return 'the number of days must be more than 0'
  if (where === 'now') return 'the reference time must be an ISO date such as 2026-01-31T09:00:00Z'
  return `${where}: ${issue.message}`
}

/** Validates a list query (USAGE error otherwise) and fills in the defaults. */
export function resolveListQuery(query: ListQuery, defaultNow: () => number): ResolvedListQuery {
  const parsed = listQuerySchema.safeParse(query ?? {})
  if (!parsed.success) {
    throw new TrialsError('USAGE', `Invalid list request: ${parsed.error.issues.map(describeIssue).join('; ')}.`)
  }
  const q = parsed.data
  const nowMs = q.now !== undefined ? Date.parse(q.now) : defaultNow()
  const withinDays = q.withinDays === undefined ? DEFAULT_WITHIN_DAYS : q.withinDays
  const fields = new Map<string, Set<string>>()
  for (const { name, value } of q.fields ?? []) {
    const wanted = value.replace(/\r\n?/g, '\n').normalize('NFC').trim()
    const set = fields.get(name) ?? new Set<string>()
    set.add(wanted)
    fields.set(name, set)
  }
  const kinds = q.kinds && q.kinds.length > 0 ? new Set<string>(q.kinds) : null
  return {
    window: withinDays === null ? null : { fromMs: nowMs - withinDays * DAY_MS, toMs: nowMs },
    terms: (q.q ?? '').normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean),
    sources: q.sources && q.sources.length > 0 ? new Set(q.sources) : null,
    kinds,
    fields,
    recruitingOnly: q.recruitingOnly === true,
    // Asking for removed records by kind means showing them.
    includeRemoved: q.includeRemoved === true || (kinds?.has('removed') ?? false),
    oneRowPerTrial: q.oneRowPerTrial !== false,
    preferredRegistry: q.preferredRegistry ?? DEFAULT_PREFERRED_REGISTRY,
    sort: q.sort ?? 'changed',
    offset: q.offset ?? 0,
    limit: q.limit ?? DEFAULT_LIMIT,
  }
}
