/** iCReaT columns → the common fields facets, sorting and the screens use. */
import type { CommonFields } from '../../../../shared/trials'
import { canonicalInstitution, siteRefOf } from '../../clinical/canonicalHospital'
import { phasesOf } from '../../clinical/phases'
import { ID_COLUMN } from './constants'

export const ICREAT_COLUMN_TO_COMMON = {
  과제명: 'title',
  연구책임기관: 'sites',
  진료과: 'department',
  '임상시험단계(연구모형)': 'phases',
  연구종류: 'studyType',
  연구범위: 'scope',
  연구기간: 'period',
  전체목표연구대상자수: 'targetSize',
} as const satisfies Readonly<Record<string, keyof CommonFields>>

/** A display string, or undefined for empty values (`120` and `"120"` both become "120"). */
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.normalize('NFC').trim()
  return trimmed === '' ? undefined : trimmed
}

export function icreatToCommon(fields: Readonly<Record<string, unknown>>): CommonFields {
  const common: CommonFields = { title: text(fields['과제명']) ?? text(fields[ID_COLUMN]) ?? '' }
  const phase = text(fields['임상시험단계(연구모형)'])
  const phases = phasesOf(phase)
  if (phases.length > 0) common.phases = phases
  // 연구책임기관 is both where the study runs (its site) and the responsible institution.
  const site = siteRefOf(text(fields['연구책임기관']))
  if (site) {
    common.sites = [site]
    common.institution = canonicalInstitution(site.sourceName)
  }
  for (const [column, name] of Object.entries(ICREAT_COLUMN_TO_COMMON)) {
    if (name === 'title' || name === 'sites' || name === 'phases') continue
    const value = text(fields[column])
    if (value !== undefined) common[name] = value
  }
  if (phase !== undefined) common.phase = phase
  return common
}
