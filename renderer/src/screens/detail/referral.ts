import type { Language } from '../../../../shared/settings'
import type { TrialDetail } from '../../../../shared/trials'
import type { Translate } from '../../i18n/translate'
import { formatDay } from '../../i18n/format'
import { readersScriptFirst, siteLabel } from '../../lib/readersLanguage'
import { RECRUITING_NOW } from '../../lib/sources'

/** The registry's value in the reader's language where it has both (`…_kr` / `…_en`), else whichever exists. */
function pick(fields: Record<string, unknown>, base: string, language: Language): string | undefined {
  const order = language === 'en' ? [`${base}_en`, `${base}_kr`, base] : [`${base}_kr`, `${base}_en`, base]
  for (const name of order) {
    const value = fields[name]
    const text =
      typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : ''
    if (text) return text
  }
  return undefined
}

const joined = (...parts: Array<string | undefined>) => parts.filter(Boolean).join(' · ') || undefined

/** What a referring clinician needs first, read from the normalised fields and, where only the registry has it, its columns. */
export interface ReferralFacts {
  eligibility?: string
  contact?: string
  investigator?: string
  registered?: string
  start?: string
  end?: string
  period?: string
  /**
   * The registry still says patients can join, but its end date has passed: the record is probably out of date (a
   * clinician should check with the study team before referring).
   */
  openPastEnd: boolean
}

/** A full calendar date (yyyy-mm-dd, also with / or .) as yyyy-mm-dd; month-only dates are not days. */
function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(value)) return undefined
  const [y, m, d] = value.split(/[-/.]/).map((p) => p.trim())
  return `${y}-${m.padStart(2, '0')}-${d.slice(0, 2).padStart(2, '0')}`
}

/** ClinicalTrials.gov's `{ date, type }` date structs. */
const structDate = (value: unknown) =>
  value && typeof value === 'object' ? (value as { date?: unknown }).date : undefined

const localDay = (at: Date) =>
  `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`

export function referralFacts(trial: TrialDetail, language: Language, now = new Date()): ReferralFacts {
  const f = trial.fields
  const day = (iso: string | undefined) => (iso ? formatDay(iso, language, now) : undefined)
  const endDay = isoDay(f.results_date_completed) ?? isoDay(structDate(f.completionDateStruct))
  return {
    eligibility: joined(pick(f, 'target_age_range', language), pick(f, 'target_gender', language)),
    contact: joined(
      pick(f, 'public_name', language),
      pick(f, 'public_affiliation', language),
      pick(f, 'telephone', language),
    ),
    investigator: joined(pick(f, 'scientific_name', language), pick(f, 'affiliation', language)),
    registered: day(isoDay(trial.registeredAt) ?? isoDay(f.date_registration)),
    start: day(isoDay(f.date_enrolment) ?? isoDay(structDate(f.startDateStruct))),
    end: day(endDay),
    period: pick(f, '연구기간', language),
    openPastEnd: Boolean(
      endDay && trial.recruitment && RECRUITING_NOW.includes(trial.recruitment) && endDay < localDay(now),
    ),
  }
}

/** Condition names in the reader's language first. */
export const conditionsText = (trial: TrialDetail, language: Language) =>
  readersScriptFirst(trial.conditions ?? [], language).join(', ')

/** The plain-text referral summary "Copy summary" puts on the clipboard: title, id, status, sites, contact, link. */
export function referralSummary(trial: TrialDetail, t: Translate, language: Language): string {
  const facts = referralFacts(trial, language)
  const lines = [
    trial.title,
    ...(trial.titleEn && trial.titleEn !== trial.title ? [trial.titleEn] : []),
    `${t('card.id')}: ${trial.sourceId} (${t(`source.${trial.source}`)})`,
  ]
  const add = (label: string, value: string | undefined) => value && lines.push(`${label}: ${value}`)
  add(t('card.status'), trial.recruitment ? t(`recruitment.${trial.recruitment}`) : trial.status)
  add(t('card.phases'), trial.phases?.map((p) => t(`trialPhase.${p}`)).join(', '))
  add(t('card.conditions'), conditionsText(trial, language))
  add(t('card.sites'), trial.sites?.map((s) => siteLabel(s, language)).join(', '))
  add(t('card.targetSize'), trial.targetSize)
  add(t('card.eligibility'), facts.eligibility)
  add(t('card.contact'), facts.contact)
  add(t('card.investigator'), facts.investigator)
  if (facts.openPastEnd && trial.recruitment)
    lines.push(t('card.openPastEnd', { status: t(`recruitment.${trial.recruitment}`), end: facts.end ?? '' }))
  add(t('card.link'), trial.attribution.url)
  return lines.join('\n')
}
