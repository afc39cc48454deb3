/**
 * The changes a user makes to their own data, as plain functions on a draft of the user-data file (see
 * UserDataStore.update). Each throws NOT_FOUND for an unknown name or id and VALIDATION for bad input.
 */
import type { ZodError } from 'zod'
import { NOTE_MAX_CHARS, type SavedQuery, type SavedSearch, type SeenMarks } from '../../../shared/following'
import { TrialsError } from '../errors'
import { savedQuerySchema, savedSearchNameSchema, type UserData } from './userDataSchema'

const invalid = (message: string) => new TrialsError('VALIDATION', message)
const firstIssue = (e: ZodError) => {
  const issue = e.issues[0]
  return `${issue?.path.join('.') || 'value'}: ${issue?.message ?? 'invalid'}`
}

/** Names compare after trimming, NFC and case folding: "폐암 2상" and " 폐암 2상 " are one name. */
export const nameKey = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase()

export function parseSavedSearchName(name: unknown): string {
  const parsed = savedSearchNameSchema.safeParse(typeof name === 'string' ? name.normalize('NFC') : name)
  if (!parsed.success)
    throw invalid(`A saved search needs a name of 1 to 100 characters (${firstIssue(parsed.error)}).`)
  return parsed.data
}

export function parseSavedQuery(query: unknown): SavedQuery {
  const parsed = savedQuerySchema.safeParse(query)
  if (!parsed.success) throw invalid(`The search to save is not valid (${firstIssue(parsed.error)}).`)
  // Only the parts that are set: an empty list means "any", the same as absent.
  return Object.fromEntries(
    Object.entries(parsed.data).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as SavedQuery
}

export function findSavedSearch(data: UserData, name: string): SavedSearch {
  const found = data.savedSearches.find((s) => nameKey(s.name) === nameKey(name))
  if (!found)
    throw new TrialsError(
      'NOT_FOUND',
      `There is no saved search named "${name}". "trials saved list" shows the saved ones.`,
    )
  return found
}

function ensureFreeName(data: UserData, name: string, except?: SavedSearch): void {
  const clash = data.savedSearches.find((s) => s !== except && nameKey(s.name) === nameKey(name))
  if (clash)
    throw invalid(`A saved search named "${clash.name}" already exists. Choose another name, or remove that one first.`)
}

export function addSavedSearch(
  data: UserData,
  input: { name: unknown; query: unknown; alerts?: boolean },
  at: Date,
): SavedSearch {
  const name = parseSavedSearchName(input.name)
  ensureFreeName(data, name)
  const now = at.toISOString()
  // Saving is looking: what matches now is seen, what changes later is not.
  const search: SavedSearch = {
    name,
    query: parseSavedQuery(input.query),
    alerts: input.alerts ?? true,
    createdAt: now,
    seenAt: now,
  }
  data.savedSearches.push(search)
  return search
}

export function renameSavedSearch(data: UserData, from: string, to: unknown): SavedSearch {
  const search = findSavedSearch(data, from)
  const name = parseSavedSearchName(to)
  ensureFreeName(data, name, search)
  search.name = name
  return search
}

/** Moves a saved search to position `toIndex` (0 = top); the others keep their order. */
export function moveSavedSearch(data: UserData, name: string, toIndex: number): SavedSearch[] {
  const search = findSavedSearch(data, name)
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= data.savedSearches.length) {
    throw invalid(`The position must be from 1 to ${data.savedSearches.length}.`)
  }
  data.savedSearches = data.savedSearches.filter((s) => s !== search)
  data.savedSearches.splice(toIndex, 0, search)
  return data.savedSearches
}

export function removeSavedSearch(data: UserData, name: string): void {
  const search = findSavedSearch(data, name)
  data.savedSearches = data.savedSearches.filter((s) => s !== search)
}

export function updateSavedSearch(
  data: UserData,
  name: string,
  patch: { query?: unknown; alerts?: boolean },
): SavedSearch {
  const search = findSavedSearch(data, name)
  if (patch.query !== undefined) search.query = parseSavedQuery(patch.query)
  if (patch.alerts !== undefined) search.alerts = patch.alerts
  return search
}

export function markSavedSearchSeen(data: UserData, name: string, at: Date): SavedSearch {
  const search = findSavedSearch(data, name)
  search.seenAt = at.toISOString()
  return search
}

export function markViewSeen(data: UserData, view: keyof SeenMarks, at: Date): SeenMarks {
  data.seen[view] = at.toISOString()
  return data.seen
}

export function watchTrial(data: UserData, id: string, title: string, at: Date): void {
  if (!data.watched[id]) data.watched[id] = { addedAt: at.toISOString(), title }
}

/** Unwatching a trial that is not watched changes nothing (the caller checks the id exists). */
export function unwatchTrial(data: UserData, id: string): boolean {
  if (!data.watched[id]) return false
  delete data.watched[id]
  return true
}

/** Sets the note (plain text, at most NOTE_MAX_CHARS); empty or null clears it. */
export function setNote(data: UserData, id: string, text: string | null, title: string, at: Date): string | null {
  if (text !== null && typeof text !== 'string') throw invalid('A note must be text.')
  const normalised = text === null ? '' : text.replace(/\r\n?/g, '\n')
  if (normalised.length > NOTE_MAX_CHARS) {
    throw invalid(
      `A note can hold at most ${NOTE_MAX_CHARS.toLocaleString('en')} characters (this one has ${normalised.length.toLocaleString('en')}).`,
    )
  }
  if (normalised.trim() === '') {
    delete data.notes[id]
    return null
  }
  data.notes[id] = { text: normalised, updatedAt: at.toISOString(), title }
  return normalised
}
