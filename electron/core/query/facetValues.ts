/**
 * What each facet reads from a stored trial, and how a filter value for it is normalised, so `--field
 * site=서울대병원` and the menu's 서울대학교병원 select the same trials.
 */
import { FACET_FIELDS, type FacetField } from '../../../shared/trials'
import { canonicalInstitution } from '../clinical/canonicalHospital'
import { conditionFacetValue } from '../clinical/conditionSynonyms'
import { phasesOf } from '../clinical/phases'
import { recruitmentFilterValue } from '../clinical/recruitment'
import type { StoredTrial } from '../store/types'

/** Facets a trial can have several values of (one count per value). */
export const MULTI_VALUE_FACETS: ReadonlySet<FacetField> = new Set(['phase', 'site', 'condition'])

/**
 * Facets whose values come from CRIS /detail: a trial whose details are pending has none yet and is counted as
 * not classified (ListResult.unclassified), not silently left out.
 */
export const DETAIL_FACETS: ReadonlySet<FacetField> = new Set(['recruitment', 'site', 'condition', 'institution'])

export const FACET_NAMES: ReadonlySet<string> = new Set(FACET_FIELDS)

/** The facet's raw value(s) of one trial (single-value facets: a string or undefined). */
export function facetValueOf(trial: StoredTrial, field: FacetField): unknown {
  const c = trial.common
  switch (field) {
    case 'source':
      return trial.source
    case 'changeKind':
      return trial.changeKind
    case 'recruitment':
      return c.recruitment
    case 'phase':
      return c.phases
    case 'site':
      return c.sites?.map((s) => s.name)
    case 'condition':
      return c.conditions?.map(conditionFacetValue)
    default:
      return c[field]
  }
}

/** The facet values a filter value selects (any accepted spelling → the stored normalised values). */
export function filterValuesFor(field: FacetField, value: string): string[] {
  switch (field) {
    case 'recruitment':
      return [recruitmentFilterValue(value) ?? value]
    case 'phase': {
      const phases = phasesOf(value)
      return phases.length > 0 ? phases : [value]
    }
    case 'site':
    case 'institution':
    case 'sponsor':
      return [canonicalInstitution(value) ?? value]
    case 'condition':
      return [conditionFacetValue(value)]
    default:
      return [value]
  }
}
