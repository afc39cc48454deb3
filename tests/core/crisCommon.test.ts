/** The real CRIS captures (tests/fixtures/cris) read and mapped onto the common fields. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCrisSource, crisToCommon } from '../../electron/core/sources/cris'
import { parseDetail, parseListPage } from '../../electron/core/sources/cris/crisEnvelope'
import { mergeDetail } from '../../electron/core/sources/cris/mergeRecord'
import { sourceConfigFromEnv } from '../../electron/core/sources'

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/cris', name), 'utf8')

describe('real /list capture', () => {
  const page = parseListPage(fixture('list-page.json'))

  it('reads the flat envelope whose numbers arrive as strings', () => {
    expect(page.totalCount).toBe(19)
    expect(page.items.map((i) => i.trial_id)).toEqual(['KCT0009342', 'KCT0008659', 'KCT0005497'])
    expect(page.rejected).toBe(0)
  })

  it('maps a list item: one-line title, empty phase absent, list dates; the primary sponsor is the sponsor, not a site', () => {
    const common = crisToCommon(page.items[1])
    expect(common).toEqual({
      title:
        '포도당 대사가 활성화된 진행성 편평상피세포폐암 환자에서 면역 항암 화학요법과 혈당 강하제 메트포르민의 병합요법에 관한 무작위 배정 제2상 연구',
      titleEn: expect.stringMatching(/^Randomized phase II study of chemoimmunotherapy with or without metformin as/),
      sponsor: '국립암센터',
      studyType: '중재연구',
      registeredAt: '2023-07-28',
      sourceUpdatedAt: '2024-01-30',
    })
  })
})

describe('real /detail capture', () => {
  const detail = parseDetail(fixture('detail.json'), 'KCT0000145')

  it('drops the envelope keys and keeps the record', () => {
    expect(detail).not.toHaveProperty('resultCode')
    expect(detail.recruitment_status_kr).toBe('연구종결')
  })

  it('maps detail-only fields: sponsor from sponsor_items, sites, institution, slashed dates, status, target size', () => {
    expect(crisToCommon(detail)).toMatchObject({
      // A pharmaceutical sponsor is the sponsor; the hospital where patients are seen is the site.
      sponsor: '동화약품(주)',
      sites: [{ name: '전북대학교병원', nameEn: 'Jeonbuk National University Hospital', sourceName: '전북대학교병원' }],
      institution: '전북대학교병원',
      recruitment: 'completed',
      registeredAt: '2011-07-18',
      sourceUpdatedAt: '2013-12-04',
      status: '연구종결',
      targetSize: '12',
    })
    // phase_kr "" in the detail: no phases rather than a guess.
    expect(crisToCommon(detail).phases).toBeUndefined()
  })

  it('merged under a list entry, keeps the list values for the keys the list has', () => {
    const listItem = {
      trial_id: 'KCT0000145',
      date_updated: '2013-12-04',
      primary_sponsor_kr: '전북대학교병원',
      i_freetext_kr: '의약품',
    }
    const merged = mergeDetail(listItem, detail)
    expect(merged.date_updated).toBe('2013-12-04')
    expect(merged).not.toHaveProperty('detail:date_updated') // 2013/12/04 is the same day
    expect(merged.i_freetext_kr).toBe('의약품')
    // The detail's intervention description is not lost under the list's intervention type.
    expect(merged['detail:i_freetext_kr']).toBe(detail.i_freetext_kr)
    expect(String(merged['detail:i_freetext_kr'])).toMatch(/^1군/)
    expect(merged.i_freetext_type_kr).toBe('의약품')
    expect(crisToCommon(merged).institution).toBe('전북대학교병원')
  })

  it('"no data" (03) for a detail is NOT_FOUND and names the trial', () => {
    const noData = JSON.stringify({ resultCode: '03', resultMsg: 'NODATA_ERROR' })
    expect(() => parseDetail(noData, 'KCT9999999')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringContaining('KCT9999999') }),
    )
  })

  it('a detail for another trial than asked is not accepted', () => {
    expect(() => parseDetail(fixture('detail.json'), 'KCT0000146')).toThrow(/KCT0000145 when KCT0000146/)
  })
})

describe('recruitment status', () => {
  it('one spelling per meaning, so the status filter lists each once', () => {
    const statusOf = (recruitment_status_kr: string) =>
      crisToCommon({ trial_id: 'KCT0000001', recruitment_status_kr }).status
    expect(statusOf('모집 중')).toBe('모집중')
    expect(statusOf('모집중')).toBe('모집중')
    expect(statusOf('대상자 모집 전')).toBe('모집전')
    expect(statusOf('연구종결')).toBe('연구종결')
    expect(statusOf(' ')).toBeUndefined()
  })
})

describe('envelope variants', () => {
  const envelope = (items: unknown) =>
    JSON.stringify({
      resultCode: '00',
      resultMsg: 'NORMAL_SERVICE',
      totalCount: '1',
      ...(items === undefined ? {} : { items }),
    })

  it('items as a single object, missing, empty string or without trial_id', () => {
    expect(parseListPage(envelope({ trial_id: 'KCT0000001' })).items).toHaveLength(1)
    expect(parseListPage(envelope(undefined)).items).toEqual([])
    expect(parseListPage(envelope('')).items).toEqual([])
    expect(parseListPage(envelope([{ trial_id: '' }, { title: 'x' }, { trial_id: 'KCT0000002' }]))).toMatchObject({
      rejected: 2,
      items: [{ trial_id: 'KCT0000002' }],
    })
  })

  it('a success envelope without totalCount is BAD_RESPONSE', () => {
    expect(() => parseListPage(JSON.stringify({ resultCode: '00', items: [] }))).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    )
  })
})

describe('the source contract', () => {
  it('date_updated alone is bookkeeping; columns back the common fields for --field filters', () => {
    const source = createCrisSource(sourceConfigFromEnv({}))
    expect(source.id).toBe('cris')
    expect(source.bookkeepingFields).toEqual(['date_updated', 'detail:date_updated'])
    expect(source.columnToCommon).toMatchObject({
      recruitment_status_kr: 'recruitment',
      phase_kr: 'phases',
      research_items: 'sites',
      primary_sponsor_kr: 'sponsor',
      date_updated: 'sourceUpdatedAt',
    })
  })
})
