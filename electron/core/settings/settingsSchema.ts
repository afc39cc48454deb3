/**
 * zod schemas for the non-secret settings and for the list query kept in them.
 * Shared by the settings file reader and the IPC argument validation (settings:update, trials:list).
 */
import { z } from 'zod'
import { CHANGE_KINDS, LIST_SORTS, SOURCE_IDS, type ListQuery } from '../../../shared/trials'
import { PREFERRED_REGISTRIES, type Settings } from '../../../shared/settings'

const sourceId = z.enum(SOURCE_IDS)

/** "HH:MM", 24-hour local time. */
export const scheduleTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (00:00-23:59)')

export const listQuerySchema = z
  .object({
    withinDays: z.number().int().min(1).max(3650).nullable().optional(),
    now: z.iso.datetime({ offset: true }).optional(),
    q: z.string().max(200).optional(),
    sources: z.array(sourceId).max(SOURCE_IDS.length).optional(),
    kinds: z.array(z.enum(CHANGE_KINDS)).max(CHANGE_KINDS.length).optional(),
    fields: z
      .array(z.object({ name: z.string().min(1).max(64), value: z.string().max(200) }).strict())
      .max(50)
      .optional(),
    recruitingOnly: z.boolean().optional(),
    includeRemoved: z.boolean().optional(),
    oneRowPerTrial: z.boolean().optional(),
    preferredRegistry: z.enum(PREFERRED_REGISTRIES).optional(),
    sort: z.enum(LIST_SORTS).optional(),
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict() satisfies z.ZodType<ListQuery>

const scheduleSchema = z.object({ enabled: z.boolean(), time: scheduleTimeSchema }).strict()
const sourceToggle = z.object({ enabled: z.boolean() }).strict()

export const settingsSchema = z
  .object({
    schedule: scheduleSchema,
    defaultWithinDays: z.number().int().min(1).max(3650).nullable(),
    pageSize: z.union([z.literal(10), z.literal(20), z.literal(50), z.literal(100)]),
    language: z.enum(['ko', 'en']),
    // ctgov came later: a settings file written before it has none and gets it enabled (it needs no key).
    sources: z.object({ icreat: sourceToggle, cris: sourceToggle, ctgov: sourceToggle.default({ enabled: true }) }).strict(),
    crisDetailBudget: z.number().int().min(0).max(100_000),
    // Came later: a settings file written before it gets the default.
    preferredRegistry: z.enum(PREFERRED_REGISTRIES).default('cris'),
    lastQuery: listQuerySchema.nullable(),
  })
  .strict() satisfies z.ZodType<Settings>

/** What settings:update accepts: any subset of top-level fields; nested objects may be partial too. */
export const settingsPatchSchema = z
  .object({
    schedule: scheduleSchema.partial().strict(),
    defaultWithinDays: settingsSchema.shape.defaultWithinDays,
    pageSize: settingsSchema.shape.pageSize,
    language: settingsSchema.shape.language,
    sources: z.object({ icreat: sourceToggle, cris: sourceToggle, ctgov: sourceToggle }).partial().strict(),
    crisDetailBudget: settingsSchema.shape.crisDetailBudget,
    preferredRegistry: z.enum(PREFERRED_REGISTRIES),
    lastQuery: settingsSchema.shape.lastQuery,
  })
  .partial()
  .strict()

export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/** Applies a validated patch; nested `schedule` and `sources` merge field by field. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const { schedule, sources, ...rest } = patch
  const next: Settings = { ...current, ...rest }
  if (schedule) next.schedule = { ...current.schedule, ...schedule }
  if (sources) {
    next.sources = {
      icreat: sources.icreat ?? current.sources.icreat,
      cris: sources.cris ?? current.sources.cris,
      ctgov: sources.ctgov ?? current.sources.ctgov,
    }
  }
  return next
}
