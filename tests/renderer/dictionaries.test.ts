import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../shared/errors'
import { FACET_FIELDS, SYNC_WARNING_CODES } from '../../shared/trials'
import { en } from '../../renderer/src/i18n/en'
import { ko } from '../../renderer/src/i18n/ko'
import { createTranslate, fieldLabel } from '../../renderer/src/i18n/translate'
import crisDetail from '../fixtures/cris/detail.json'
import crisList from '../fixtures/cris/list-page.json'

const ICREAT_COLUMNS = [
  '과제명',
  '과제번호',
  '연구기간',
  '연구범위',
  '연구종류',
  '연구책임기관',
  '임상시험단계(연구모형)',
  '전체목표연구대상자수',
  '진료과',
]

describe('dictionaries', () => {
  it('English has exactly the Korean keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort())
  })

  it('has no empty strings and the same placeholders in both languages', () => {
    for (const key of Object.keys(ko) as Array<keyof typeof ko>) {
      expect(ko[key].trim(), key).not.toBe('')
      expect(en[key].trim(), key).not.toBe('')
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort()
      expect(names(en[key]), key).toEqual(names(ko[key]))
    }
  })

  it('translates every error code in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(ko, code).toHaveProperty(`error.${code}`)
      expect(en, code).toHaveProperty(`error.${code}`)
    }
  })

  it('translates every sync warning code in both languages', () => {
    for (const code of SYNC_WARNING_CODES) {
      expect(ko, code).toHaveProperty(`warning.${code}`)
      expect(en, code).toHaveProperty(`warning.${code}`)
    }
  })

  it('names every facet', () => {
    for (const facet of FACET_FIELDS) expect(ko).toHaveProperty(`facet.${facet}`)
  })

  it('labels every known iCReaT and CRIS column, and keeps unknown names raw', () => {
    const t = createTranslate('en')
    const crisKeys = new Set<string>([
      ...Object.keys(crisDetail),
      ...crisList.items.flatMap((item) => Object.keys(item)),
    ])
    for (const item of Object.values(crisDetail)) {
      if (Array.isArray(item)) for (const row of item) Object.keys(row as object).forEach((k) => crisKeys.add(k))
    }
    for (const column of [...ICREAT_COLUMNS, ...crisKeys]) expect(ko, column).toHaveProperty(`field.${column}`)
    expect(fieldLabel(t, 'scientific_title_kr')).toBe('Scientific title (Korean)')
    expect(fieldLabel(createTranslate('ko'), 'scientific_title_kr')).toBe('연구제목(국문)')
    expect(fieldLabel(t, 'some_new_column')).toBe('some_new_column')
  })
})
