import type { StoredTrial } from '../store/types'

/**
 * What text search looks in: the fields that describe or identify a trial (ids, titles, conditions, interventions,
 * summaries, sponsors, sites, people), NFC lower-cased, each distinct value once, fields separated by
 * U+0001 (so no term matches across fields).
 *
 * Not searched, by field name at any depth:
 * - eligibility criteria prose: every trial's exclusion list names a dozen diseases, so "diabetes" would find
 *   thousands of trials that exclude diabetic patients: the opposite of what a clinician asks;
 * - site contacts, phone numbers and e-mail addresses (contact details, not what a trial is about);
 * - coordinates, countries (every site here is in Korea) and per-site statuses (the recruitment facet answers that);
 * - outcome measures and their time frames (what is measured, not what is studied or where);
 * - dates and IRB administration (committee, approval dates, statuses, addresses; the IRB number stays searchable).
 * They stay stored and visible in the detail. Leaving them out keeps the search text (held in memory for every
 * trial) to about a sixth of the records' size (100,000 trials, a third of them ClinicalTrials.gov-sized:
 * ~170 MB instead of ~550 MB).
 */
export const NOT_SEARCHED_FIELD =
  /eligibilityCriteria|[cC]ontacts$|phone|email|fax|geoPoint|^country(Code)?$|^zip$|^status$|(^|_)date(_|$)|[a-z]Date|^irb_(?!number)|[oO]utcome/

export const FIELD_SEPARATOR = '\u0001'
const NON_ASCII = /[^\x00-\x7f]/
/** Common values longer than this (titles) are copied verbatim from a field by every source, so already searched. */
const SHORT_COMMON_VALUE = 64

function collectText(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (value !== '') out.add(value)
  } else if (typeof value === 'number') out.add(String(value))
  else if (Array.isArray(value)) for (const item of value) collectText(item, out)
  else if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      if (!NOT_SEARCHED_FIELD.test(key)) collectText((value as Record<string, unknown>)[key], out)
    }
  }
  // Booleans and null are not text.
}

/** One record's search text. */
export function searchTextOf(trial: StoredTrial): string {
  const parts = new Set<string>([trial.sourceId])
  collectText(trial.fields, parts)
  for (const value of Object.values(trial.common)) {
    if (typeof value === 'string' && value.length <= SHORT_COMMON_VALUE) parts.add(value)
  }
  let text = ''
  for (const part of parts) {
    // ASCII needs no normalising (U+0001 is a starter: NFC never composes across it).
    const normal = NON_ASCII.test(part) ? part.normalize('NFC') : part
    text = text === '' ? normal : `${text}${FIELD_SEPARATOR}${normal}`
  }
  return text.toLowerCase()
}
