import type { Attribution, TrialDetail } from '../../../shared/trials'
import { TrialsError } from '../errors'
import { toSummary, type IndexedTrial, type TrialIndex } from './trialIndex'

/** Used when the record's source is not registered (e.g. a store synced by a newer version). */
export const FALLBACK_ATTRIBUTION: Attribution = {
  text: '출처: 공공데이터포털 (data.go.kr)',
  licence: '공공누리',
  url: 'https://www.data.go.kr',
}

/**
 * A registry that renumbers a study keeps the old number as an alias (ClinicalTrials.gov `nctIdAliases`): an id
 * that is unknown, or whose record was removed, resolves to the active record naming it as an alias.
 */
function canonicalFor(index: TrialIndex, id: string): IndexedTrial | undefined {
  const colon = id.indexOf(':')
  if (colon < 0) return undefined
  const source = id.slice(0, colon)
  const sourceId = id.slice(colon + 1)
  return index.entries.find(
    ({ trial }) =>
      trial.source === source &&
      trial.removedAt === null &&
      Array.isArray(trial.fields.nctIdAliases) &&
      trial.fields.nctIdAliases.includes(sourceId),
  )
}

/** The whole record with its history, newest first. Unknown id → NOT_FOUND. */
export function getTrial(
  index: TrialIndex,
  id: string,
  attributionOf: (source: string, sourceId: string) => Attribution = () => FALLBACK_ATTRIBUTION,
): TrialDetail {
  const stored = typeof id === 'string' ? index.byId.get(id.trim()) : undefined
  const entry =
    stored && stored.trial.removedAt === null
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
