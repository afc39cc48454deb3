import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  canonicalInstitution,
  cleanInstitutionName,
  hospitalKey,
  siteRefOf,
} from '../../../electron/core/clinical/canonicalHospital'
import { HOSPITALS } from '../../../electron/core/clinical/data/hospitals'

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', name), 'utf8'))

describe('the curated hospital table', () => {
  it('covers the 47 tertiary hospitals (상급종합병원) with English names', () => {
    const tertiary = HOSPITALS.filter((h) => h.tertiary)
    expect(tertiary.length).toBeGreaterThanOrEqual(47)
    for (const h of tertiary) expect(h.en).toMatch(/[A-Za-z]/)
    for (const name of [
      '서울대학교병원',
      '세브란스병원',
      '서울아산병원',
      '삼성서울병원',
      '가톨릭대학교 서울성모병원',
      '고려대학교안암병원',
      '분당서울대학교병원',
      '아주대학교병원',
      '충북대학교병원',
      '전남대학교병원',
      '경북대학교병원',
      '부산대학교병원',
      '강릉아산병원',
    ]) {
      expect(tertiary.map((h) => h.name)).toContain(name)
    }
  })

  it('is unambiguous: no spelling belongs to two hospitals', () => {
    const owner = new Map<string, string>()
    for (const h of HOSPITALS) {
      for (const spelling of [h.name, h.en, ...h.aliases]) {
        const key = hospitalKey(spelling)
        expect(owner.get(key) ?? h.name, `${spelling} is claimed by ${owner.get(key)} and ${h.name}`).toBe(h.name)
        owner.set(key, h.name)
      }
    }
  })
})

describe('hospital names → one canonical name', () => {
  it.each([
    // spacing and 대학교/대
    ['고려대학교 안암병원', '고려대학교안암병원'],
    ['고려대안암병원', '고려대학교안암병원'],
    ['고려대학교 구로병원', '고려대학교구로병원'],
    ['고려대구로병원', '고려대학교구로병원'],
    ['고려대안산병원', '고려대학교안산병원'],
    ['가톨릭대 서울성모병원', '가톨릭대학교 서울성모병원'],
    // short forms
    ['서울대병원', '서울대학교병원'],
    ['세브란스', '세브란스병원'],
    ['신촌세브란스병원', '세브란스병원'],
    ['이대목동병원', '이화여자대학교 목동병원'],
    ['분당서울대병원', '분당서울대학교병원'],
    ['춘천성심병원', '한림대학교 춘천성심병원'],
    ['인제대 서울백병원', '인제대학교 서울백병원'],
    // corporate prefixes, with and without a space, and the foundation's own name in front
    ['재단법인아산사회복지재단 서울아산병원', '서울아산병원'],
    ['(재)아산사회복지재단 서울아산병원', '서울아산병원'],
    ['학교법인 가톨릭학원 가톨릭대학교 서울성모병원', '가톨릭대학교 서울성모병원'],
    ['의료법인 명지의료재단 명지병원', '명지병원'],
    // English (ClinicalTrials.gov facility names)
    ['Seoul National University Hospital', '서울대학교병원'],
    ['Severance Hospital, Yonsei University Health System', '세브란스병원'],
    ['Samsung Medical Center', '삼성서울병원'],
    ['Asan Medical Center', '서울아산병원'],
    ["Seoul St. Mary's Hospital", '가톨릭대학교 서울성모병원'],
    ['Seoul National University Bundang Hospital', '분당서울대학교병원'],
    ['Korea University Anam Hospital', '고려대학교안암병원'],
    ['Jeonbuk National University Hospital', '전북대학교병원'],
    ['Chonbuk National University Hospital', '전북대학교병원'],
  ])('%s → %s', (spelling, canonical) => {
    expect(canonicalInstitution(spelling)).toBe(canonical)
  })

  it('passes unknown names through, cleaned (spacing, corporate prefixes), never dropped', () => {
    expect(canonicalInstitution('  아주대학교   산학협력단 ')).toBe('아주대학교 산학협력단')
    expect(canonicalInstitution('(주)종근당')).toBe('(주)종근당')
    expect(canonicalInstitution('재단법인 한국보건의료연구원')).toBe('한국보건의료연구원')
    expect(cleanInstitutionName('사회복지법인 삼성생명공익재단 삼성서울병원')).toBe('삼성서울병원')
    expect(canonicalInstitution('')).toBeUndefined()
    expect(canonicalInstitution(null)).toBeUndefined()
  })

  it('every 연구책임기관 of the real iCReaT capture gets one name per hospital', () => {
    const rows = fixture('icreat-3074271-rows.json') as Array<Record<string, string>>
    const names = new Set(rows.map((r) => canonicalInstitution(r['연구책임기관'])))
    // 고려대학교 안암병원 / 고려대안암병원, 세브란스병원 / 신촌세브란스병원 … collapse.
    expect(names.has('고려대학교안암병원')).toBe(true)
    expect(names.has('고려대안암병원')).toBe(false)
    expect(names.has('신촌세브란스병원')).toBe(false)
    expect(names.has('고려대학교 구로병원')).toBe(false)
    expect(new Set(rows.map((r) => r['연구책임기관'])).size - names.size).toBeGreaterThanOrEqual(4)
  })

  it('a site keeps the source spelling beside its canonical and English names', () => {
    expect(siteRefOf('고려대안암병원')).toEqual({
      name: '고려대학교안암병원',
      nameEn: 'Korea University Anam Hospital',
      sourceName: '고려대안암병원',
    })
    expect(siteRefOf('한국한의학연구원')).toEqual({ name: '한국한의학연구원', sourceName: '한국한의학연구원' })
    expect(siteRefOf('   ')).toBeUndefined()
  })
})
