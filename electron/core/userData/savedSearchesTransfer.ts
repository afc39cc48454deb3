/** Export and import of saved searches as a JSON file, to share a set with colleagues. */
import { z } from 'zod'
import { SAVED_SEARCHES_FORMAT, type ImportResult, type SavedSearchesFile } from '../../../shared/following'
import { TrialsError } from '../errors'
import { nameKey } from './followingEdits'
import { savedQuerySchema, savedSearchNameSchema, type UserData } from './userDataSchema'

const savedSearchesFileSchema = z.object({
  format: z.literal(SAVED_SEARCHES_FORMAT),
  version: z.literal(1),
  savedSearches: z
    .array(z.object({ name: savedSearchNameSchema, query: savedQuerySchema, alerts: z.boolean().default(true) }))
    .max(1000),
}) satisfies z.ZodType<SavedSearchesFile, unknown>

export function exportSavedSearches(data: UserData): SavedSearchesFile {
  return {
    format: SAVED_SEARCHES_FORMAT,
    version: 1,
    savedSearches: data.savedSearches.map(({ name, query, alerts }) => ({ name, query, alerts })),
  }
}

/** Parses an exported file's text; anything else is a VALIDATION error saying what is wrong. */
export function parseSavedSearchesFile(text: string): SavedSearchesFile {
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    throw new TrialsError(
      'VALIDATION',
      'This file is not a Trial Desk saved-searches file (it is not valid JSON). Nothing was imported.',
    )
  }
  const parsed = savedSearchesFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    throw new TrialsError(
      'VALIDATION',
      `This file is not a Trial Desk saved-searches file (${issue?.message ?? 'wrong shape'}${where}). Nothing was imported.`,
    )
  }
  const keys = parsed.data.savedSearches.map((s) => nameKey(s.name))
  const repeated = parsed.data.savedSearches.find((s, i) => keys.indexOf(nameKey(s.name)) !== i)
  if (repeated) throw new TrialsError('VALIDATION', `The file names "${repeated.name}" twice. Nothing was imported.`)
  return parsed.data
}

/** JSON with object keys sorted at every level: two queries saved in different key orders compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

const sameQuery = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

function freeName(data: UserData, name: string): string {
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`
    if (!data.savedSearches.some((s) => nameKey(s.name) === nameKey(candidate))) return candidate
  }
}

/**
 * Merges by name into `data`: new names are added (alerts as in the file, seen from now), a name already saved with
 * the same query is left as it is, a name saved with another query is added under a free name — never overwritten.
 */
export function importSavedSearches(data: UserData, file: SavedSearchesFile, at: Date): ImportResult {
  const result: ImportResult = { added: [], unchanged: [], renamed: [] }
  const now = at.toISOString()
  for (const incoming of file.savedSearches) {
    const existing = data.savedSearches.find((s) => nameKey(s.name) === nameKey(incoming.name))
    if (existing && sameQuery(existing.query, incoming.query)) {
      result.unchanged.push(existing.name)
      continue
    }
    const name = existing ? freeName(data, incoming.name) : incoming.name
    data.savedSearches.push({ name, query: incoming.query, alerts: incoming.alerts, createdAt: now, seenAt: now })
    if (existing) result.renamed.push({ from: incoming.name, to: name })
    else result.added.push(name)
  }
  return result
}
