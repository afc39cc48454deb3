import { describe, expect, it } from 'vitest'
import { latestChangeOf } from '../../../electron/core/clinical/changeSummary'
import type { HistoryEntry } from '../../../shared/trials'

const AT = '2026-08-01T00:00:00.000Z'
const entry = (changes: HistoryEntry['changes']): HistoryEntry[] => [
  { at: '2026-01-01T00:00:00.000Z', kind: 'created', changes: [] },
  { at: AT, kind: 'updated', changes },
]
const fieldsOf = (history: HistoryEntry[]) => latestChangeOf('cris', history)?.fields.map((f) => f.field)

describe('the change line of a list item (latestChange)', () => {
  it('puts the most meaningful fields first, whatever order the sync recorded them in', () => {
    const history = entry([
      { field: 'target_size', from: '100', to: '120' },
      { field: 'scientific_title_kr', from: '옛 제목', to: '새 제목' },
      { field: 'detail:phase_kr', from: '2상', to: '3상' },
      { field: 'recruitment_status_kr', from: '모집중', to: '모집종료' },
    ])
    expect(latestChangeOf('cris', history)).toEqual({
      at: AT,
      kind: 'updated',
      fields: [
        { field: 'recruitment_status_kr', key: 'recruitment', label: '모집 상태', from: '모집중', to: '모집종료' },
        { field: 'detail:phase_kr', key: 'phases', label: '임상시험 단계', from: '2상', to: '3상' },
        { field: 'scientific_title_kr', key: 'title', label: '과제명', from: '옛 제목', to: '새 제목' },
      ],
      moreFields: 1,
    })
  })

  it('shows one line per normalised field: the Korean column, not its English twin', () => {
    const history = entry([
      { field: 'recruitment_status_en', from: 'Recruiting', to: 'Completed' },
      { field: 'recruitment_status_kr', from: '모집중', to: '모집종료' },
    ])
    expect(latestChangeOf('cris', history)).toMatchObject({
      fields: [{ field: 'recruitment_status_kr', from: '모집중', to: '모집종료' }],
      moreFields: 0,
    })
  })

  it("keeps every column only the source has, after the normalised ones, in the source's order", () => {
    const history = entry([
      { field: 'contact_email', from: 'a@x.kr', to: 'b@x.kr' },
      { field: 'ethics_board', from: 'A', to: 'B' },
      { field: 'target_size', from: '1', to: '2' },
      { field: 'funding', from: 'A', to: 'B' },
    ])
    expect(fieldsOf(history)).toEqual(['target_size', 'contact_email', 'ethics_board'])
    expect(latestChangeOf('cris', history)?.moreFields).toBe(1)
  })

  it('reads lists of sites as their names, and is null without history', () => {
    const history = entry([
      {
        field: 'research_items',
        from: [{ site_name_kr: '서울대학교병원' }],
        to: [{ site_name_kr: '서울대학교병원' }, { site_name_kr: '세브란스병원' }],
      },
    ])
    expect(latestChangeOf('cris', history)?.fields[0]).toMatchObject({
      key: 'sites',
      label: '연구 실시기관',
      from: '서울대학교병원',
      to: '서울대학교병원, 세브란스병원',
    })
    expect(latestChangeOf('cris', [])).toBeNull()
  })
})
