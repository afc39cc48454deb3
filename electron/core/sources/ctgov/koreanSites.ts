/**
 * Recruitment as a clinician in Korea sees it: a study recruiting elsewhere whose Korean sites are all closed is
 * not recruiting here. Only sites that state a status count; a study whose Korean sites state none keeps its
 * overall status.
 */
import { KOREAN_LOCATIONS_FIELD } from './studyFields'

/** Statuses under which a patient can still be enrolled (or soon will be). */
export const OPEN_STATUSES = new Set(['RECRUITING', 'NOT_YET_RECRUITING', 'ENROLLING_BY_INVITATION', 'AVAILABLE'])

export interface KoreanSite {
  facility?: string
  city?: string
  status?: string
}

export function koreanSites(fields: Readonly<Record<string, unknown>>): KoreanSite[] {
  const locations = fields[KOREAN_LOCATIONS_FIELD]
  if (!Array.isArray(locations)) return []
  return locations
    .filter((l): l is Record<string, unknown> => !!l && typeof l === 'object')
    .map((l) => ({
      ...(typeof l.facility === 'string' ? { facility: l.facility } : {}),
      ...(typeof l.city === 'string' ? { city: l.city } : {}),
      ...(typeof l.status === 'string' ? { status: l.status } : {}),
    }))
}

/** The study's status for Korea: overallStatus, unless it is open and every Korean site that says so is closed. */
export function koreanRecruitmentStatus(fields: Readonly<Record<string, unknown>>): string | undefined {
  const overall =
    typeof fields.overallStatus === 'string' && fields.overallStatus.trim() !== ''
      ? fields.overallStatus.trim()
      : undefined
  if (!overall || !OPEN_STATUSES.has(overall)) return overall
  const stated = koreanSites(fields)
    .map((s) => s.status)
    .filter((s): s is string => s !== undefined)
  if (stated.length === 0 || stated.some((s) => OPEN_STATUSES.has(s))) return overall
  // Every Korean site is closed: the most telling of their statuses (they usually agree).
  return stated.includes('ACTIVE_NOT_RECRUITING') ? 'ACTIVE_NOT_RECRUITING' : stated[0]
}
