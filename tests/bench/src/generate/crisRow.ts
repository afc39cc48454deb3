import type { Random } from './prng'
import { isoDay, paragraph, pickTopic, titleEn, titleKr } from './text'
import {
  CRIS_INTERVENTION_TYPES,
  CRIS_PHASES,
  CRIS_STATUSES,
  CRIS_STUDY_TYPES,
  GIVEN_KR,
  INSTITUTIONS,
  SURNAMES_KR,
} from './vocabulary'

const DAY = 86_400_000

/** Dates the generator fixes first, so the fields agree with the store's timestamps. */
export interface CrisDates {
  registeredMs: number
  updatedMs: number
}

/**
 * One CRIS trial as the store keeps it: the 15 /list keys merged with the /detail keys
 * (tests/fixtures/cris/list-page.json and detail.json). `withDetails: false` = listed, detail not fetched yet.
 */
export function crisFields(
  random: Random,
  sourceId: string,
  dates: CrisDates,
  withDetails: boolean,
): Record<string, unknown> {
  const topic = pickTopic(random)
  const [sponsorKr, sponsorEn] = random.zipf(INSTITUTIONS, 1.1)
  const [fundingKr, fundingEn] = random.chance(0.6) ? [sponsorKr, sponsorEn] : random.zipf(INSTITUTIONS, 1.1)
  const [studyTypeKr, studyTypeEn] = random.weighted(CRIS_STUDY_TYPES.map(([kr, en, w]) => [[kr, en], w] as const))
  const [interventionTypeKr, interventionTypeEn] = random.weighted(
    CRIS_INTERVENTION_TYPES.map(([kr, en, w]) => [[kr, en], w] as const),
  )
  const phaseKr = random.weighted(CRIS_PHASES)
  const enrolmentMs = dates.registeredMs + random.int(-90, 180) * DAY
  const completedMs = enrolmentMs + random.int(180, 1800) * DAY
  const interventionKr = `${topic.interventionKr} 투여군: ${paragraph(random, 'kr', random.int(1, 2))}`
  const interventionEn = `${topic.interventionEn} arm: ${paragraph(random, 'en', random.int(1, 2))}`
  const list: Record<string, unknown> = {
    trial_id: sourceId,
    date_updated: isoDay(dates.updatedMs),
    date_registration: isoDay(dates.registeredMs),
    source_name_kr: fundingKr,
    i_freetext_kr: interventionKr,
    study_type_kr: studyTypeKr,
    date_enrolment: isoDay(enrolmentMs),
    results_type_date_completed_kr: random.pick(['예정', '실제등록', '']),
    type_enrolment_kr: random.pick(['실제등록', '예정']),
    results_date_completed: isoDay(completedMs),
    primary_sponsor_kr: sponsorKr,
    scientific_title_kr: titleKr(topic),
    scientific_title_en: titleEn(topic),
    primary_outcome_1_kr: paragraph(random, 'kr', random.int(1, 3)),
  }
  if (phaseKr !== undefined) list.phase_kr = phaseKr
  if (!withDetails) return list

  const [statusKr, statusEn] = random.weighted(CRIS_STATUSES.map(([kr, en, w]) => [[kr, en], w] as const))
  const [siteKr, siteEn] = random.zipf(INSTITUTIONS, 1.1)
  const nameKr = random.pick(SURNAMES_KR) + random.pick(GIVEN_KR)
  const outcomes = Array.from({ length: random.int(1, 3) }, () => ({
    primary_outcome_time_en: `Up to week ${random.int(4, 52)}`,
    primary_outcome_kr: paragraph(random, 'kr', 1),
    primary_outcome_en: paragraph(random, 'en', 1),
    primary_outcome_time_kr: `${random.int(4, 52)}주`,
  }))
  return {
    ...list,
    primary_purpose_en: random.pick(['Treatment', 'Prevention', 'Diagnosis', 'Other', '']),
    primary_purpose_kr: random.pick(['치료', '예방', '진단', '기타', '']),
    public_affiliation_kr: siteKr,
    public_affiliation_en: siteEn,
    affiliation_kr: siteKr,
    affiliation_en: siteEn,
    hc_code_kr: '',
    hc_code_en: '',
    study_type_en: studyTypeEn,
    scientific_name_kr: nameKr,
    scientific_name_en: `Investigator ${nameKr}`,
    public_name_kr: random.pick(SURNAMES_KR) + random.pick(GIVEN_KR),
    public_name_en: 'Study coordinator',
    irb_status: '제출 후 승인',
    irb_status_en: '  Submitted approval',
    irb_committee_kr: `${siteKr} 생명의학연구윤리심의위원회 `,
    irb_committee_en: `INSTITUTIONAL REVIEW BOARD OF ${siteEn.toUpperCase()}`,
    irb_agency_address_kr: '',
    irb_agency_address_en: '',
    irb_date: isoDay(dates.registeredMs - random.int(10, 120) * DAY),
    irb_number: `IRB ${new Date(dates.registeredMs).getUTCFullYear()}-${String(random.int(1, 999)).padStart(3, '0')}`,
    irb_phone: '',
    telephone: '',
    blinding_masking_kr: random.pick(['사용안함', '이중눈가림', '단일눈가림']),
    blinding_masking_en: random.pick(['Open', 'Double', 'Single']),
    blinding_masking_target_kr: '',
    blinding_masking_target_en: '',
    target_gender_kr: random.pick(['남성', '여성', '모두']),
    target_gender_en: random.pick(['Male', 'Female', 'Both']),
    target_age_range_kr: `${random.int(18, 40)} 세 ~ ${random.int(50, 85)} 세`,
    target_age_range_en: `${random.int(18, 40)} Year ~ ${random.int(50, 85)} Year`,
    target_size: random.int(10, 3000),
    recruitment_status_kr: statusKr,
    recruitment_status_en: statusEn,
    type_enrolment_en: 'Actual',
    results_type_date_completed_en: '',
    i_freetext_en: interventionEn,
    i_freetext_type_kr: interventionTypeKr,
    i_freetext_type_en: interventionTypeEn,
    intervention_model_kr: random.pick(['평행설계', '교차설계', '단일군', '']),
    intervention_model_en: random.pick(['Parallel', 'Cross-over', 'Single Group', '']),
    allocation_kr: random.pick(['무작위배정', '비무작위배정', '']),
    allocation_en: random.pick(['RCT', 'Non-RCT', '']),
    time_perspective_kr: '',
    time_perspective_en: '',
    biospecimen_retention_kr: '',
    biospecimen_retention_en: '',
    primary_outcome_type_kr: random.pick(['유효성', '안전성', '약물동태성']),
    primary_outcome_type_en: random.pick(['Efficacy', 'Safety', 'Pharmacokinetics']),
    public_title_kr: `${topic.conditionKr} 환자에서 ${topic.interventionKr} 연구`,
    public_title_en: `Study of ${topic.interventionEn} in ${topic.conditionEn}`,
    study_summary_kr: paragraph(random, 'kr', random.int(1, 6)),
    study_summary_en: paragraph(random, 'en', random.int(1, 6)),
    phase_en: phaseKr === '해당사항없음' ? 'Not applicable' : '',
    group_number: String(random.int(0, 3)),
    sponsor_items: [{ primary_sponsor_kr: sponsorKr, primary_sponsor_en: sponsorEn }],
    funding_items: [{ source_name_kr: fundingKr, source_name_en: fundingEn }],
    research_items: [{ site_name_kr: siteKr, site_name_en: siteEn }],
    outcome_items: outcomes,
    arm_items: [],
  }
}
