/**
 * Condition names across languages (data/conditionSynonyms.ts): search expansion ("diabetes" also finds 당뇨병) and
 * the condition facet (one value per condition, whatever language the registry wrote it in).
 */
import { CONDITION_SYNONYMS, type ConditionEntry } from './data/conditionSynonyms'

/** NFC, lower case, single spaces: how search terms and stored text are compared. */
export function conditionKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Short abbreviations (2-3 letters: DM, AF, ALL) stay names of their entry — a condition filter value "ALL" means
 * the leukaemia — but never expand a search: as substrings they would match unrelated words ("all", "af").
 */
const TOO_SHORT_TO_SEARCH = /^[a-z0-9]{1,3}$/

function buildLookup(): { entryOf: Map<string, ConditionEntry>; searchNames: Map<ConditionEntry, string[]> } {
  const entryOf = new Map<string, ConditionEntry>()
  const searchNames = new Map<ConditionEntry, string[]>()
  for (const entry of CONDITION_SYNONYMS) {
    const names = [...entry.ko, ...entry.en].map(conditionKey)
    for (const name of names) if (!entryOf.has(name)) entryOf.set(name, entry)
    searchNames.set(entry, [...new Set(names.filter((n) => !TOO_SHORT_TO_SEARCH.test(n)))])
  }
  return { entryOf, searchNames }
}

const { entryOf, searchNames } = buildLookup()

/** The entry a name belongs to (whole name, any language, any case). */
export function conditionEntryOf(name: string): ConditionEntry | undefined {
  return entryOf.get(conditionKey(name))
}

/** The facet value of a condition name: its entry's Korean name when curated, else the name cleaned. */
export function conditionFacetValue(name: string): string {
  const entry = conditionEntryOf(name)
  return entry ? entry.ko[0] : name.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/**
 * Every spelling (lower case) of the condition a search word or phrase names, or undefined if it names none. Short
 * abbreviations are left out of the expansion (see TOO_SHORT_TO_SEARCH); the word itself is always searched.
 */
export function synonymsOf(phrase: string): readonly string[] | undefined {
  const entry = entryOf.get(conditionKey(phrase))
  return entry ? searchNames.get(entry) : undefined
}
