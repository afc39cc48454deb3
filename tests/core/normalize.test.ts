import { describe, expect, it } from 'vitest'
import { canonicalText, identicalValue, sameValue } from '../../electron/core/normalize/canonicalValue'

describe('formatting-only differences are not changes', () => {
  it.each([
    ['surrounding white space', '  서울대학교병원 ', '서울대학교병원'],
    ['CRLF vs LF', 'a\r\nb', 'a\nb'],
    ['NFD vs NFC Korean', '진료과'.normalize('NFD'), '진료과'],
    ['null vs empty string', null, ''],
    ['missing vs empty string', undefined, '   '],
    ['number vs string', 120, '120'],
    ['date with slashes vs hyphens', '2011/07/18', '2011-07-18'],
    ['unpadded date', '2011-7-8', '2011/07/08'],
    ['nested objects, key order and empty members', [{ b: ' x', a: 1, c: '' }], [{ a: '1', b: 'x' }]],
    ['empty array vs missing', [], undefined],
  ])('%s', (_label, a, b) => {
    expect(sameValue(a, b)).toBe(true)
  })

  it.each([
    ['different text', '서울대학교병원', '서울아산병원'],
    ['different number', 120, '121'],
    ['inner white space matters', 'a b', 'a  b'],
    ['different date', '2011/07/18', '2011-07-19'],
    ['nested value changed', [{ a: 1 }], [{ a: 2 }]],
    ['value vs empty', 'x', ''],
  ])('%s is a change', (_label, a, b) => {
    expect(sameValue(a, b)).toBe(false)
  })

  it('gives one filter text for equivalent values', () => {
    expect(canonicalText(' 120 ')).toBe(canonicalText(120))
    expect(canonicalText('')).toBeNull()
  })
})

describe('identical values (the no-change fast path)', () => {
  it('compares nested data as received, ignoring key order only', () => {
    const value = { a: [1, { b: '진료과', c: null }], d: 'x' }
    expect(identicalValue(value, structuredClone(value))).toBe(true)
    expect(identicalValue({ d: 'x', a: [1, { c: null, b: '진료과' }] }, value)).toBe(true)
    expect(identicalValue({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(identicalValue({ a: ' x' }, { a: 'x' })).toBe(false) // formatting differences go the slow path
    expect(identicalValue([1, 2], { 0: 1, 1: 2 })).toBe(false)
    expect(identicalValue('120', 120)).toBe(false)
  })
})
