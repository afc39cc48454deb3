/** The distinct values of the search text, each kept once and found again by its bytes (see textValues.ts). */
import { describe, expect, it } from 'vitest'
import { createTextValues, internText, internValue, textOfValues } from '../../electron/core/query/textValues'

const utf8 = (text: string) => Buffer.from(text, 'utf8')
const intern = (values: ReturnType<typeof createTextValues>, text: string) => {
  const bytes = utf8(text)
  return internValue(values, bytes, 0, bytes.length)
}
const valueOf = (values: ReturnType<typeof createTextValues>, id: number) =>
  values.bytes.toString('utf8', values.starts[id], values.starts[id + 1])

describe('the search text values', () => {
  it('gives a value the same id every time, and each new value its own, through growth and rehashing', () => {
    // Far too small at first: bytes, starts and the hash table all grow several times.
    const values = createTextValues(10, 2)
    const texts = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `서울대학교병원 ${i}` : `site ${i} hospital`))
    const idsFirst = texts.map((text) => intern(values, text))
    expect(new Set(idsFirst).size).toBe(texts.length)
    expect(values.count).toBe(texts.length)
    // Asked again (after every growth), each value is found, not added.
    expect(texts.map((text) => intern(values, text))).toEqual(idsFirst)
    expect(values.count).toBe(texts.length)
    expect(idsFirst.map((id) => valueOf(values, id))).toEqual(texts)
    expect(values.slots.length).toBeGreaterThanOrEqual(2 * values.count)
  })

  it('tells apart values of the same length and values that are prefixes of others', () => {
    const values = createTextValues(1024, 16)
    const ids = ['폐암', '간암', '폐암 환자', '', 'ab', 'ba', 'abc'].map((text) => intern(values, text))
    expect(new Set(ids).size).toBe(7)
    expect(intern(values, '폐암')).toBe(ids[0])
    expect(intern(values, '')).toBe(ids[3])
  })

  it('splits a record text at U+0001 into value ids, and joins them back to the same text', () => {
    const values = createTextValues(1024, 16)
    const first = internText(values, 'kct0001234\u0001비소세포폐암\u0001seoul national university hospital').slice()
    const second = internText(values, 'kct0005678\u0001seoul national university hospital\u0001비소세포폐암').slice()
    expect(first).toHaveLength(3)
    // The shared values are the same ids, in each record's own order.
    expect(second[1]).toBe(first[2])
    expect(second[2]).toBe(first[1])
    expect(values.count).toBe(4)
    expect(textOfValues(values, second, 0, second.length)).toBe(
      'kct0005678\u0001seoul national university hospital\u0001비소세포폐암',
    )
  })
})
