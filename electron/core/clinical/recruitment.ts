/** Recruitment status as the registries spell it → the common vocabulary (shared/clinical.ts). */
import type { RecruitmentStatus } from '../../../shared/clinical'

/**
 * Every spelling seen in CRIS `recruitment_status_kr` / `_en` (and ClinicalTrials.gov's overallStatus), keyed by
 * `statusKey` (spaces, punctuation and case removed). A spelling not listed maps to `unknown`, never dropped.
 */
export const RECRUITMENT_SPELLINGS: Readonly<Record<string, RecruitmentStatus>> = {
  // CRIS, Korean
  모집전: 'not_yet_recruiting',
  대상자모집전: 'not_yet_recruiting',
  모집예정: 'not_yet_recruiting',
  모집중: 'recruiting',
  대상자모집중: 'recruiting',
  초청등록: 'enrolling_by_invitation',
  초청에의한등록: 'enrolling_by_invitation',
  초대에의한등록: 'enrolling_by_invitation',
  모집종료: 'active_not_recruiting',
  모집완료: 'active_not_recruiting',
  대상자모집종료: 'active_not_recruiting',
  진행중모집종료: 'active_not_recruiting',
  연구종결: 'completed',
  연구종료: 'completed',
  연구완료: 'completed',
  완료: 'completed',
  종결: 'completed',
  모집중지: 'suspended',
  일시중지: 'suspended',
  연구중지: 'suspended',
  모집일시중지: 'suspended',
  연구중단: 'terminated',
  조기종료: 'terminated',
  중단: 'terminated',
  연구철회: 'withdrawn',
  철회: 'withdrawn',
  알수없음: 'unknown',
  기타: 'unknown',
  확인불가: 'unknown',
  // CRIS `_en` and ClinicalTrials.gov (NOT_YET_RECRUITING …)
  notyetrecruiting: 'not_yet_recruiting',
  pending: 'not_yet_recruiting',
  recruiting: 'recruiting',
  enrollingbyinvitation: 'enrolling_by_invitation',
  activenotrecruiting: 'active_not_recruiting',
  recruitmentcompleted: 'active_not_recruiting',
  completed: 'completed',
  suspended: 'suspended',
  temporarilynotavailable: 'suspended',
  terminated: 'terminated',
  withdrawn: 'withdrawn',
  unknown: 'unknown',
  unknownstatus: 'unknown',
}

/** A spelling's lookup key: NFC, lower case, without spaces, punctuation and underscores. */
export function statusKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-,.()/·]+/g, '')
}

function spelled(value: unknown): RecruitmentStatus | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  return RECRUITMENT_SPELLINGS[statusKey(value)] ?? 'unknown'
}

/**
 * The common status from the source's Korean and/or English wording: the Korean one decides, the English one when
 * the Korean is empty or unrecognised. Both empty → `unknown` (the registry states no status).
 */
export function recruitmentOf(korean: unknown, english?: unknown): RecruitmentStatus {
  const ko = spelled(korean)
  if (ko !== null && ko !== 'unknown') return ko
  return spelled(english) ?? ko ?? 'unknown'
}

/** A filter value in any accepted spelling (`recruiting`, `모집중`, `Recruiting`) → the status; null if unrecognised. */
export function recruitmentFilterValue(value: string): RecruitmentStatus | null {
  return RECRUITMENT_SPELLINGS[statusKey(value)] ?? null
}
