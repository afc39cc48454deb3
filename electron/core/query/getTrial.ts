import type { Attribution, TrialDetail } from '../../../shared/trials'
import { TrialsError } from '../errors'
import { nctIdAliases } from '../sources/ctgov/studyFields'
import { toSummary, type IndexedTrial, type TrialIndex } from './trialIndex'

/** Used when the record's source is not registered (e.g. a store synced by a newer version). */
export const FALLBACK_ATTRIBUTION: Attribution = {
  text: '출처: 공공데이터포털 (data.go.kr)',
  licence: '공공누리',
  url: 'https://www.data.go.kr',
}

/** Registries whose records name their own former ids (ClinicalTrials.gov `nctIdAliases`); others never renumber. */
const SOURCES_WITH_ALIASES: ReadonlySet<string> = new Set(['ctgov'])

/** Per index: former id → position of the active record naming it, by source (built on the first lookup). */
const aliasesByIndex = new WeakMap<TrialIndex, Map<string, ReadonlyMap<string, number>>>()

/**
 * The aliases of one source's active records. Records live on disk, so they are read once per index (a sync builds
 * a new index), and only the source's own active records: scanning every record per lookup took seconds at 100,000.
 */
function aliasesOf(index: TrialIndex, source: string): ReadonlyMap<string, number> {
  let bySource = aliasesByIndex.get(index)
  if (!bySource) aliasesByIndex.set(index, (bySource = new Map()))
  const cached = bySource.get(source)
  if (cached) return cached
  const aliases = new Map<string, number>()
  const sources = index.facets.source
  const wanted = sources.values.indexOf(source)
  for (let p = 0; wanted >= 0 && p < index.entries.length; p++) {
    if (sources.ids[p] !== wanted || index.removed[p] === 1) continue
    for (const alias of nctIdAliases(index.entries[p].trial.fields)) if (!aliases.has(alias)) aliases.set(alias, p)
  }
  bySource.set(source, aliases)
  return aliases
}

/**
 * A registry that renumbers a study keeps the old number as an alias (ClinicalTrials.gov `nctIdAliases`): an id
 * that is unknown, or whose record was removed, resolves to the active record naming it as an alias.
 */
function canonicalFor(index: TrialIndex, id: string): IndexedTrial | undefined {
  const colon = id.indexOf(':')
  if (colon < 0) return undefined
  const source = id.slice(0, colon)
  if (!SOURCES_WITH_ALIASES.has(source)) return undefined
  const position = aliasesOf(index, source).get(id.slice(colon + 1))
  return position === undefined ? undefined : index.entries[position]
}

/** The whole record with its history, newest first. Unknown id → NOT_FOUND. */
export function getTrial(
  index: TrialIndex,
  id: string,
  attributionOf: (source: string, sourceId: string) => Attribution = () => FALLBACK_ATTRIBUTION,
): TrialDetail {
  const stored = typeof id === 'string' ? index.byId.get(id.trim()) : undefined
  // Whether it is removed comes from the index: a record kept on disk is read (and parsed) once, below.
  const entry =
    stored && index.removed[stored.position] === 0
      ? stored
      : (typeof id === 'string' && canonicalFor(index, id.trim())) || stored
  if (!entry) {
    throw new TrialsError(
      'NOT_FOUND',
      `No trial with the id "${String(id)}" is stored. Check the id (it looks like icreat:C100001), or sync to fetch new trials.`,
    )
  }
  const { trial } = entry
  return {
    ...toSummary(trial),
    fields: { ...trial.fields },
    history: [...trial.history].reverse(),
    attribution: attributionOf(trial.source, trial.sourceId),
  }
}
