import { describe, expect, it } from 'vitest'
import { en } from '../../renderer/src/i18n/en'
import { formatNumber } from '../../renderer/src/i18n/format'
import { createTranslate } from '../../renderer/src/i18n/translate'

describe('plural forms', () => {
  it('says "1 trial", "1 field" and "2 trials", "1,061 trials" in English', () => {
    const t = createTranslate('en')
    expect(t('list.total', { total: formatNumber(1, 'en') })).toBe('1 trial')
    expect(t('list.total', { total: formatNumber(2, 'en') })).toBe('2 trials')
    expect(t('list.total', { total: formatNumber(1061, 'en') })).toBe('1,061 trials')
    expect(t('history.changeCount', { count: 1 })).toBe('1 field')
    expect(t('history.changeCount', { count: 3 })).toBe('3 fields')
    expect(t('warning.ICREAT_ROWS_WITHOUT_ID', { count: 1 })).toBe('1 iCReaT row had no 과제번호 and was skipped.')
  })

  it('leaves Korean counts as they are', () => {
    const t = createTranslate('ko')
    expect(t('list.total', { total: formatNumber(1, 'ko') })).toBe('1건')
    expect(t('history.changeCount', { count: 1 })).toBe('1개 항목')
  })

  it('only ever chooses a form by a placeholder the message also shows', () => {
    for (const [key, text] of Object.entries(en)) {
      for (const [, name] of text.matchAll(/\{(\w+):[^|{}]*\|[^|{}]*\}/g)) expect(text, key).toContain(`{${name}}`)
    }
  })
})
