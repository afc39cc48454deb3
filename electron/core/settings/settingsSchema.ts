/**
 * zod schemas for the non-secret settings and for the list query kept in them (the core's one, bounded).
 * Shared by the settings file reader and the IPC argument validation (settings:update, trials:list).
 */
import { z } from 'zod'
import { CHANGE_KINDS, SOURCE_IDS, type ListQuery } from '../../../shared/trials'
import { listQuerySchema } from '../query/listQuery'
import { PREFERRED_REGISTRIES, type Settings } from '../../../shared/settings'

/** "HH:MM", 24-hour local time. */
export const scheduleTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM (00:00-23:59)')

/**
 * The core's list query (query/listQuery.ts) with the stricter limits for what crosses the IPC boundary from the
 * renderer and what is kept in settings.json and the saved searches: data that outlives the request or comes from
 * the less trusted side, so every list and string is bounded and unknown keys are refused (strict).
 */
export const boundedListQuerySchema = listQuerySchema
  .extend({
    // The screens offer whole days; ten years covers every registry's history and keeps the window's date valid.
    withinDays: z.number().int().min(1).max(3650).nullable().optional(),
    // A stored or sent reference time is always a full ISO timestamp (what the renderer writes), never a loose date.
    now: z.iso.datetime({ offset: true }).optional(),
    // The search box's own limit: a saved query stays small, and longer text is never a real search.
    q: z.string().max(200).optional(),
    // Each source and kind at most once (repeats would only grow the file).
    sources: z.array(z.enum(SOURCE_IDS)).max(SOURCE_IDS.length).optional(),
    kinds: z.array(z.enum(CHANGE_KINDS)).max(CHANGE_KINDS.length).optional(),
    // Field filters come from facet clicks: a field name is short and a few dozen values is more than a screen shows.
    fields: z
      .array(z.object({ name: z.string().min(1).max(64), value: z.string().max(200) }).strict())
      .max(50)
      .optional(),
    // Far beyond any store (100,000 trials), but a number a page link can hold without overflow tricks.
    offset: z.number().int().min(0).max(10_000_000).optional(),
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
    sources: z
      .object({ icreat: sourceToggle, cris: sourceToggle, ctgov: sourceToggle.default({ enabled: true }) })
      .strict(),
    crisDetailBudget: z.number().int().min(0).max(100_000),
    // Came later: a settings file written before it gets the default.
    preferredRegistry: z.enum(PREFERRED_REGISTRIES).default('cris'),
    lastQuery: boundedListQuerySchema.nullable(),
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
