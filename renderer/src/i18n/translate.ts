import type { Language } from '../../../shared/settings'
import { en } from './en'
import { pluralRules } from './format'
import { ko, type MessageKey } from './ko'

export type { MessageKey }
export type Vars = Record<string, string | number>
export type Translate = (key: MessageKey, vars?: Vars) => string

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { ko, en }

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(ko, key)
}

/** The number a placeholder's value stands for: numbers as given, formatted strings ("1,061") read back. */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(String(value).replace(/[^\d.-]/g, ''))
}

/**
 * Looks a key up and fills its {placeholders}. `{name:one|other}` picks a word form by the plural rule of the
 * language for the value of `name` ("{count} {count:field|fields}" → "1 field", "2 fields"); Korean needs none.
 */
export function createTranslate(language: Language): Translate {
  const dict = DICTIONARIES[language]
  const rules = pluralRules(language)
  return (key, vars) => {
    const text = dict[key]
    if (!vars) return text
    return text
      .replace(/\{(\w+):([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
        name in vars ? (rules.select(countOf(vars[name])) === 'one' ? one : other) : whole,
      )
      .replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
  }
}

/** Readable label for a source column; unknown columns keep their raw name. */
export function fieldLabel(t: Translate, field: string): string {
  const key = `field.${field}`
  return isMessageKey(key) ? t(key) : field
}

/** What a clinician reads first in a CRIS record; everything else follows in dictionary order. */
const CRIS_FIELDS_FIRST = [
  'trial_id',
  'scientific_title_kr',
  'scientific_title_en',
  'public_title_kr',
  'public_title_en',
  'recruitment_status_kr',
  'recruitment_status_en',
  'phase_kr',
  'phase_en',
  'study_type_kr',
  'study_type_en',
  'target_size',
  'primary_sponsor_kr',
  'sponsor_items',
  'source_name_kr',
  'funding_items',
  'scientific_name_kr',
  'affiliation_kr',
  'study_summary_kr',
  'study_summary_en',
  'i_freetext_type_kr',
  'i_freetext_kr',
  'detail:i_freetext_kr',
  'i_freetext_en',
  'primary_outcome_1_kr',
  'outcome_items',
  'date_registration',
  'date_updated',
  'date_enrolment',
  'results_date_completed',
]
const FIELD_ORDER = new Map(
  [
    ...CRIS_FIELDS_FIRST,
    ...Object.keys(ko)
      .filter((key) => key.startsWith('field.'))
      .map((key) => key.slice(6)),
  ]
    .filter((name, index, all) => all.indexOf(name) === index)
    .map((name, index) => [name, index]),
)

/** Known fields in dictionary order, then unknown columns by name (a source's order on the wire is arbitrary). */
export function orderFieldNames(names: string[]): string[] {
  const rank = (name: string) => FIELD_ORDER.get(name) ?? Number.MAX_SAFE_INTEGER
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}
