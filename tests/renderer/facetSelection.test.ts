import { describe, expect, it } from 'vitest'
import type { FacetValue } from '../../shared/trials'
import { isValueSelected, selectedSitesOf, toggleFacetValue, type ListState } from '../../renderer/src/lib/query'

const state = (fields: ListState['fields']): ListState => ({ offset: 40, limit: 20, fields })

describe('facet menu selection with spellings the core normalised', () => {
  it('unchecking one phase of a "2상/3상" filter keeps the other checked', () => {
    const menu: FacetValue[] = [
      { value: 'phase2', count: 3, selectedBy: ['2상/3상'] },
      { value: 'phase3', count: 2, selectedBy: ['2상/3상'] },
      { value: 'phase1', count: 5 },
    ]
    const before = state([{ name: 'phase', value: '2상/3상' }])
    expect(menu.map((v) => isValueSelected(before, 'phase', v))).toEqual([true, true, false])
    const after = toggleFacetValue(before, 'phase', menu[0], menu)
    expect(after.fields).toEqual([{ name: 'phase', value: 'phase3' }])
    expect(after.offset).toBe(0)
  })

  it('unchecking a hospital selected by its canonical name and an alias removes both', () => {
    const menu: FacetValue[] = [{ value: '서울대학교병원', count: 4, selectedBy: ['서울대병원', '서울대학교병원'] }]
    const before = state([
      { name: 'site', value: '서울대병원' },
      { name: 'site', value: '서울대학교병원' },
      { name: 'phase', value: 'phase1' },
    ])
    expect(selectedSitesOf(before, menu)).toEqual(['서울대학교병원', '서울대병원'])
    expect(toggleFacetValue(before, 'site', menu[0], menu).fields).toEqual([{ name: 'phase', value: 'phase1' }])
  })

  it('checking a value adds it under its own name', () => {
    const v: FacetValue = { value: '세브란스병원', count: 2 }
    expect(toggleFacetValue(state(undefined), 'site', v, [v]).fields).toEqual([{ name: 'site', value: '세브란스병원' }])
  })
})
