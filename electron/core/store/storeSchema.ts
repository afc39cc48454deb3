import { z } from 'zod'
import { CHANGE_KINDS, SOURCE_IDS } from '../../../shared/trials'
import type { StoreData } from './types'

// Shape check for a loaded store: strict enough to reject a damaged or foreign file, loose enough to keep
// unknown extra properties (written by a newer minor version) and to stay fast at 100,000 trials.
const appError = z.object({ code: z.string(), message: z.string() })

const historyEntry = z.looseObject({
  at: z.string(),
  kind: z.enum(['created', 'updated', 'removed', 'restored']),
  changes: z.array(z.looseObject({ field: z.string() })),
})

const storedTrial = z.looseObject({
  id: z.string(),
  source: z.enum(SOURCE_IDS),
  sourceId: z.string(),
  fields: z.record(z.string(), z.unknown()),
  common: z.looseObject({ title: z.string() }),
  firstSeenAt: z.string(),
  changedAt: z.string(),
  lastSeenAt: z.string(),
  removedAt: z.string().nullable(),
  changeKind: z.enum(CHANGE_KINDS),
  detailsPending: z.boolean().optional(),
  history: z.array(historyEntry),
})

const sourceMeta = z.looseObject({
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: appError.nullable(),
  state: z.record(z.string(), z.unknown()),
})

const syncLogEntry = z.looseObject({
  id: z.string(),
  source: z.enum(SOURCE_IDS),
  startedAt: z.string(),
  finishedAt: z.string(),
  ok: z.boolean(),
  warnings: z.array(z.string()),
})

export const storeDataSchema = z.looseObject({
  schemaVersion: z.number().int(),
  trials: z.array(storedTrial),
  sources: z.partialRecord(z.enum(SOURCE_IDS), sourceMeta),
  syncLog: z.array(syncLogEntry),
})

/** Throws a ZodError when the data does not have the store's shape. */
export function parseStoreData(data: unknown): StoreData {
  return storeDataSchema.parse(data) as unknown as StoreData
}
