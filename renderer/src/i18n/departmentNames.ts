/**
 * iCReaT's 진료과 comes in English ("Cardiology", "Infectious disease"); a Korean reader sees the name the
 * department has on a Korean hospital's signboard. Keyed by the lower-cased English name (the registry is not
 * consistent about capitals); a name not listed is shown as the registry wrote it. The stored value stays English
 * (filters, CSV and the detail's field list use it).
 */
import type { Language } from '../../../shared/settings'

const KOREAN_BY_ENGLISH: Readonly<Record<string, string>> = {
  allergy: '알레르기내과',
  'allergy and clinical immunology': '알레르기내과',
  anesthesiology: '마취통증의학과',
  'anesthesiology and pain medicine': '마취통증의학과',
  'breast surgery': '유방외과',
  'cancer center': '암센터',
  cardiology: '순환기내과',
  'cardiothoracic surgery': '흉부외과',
  'clinical pharmacology': '임상약리학과',
  'colorectal surgery': '대장항문외과',
  dentistry: '치과',
  dermatology: '피부과',
  'emergency medicine': '응급의학과',
  'endocrinology and metabolism': '내분비대사내과',
  endocrinology: '내분비내과',
  'family medicine': '가정의학과',
  gastroenterology: '소화기내과',
  'general surgery': '외과',
  geriatrics: '노년내과',
  gynecology: '산부인과',
  hepatology: '소화기내과',
  hematology: '혈액내과',
  'hematology-oncology': '혈액종양내과',
  'hemato-oncology': '혈액종양내과',
  'infectious disease': '감염내과',
  'infectious diseases': '감염내과',
  'internal medicine': '내과',
  'laboratory medicine': '진단검사의학과',
  nephrology: '신장내과',
  neurology: '신경과',
  neurosurgery: '신경외과',
  'nuclear medicine': '핵의학과',
  obstetrics: '산부인과',
  'obstetrics and gynecology': '산부인과',
  'occupational and environmental medicine': '직업환경의학과',
  oncology: '종양내과',
  ophthalmology: '안과',
  'orthopaedic surgery': '정형외과',
  'orthopedic surgery': '정형외과',
  orthopedics: '정형외과',
  otolaryngology: '이비인후과',
  otorhinolaryngology: '이비인후과',
  others: '기타',
  other: '기타',
  pathology: '병리과',
  'pediatric surgery': '소아외과',
  pediatrics: '소아청소년과',
  'plastic surgery': '성형외과',
  'preventive medicine': '예방의학과',
  psychiatry: '정신건강의학과',
  pulmonology: '호흡기내과',
  'radiation oncology': '방사선종양학과',
  radiology: '영상의학과',
  'rehabilitation medicine': '재활의학과',
  rheumatology: '류마티스내과',
  surgery: '외과',
  'thoracic surgery': '흉부외과',
  'transplantation surgery': '이식외과',
  urology: '비뇨의학과',
  'vascular surgery': '혈관외과',
}

/** The department's Korean name, or null when it is not in the table. */
export function koreanDepartmentName(english: string): string | null {
  return KOREAN_BY_ENGLISH[english.trim().toLowerCase()] ?? null
}

/** A department as the reader sees it: its Korean name for a Korean reader when known, else the registry's. */
export function departmentLabel(english: string, language: Language): string {
  return (language === 'ko' && koreanDepartmentName(english)) || english
}
