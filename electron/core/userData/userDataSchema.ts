/** The user-data file (`user-data.json`): its shape, its schema version and the migrations to it. */
import { z } from 'zod'
import {
  NOTE_MAX_CHARS,
  SAVED_SEARCH_NAME_MAX_CHARS,
  type SavedSearch,
  type SeenMarks,
} from '../../../shared/following'
import { boundedListQuerySchema } from '../settings/settingsSchema'

export const USER_DATA_SCHEMA_VERSION = 1
export const USER_DATA_FILE_NAME = 'user-data.json'

/** The list query without its page and reference time: what a saved search keeps. */
export const savedQuerySchema = boundedListQuerySchema.omit({ offset: true, limit: true, now: true })

export const savedSearchNameSchema = z.string().trim().min(1).max(SAVED_SEARCH_NAME_MAX_CHARS)
const isoTime = z.iso.datetime({ offset: true })

const savedSearchSchema = z.object({
  name: savedSearchNameSchema,
  query: savedQuerySchema,
  alerts: z.boolean(),
  createdAt: isoTime,
  seenAt: isoTime,
}) satisfies z.ZodType<SavedSearch>

/** The title is kept so a trial that later vanishes from the store can still be listed by name. */
const watchSchema = z.object({ addedAt: isoTime, title: z.string() })
const noteSchema = z.object({ text: z.string().min(1).max(NOTE_MAX_CHARS), updatedAt: isoTime, title: z.string() })

export const userDataSchema = z.object({
  schemaVersion: z.literal(USER_DATA_SCHEMA_VERSION),
  savedSearches: z.array(savedSearchSchema),
  watched: z.record(z.string(), watchSchema),
  notes: z.record(z.string(), noteSchema),
  seen: z.object({ list: isoTime.nullable(), watched: isoTime.nullable() }) satisfies z.ZodType<SeenMarks>,
})

export type UserData = z.infer<typeof userDataSchema>

export function emptyUserData(): UserData {
  return {
    schemaVersion: USER_DATA_SCHEMA_VERSION,
    savedSearches: [],
    watched: {},
    notes: {},
    seen: { list: null, watched: null },
  }
}

/**
 * Upgrades from older versions, keyed by the version they upgrade FROM (same rule as the trial store's table).
 * Version 0: a file without `schemaVersion` (hand-made or from a pre-release); missing parts get their defaults.
 */
export const USER_DATA_MIGRATIONS: Readonly<
  Record<number, (data: Record<string, unknown>) => Record<string, unknown>>
> = {
  0: (data) => ({ ...emptyUserData(), ...data, schemaVersion: 1 }),
}
