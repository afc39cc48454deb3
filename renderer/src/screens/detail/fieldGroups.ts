/**
 * The registry's fields in groups a reader scans (overview, participants, institutions, dates, other), without the
 * duplicates the registries send (a detail copy of a list column with the same value; a sponsor named both alone and
 * inside its item list), empty ones set apart.
 */
import { orderFieldNames } from '../../i18n/translate'
import { isEmptyValue, valueText } from './FieldValue'

export const FIELD_GROUPS = ['overview', 'participants', 'people', 'dates', 'other'] as const
export type FieldGroup = (typeof FIELD_GROUPS)[number]

const GROUP_PATTERNS: Array<[FieldGroup, RegExp]> = [
  ['dates', /^(detail:)?(date_|results_|type_enrolment|irb_date|연구기간)/],
  [
    'people',
    /^(detail:)?(.*sponsor|funding|source_name|research_items|site_name|affiliation|public_name|scientific_name|telephone|irb_|연구책임기관)/,
  ],
  [
    'participants',
    /^(detail:)?(target_|hc_code|전체목표연구대상자수|allocation|blinding|intervention_model|group_number|arm_items|i_freetext|outcome_items|primary_outcome|time_perspective|biospecimen)/,
  ],
  [
    'overview',
    /^(detail:)?(trial_id|과제번호|과제명|scientific_title|public_title|study_summary|study_type|연구종류|phase|임상시험단계|recruitment_status|primary_purpose|연구범위|진료과)/,
  ],
]

/** ClinicalTrials.gov's field names (the study JSON's own, camelCase: no registry spells theirs like that). */
const CTGOV_GROUPS: Readonly<Record<FieldGroup, readonly string[]>> = {
  overview: [
    'nctId',
    'briefTitle',
    'officialTitle',
    'acronym',
    'overallStatus',
    'lastKnownStatus',
    'whyStopped',
    'studyType',
    'phases',
    'briefSummary',
    'detailedDescription',
  ],
  participants: [
    'conditions',
    'conditionMeshes',
    'keywords',
    'enrollmentInfo',
    'eligibilityCriteria',
    'sex',
    'genderBased',
    'genderDescription',
    'minimumAge',
    'maximumAge',
    'stdAges',
    'healthyVolunteers',
    'studyPopulation',
    'samplingMethod',
    'designInfo',
    'armGroups',
    'interventions',
    'patientRegistry',
    'targetDuration',
    'bioSpec',
  ],
  people: ['leadSponsor', 'collaborators', 'responsibleParty', 'locations', 'locationsOutsideKorea'],
  dates: [
    'startDateStruct',
    'primaryCompletionDateStruct',
    'completionDateStruct',
    'studyFirstSubmitDate',
    'studyFirstSubmitQcDate',
    'studyFirstPostDateStruct',
    'statusVerifiedDate',
    'lastUpdateSubmitDate',
    'lastUpdatePostDateStruct',
    'resultsFirstSubmitDate',
    'resultsFirstPostDateStruct',
  ],
  other: [],
}
const CTGOV_GROUP_OF = new Map(
  FIELD_GROUPS.flatMap((group) => CTGOV_GROUPS[group].map((name) => [name, group] as const)),
)

function groupOf(name: string): FieldGroup {
  return CTGOV_GROUP_OF.get(name) ?? GROUP_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other'
}

/** Scalar values that also appear inside an item list under the same key (primary_sponsor_kr in sponsor_items). */
function valuesInItems(fields: Record<string, unknown>): Set<string> {
  const seen = new Set<string>()
  for (const value of Object.values(fields)) {
    if (!Array.isArray(value)) continue
    for (const item of value) {
      if (item && typeof item === 'object') for (const [k, v] of Object.entries(item)) seen.add(`${k}=${valueText(v)}`)
    }
  }
  return seen
}

export interface GroupedFields {
  groups: Array<{ group: FieldGroup; names: string[] }>
  empty: string[]
}

export function groupFields(fields: Record<string, unknown>): GroupedFields {
  const inItems = valuesInItems(fields)
  const byGroup = new Map<FieldGroup, string[]>()
  const empty: string[] = []
  for (const name of orderFieldNames(Object.keys(fields))) {
    const value = fields[name]
    if (isEmptyValue(value) || (typeof value === 'string' && value.trim() === '')) {
      empty.push(name)
      continue
    }
    const base = name.startsWith('detail:') ? name.slice(7) : null
    if (base !== null && valueText(fields[base]) === valueText(value)) continue
    if (!Array.isArray(value) && inItems.has(`${name}=${valueText(value)}`)) continue
    const group = groupOf(name)
    byGroup.set(group, [...(byGroup.get(group) ?? []), name])
  }
  return {
    groups: FIELD_GROUPS.filter((g) => byGroup.has(g)).map((group) => ({ group, names: byGroup.get(group)! })),
    empty,
  }
}
