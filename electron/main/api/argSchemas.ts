/** zod schemas for every IPC call's argument tuple (what the renderer may send; everything else is VALIDATION). */
import { z } from 'zod'
import type { IpcCallName, SyncLogQuery } from '../../../shared/ipc'
import { SOURCE_IDS } from '../../../shared/trials'
import { NOTE_MAX_CHARS } from '../../../shared/following'
import { boundedListQuerySchema, settingsPatchSchema } from '../../core/settings/settingsSchema'
import { MAX_SYNC_LOG_ENTRIES } from '../../core/sync/syncLog'
import { savedQuerySchema, savedSearchNameSchema } from '../../core/userData/userDataSchema'

export const trialIdSchema = z
  .string()
  .max(64)
  .regex(
    new RegExp(`^(${SOURCE_IDS.join('|')}):[A-Za-z0-9_-]{1,40}$`),
    'id must look like icreat:C100001, cris:KCT0001234 or ctgov:NCT05338099',
  )

/** data.go.kr keys are printable ASCII (Encoding form has %, Decoding form has + / =). Pasted whitespace is trimmed. */
export const serviceKeySchema = z
  .string()
  .trim()
  .min(10)
  .max(512)
  .regex(/^[\x21-\x7E]+$/, 'the key may contain only printable characters without spaces')

export const externalUrlSchema = z.string().min(1).max(2048)

const syncOptionsSchema = z
  .object({
    sources: z.array(z.enum(SOURCE_IDS)).min(1).max(SOURCE_IDS.length).optional(),
    fullResync: z.boolean().optional(),
  })
  .strict()

const syncLogQuerySchema = z
  .object({
    ok: z.boolean().optional(),
    source: z.enum(SOURCE_IDS).optional(),
    offset: z.number().int().min(0).max(10_000).optional(),
    limit: z.number().int().min(1).max(MAX_SYNC_LOG_ENTRIES).optional(),
  })
  .strict() satisfies z.ZodType<SyncLogQuery>

const exportRequestSchema = z.object({ query: boundedListQuerySchema, language: z.enum(['ko', 'en']) }).strict()

const none = z.tuple([])
const language = z.enum(['ko', 'en'])
const savedSearchInputSchema = z
  .object({ name: savedSearchNameSchema, query: savedQuerySchema, alerts: z.boolean().optional() })
  .strict()
const savedSearchPatchSchema = z.object({ query: savedQuerySchema.optional(), alerts: z.boolean().optional() }).strict()

/** Argument tuples per call. Optional trailing arguments may be omitted or `undefined`. */
export const ARG_SCHEMAS = {
  listTrials: z.tuple([boundedListQuerySchema]),
  getTrial: z.tuple([trialIdSchema]),
  startSync: z.union([none, z.tuple([syncOptionsSchema.optional()])]),
  cancelSync: none,
  getSyncStatus: none,
  getSyncLog: z.union([none, z.tuple([syncLogQuerySchema.optional()])]),
  getSettings: none,
  updateSettings: z.tuple([settingsPatchSchema]),
  getKeyInfo: none,
  setServiceKey: z.tuple([serviceKeySchema]),
  clearServiceKey: none,
  testServiceKey: none,
  exportCsv: z.tuple([exportRequestSchema]),
  showExportedFile: z.tuple([z.string().min(1).max(4096)]),
  openExternal: z.tuple([externalUrlSchema]),
  getAppInfo: none,
  listSavedSearches: none,
  addSavedSearch: z.tuple([savedSearchInputSchema]),
  renameSavedSearch: z.tuple([savedSearchNameSchema, savedSearchNameSchema]),
  moveSavedSearch: z.tuple([savedSearchNameSchema, z.number().int().min(0).max(10_000)]),
  updateSavedSearch: z.tuple([savedSearchNameSchema, savedSearchPatchSchema]),
  removeSavedSearch: z.tuple([savedSearchNameSchema]),
  openSavedSearch: z.tuple([savedSearchNameSchema]),
  exportSavedSearches: z.tuple([language]),
  importSavedSearches: z.tuple([language]),
  getSeenMarks: none,
  markSeen: z.tuple([z.enum(['list', 'watched'])]),
  watchTrial: z.tuple([trialIdSchema]),
  unwatchTrial: z.tuple([trialIdSchema]),
  getWatched: none,
  setNote: z.tuple([trialIdSchema, z.string().max(NOTE_MAX_CHARS).nullable()]),
} satisfies Record<IpcCallName, z.ZodType>

export type ParsedArgs<K extends IpcCallName> = z.infer<(typeof ARG_SCHEMAS)[K]>
