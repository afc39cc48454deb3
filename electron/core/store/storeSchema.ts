import { z } from 'zod'
import { CHANGE_KINDS, SOURCE_IDS } from '../../../shared/trials'
import type { StoreData } from './types'

// Shape check for a loaded store: strict enough to reject a damaged or foreign file, loose enough to keep
// unknown extra properties (written by a newer minor version). The small parts use zod; the trials (100,000 of
// them) are checked by hand, which is several times faster than a schema walk.
const appError = z.object({ code: z.string(), message: z.string() })

const SOURCES: ReadonlySet<unknown> = new Set(SOURCE_IDS)
const KINDS: ReadonlySet<unknown> = new Set(CHANGE_KINDS)
const HISTORY_KINDS: ReadonlySet<unknown> = new Set(['created', 'updated', 'removed', 'restored'])

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The reason a stored trial is malformed, or null when it is fine. */
export function storedTrialProblem(t: unknown): string | null {
  if (!isObject(t)) return 'not an object'
  if (typeof t.id !== 'string' || typeof t.sourceId !== 'string' || !SOURCES.has(t.source)) return 'bad id or source'
  if (!isObject(t.fields) || !isObject(t.common) || typeof t.common.title !== 'string') return 'bad fields'
  if (typeof t.firstSeenAt !== 'string' || typeof t.changedAt !== 'string' || typeof t.lastSeenAt !== 'string')
    return 'bad dates'
  if (t.removedAt !== null && typeof t.removedAt !== 'string') return 'bad removedAt'
  if (!KINDS.has(t.changeKind)) return 'bad changeKind'
  if (t.detailsPending !== undefined && typeof t.detailsPending !== 'boolean') return 'bad detailsPending'
  if (!Array.isArray(t.history)) return 'bad history'
  for (const h of t.history as unknown[]) {
    if (!isObject(h) || typeof h.at !== 'string' || !HISTORY_KINDS.has(h.kind) || !Array.isArray(h.changes))
      return 'bad history entry'
  }
  return null
}

const storedTrials = z.array(z.unknown()).superRefine((trials, ctx) => {
  for (let i = 0; i < trials.length; i++) {
    const problem = storedTrialProblem(trials[i])
    if (problem) {
      ctx.addIssue({ code: 'custom', path: [i], message: problem })
      return
    }
  }
})

const sourceMeta = z.looseObject({
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: appError.nullable(),
  state: z.record(z.string(), z.unknown()),
  listedAt: z.string().optional(),
})

const syncLogEntry = z.looseObject({
  id: z.string(),
  source: z.enum(SOURCE_IDS),
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  warnings: z.array(z.looseObject({ message: z.string() })),
})

export const storeDataSchema = z.looseObject({
  schemaVersion: z.number().int(),
  trials: storedTrials,
  sources: z.partialRecord(z.enum(SOURCE_IDS), sourceMeta),
  syncLog: z.array(syncLogEntry),
})

/** Throws a ZodError when the data does not have the store's shape. */
export function parseStoreData(data: unknown): StoreData {
  return storeDataSchema.parse(data) as unknown as StoreData
}
