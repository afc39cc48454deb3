import { describe, expect, it } from 'vitest'
import { type ListQuery, FACET_FIELDS } from '../../shared/trials'
import { getTrial } from '../../electron/core/query/getTrial'
import { listTrials } from '../../electron/core/query/listTrials'
import { createTrialIndex } from '../../electron/core/query/trialIndex'
import { storedTrial } from '../helpers/storeData'

const NOW = '2026-03-10T00:00:00.000Z'
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString()

const trials = [
  storedTrial('C1', {
    changedAt: daysAgo(1),
    changeKind: 'new',
    fields: {
      과제번호: 'C1',
      과제명: '급성심근경색 환자 연구',
      진료과: 'Cardiology',
      연구범위: '단일기관',
      전체목표연구대상자수: 120,
    },
    common: {
      title: '급성심근경색 환자 연구',
      department: 'Cardiology',
      scope: '단일기관',
      institution: '서울대학교병원',
      targetSize: '120',
    },
  }),
  storedTrial('C2', {
    changedAt: daysAgo(3),
    changeKind: 'updated',
    fields: {
      과제번호: 'C2',
      과제명: 'Lymphoma Study',
      진료과: 'Hematology',
      연구범위: '국내다기관',
      요약: '림프종'.normalize('NFD'),
    },
    common: {
      title: 'Lymphoma Study',
      department: 'Hematology',
      scope: '국내다기관',
      institution: '서울아산병원',
      sourceUpdatedAt: '2026-01-05',
    },
    history: [
      { at: daysAgo(30), kind: 'created', changes: [] },
      { at: daysAgo(3), kind: 'updated', changes: [{ field: '진료과', from: 'Oncology', to: 'Hematology' }] },
    ],
  }),
  storedTrial('C3', {
    changedAt: daysAgo(10),
    changeKind: 'new',
    fields: { 과제번호: 'C3', 과제명: 'Asthma cohort', 진료과: 'Pediatrics', 연구범위: '국내다기관' },
    common: {
      title: 'Asthma cohort',
      department: 'Pediatrics',
      scope: '국내다기관',
      institution: '서울대학교병원',
      sourceUpdatedAt: '2026-02-01',
    },
  }),
  storedTrial('C4', {
    changedAt: daysAgo(2),
    changeKind: 'removed',
    removedAt: daysAgo(2),
    fields: { 과제번호: 'C4', 과제명: 'Old removed trial', 진료과: 'Cardiology' },
    common: { title: 'Old removed trial', department: 'Cardiology' },
  }),
  storedTrial('K5', {
    source: 'cris',
    id: 'cris:K5',
    changedAt: daysAgo(5),
    changeKind: 'new',
    fields: { trial_id: 'K5', scientific_title_kr: '당뇨병 중재연구', status: 'Recruiting' },
    common: { title: '당뇨병 중재연구', status: 'Recruiting', department: 'Cardiology' },
  }),
]
const index = createTrialIndex(trials)
const list = (q: ListQuery) => listTrials(index, { now: NOW, ...q })
const idsOf = (q: ListQuery) => list(q).items.map((t) => t.id)

describe('list window and removed records', () => {
  it('defaults to trials changed within 7 days as of now, newest first, without removed ones', () => {
    expect(idsOf({})).toEqual(['icreat:C1', 'icreat:C2', 'cris:K5'])
  })
  it('honours withinDays, null for all, and the reference time', () => {
    expect(idsOf({ withinDays: 2 })).toEqual(['icreat:C1'])
    expect(idsOf({ withinDays: null })).toEqual(['icreat:C1', 'icreat:C2', 'cris:K5', 'icreat:C3'])
    expect(idsOf({ now: daysAgo(8), withinDays: 7 })).toEqual(['icreat:C3'])
  })
  it('shows removed records only when asked', () => {
    expect(idsOf({ includeRemoved: true })).toEqual(['icreat:C1', 'icreat:C4', 'icreat:C2', 'cris:K5'])
    expect(idsOf({ kinds: ['removed'] })).toEqual(['icreat:C4'])
  })
})

describe('list filters', () => {
  it('searches title and every text field, case-insensitively, Korean after NFC', () => {
    expect(idsOf({ withinDays: null, q: 'lymphoma' })).toEqual(['icreat:C2'])
    expect(idsOf({ withinDays: null, q: '심근경색' })).toEqual(['icreat:C1'])
    expect(idsOf({ withinDays: null, q: '림프종' })).toEqual(['icreat:C2']) // stored as NFD
    expect(idsOf({ withinDays: null, q: '서울아산'.normalize('NFD') })).toEqual(['icreat:C2'])
    expect(idsOf({ withinDays: null, q: 'PEDIATRICS' })).toEqual(['icreat:C3'])
    expect(idsOf({ withinDays: null, q: 'nothing-like-this' })).toEqual([])
  })
  it('filters by source and change kind', () => {
    expect(idsOf({ withinDays: null, sources: ['cris'] })).toEqual(['cris:K5'])
    expect(idsOf({ withinDays: null, kinds: ['updated'] })).toEqual(['icreat:C2'])
  })
  it('filters by exact field value: common or source column name; same name OR, different names AND', () => {
    expect(idsOf({ withinDays: null, fields: [{ name: '진료과', value: 'Cardiology' }] })).toEqual(['icreat:C1'])
    expect(idsOf({ withinDays: null, fields: [{ name: 'department', value: 'Cardiology' }] })).toEqual([
      'icreat:C1',
      'cris:K5',
    ])
    expect(
      idsOf({
        withinDays: null,
        fields: [
          { name: 'scope', value: '국내다기관' },
          { name: 'scope', value: '단일기관' },
        ],
      }),
    ).toEqual(['icreat:C1', 'icreat:C2', 'icreat:C3'])
    expect(
      idsOf({
        withinDays: null,
        fields: [
          { name: 'scope', value: '국내다기관' },
          { name: 'institution', value: '서울대학교병원' },
        ],
      }),
    ).toEqual(['icreat:C3'])
    expect(idsOf({ withinDays: null, fields: [{ name: '전체목표연구대상자수', value: '120' }] })).toEqual(['icreat:C1'])
    expect(idsOf({ withinDays: null, fields: [{ name: '진료과', value: 'cardio' }] })).toEqual([])
  })
  it('rejects an unknown field name as a usage error', () => {
    expect(() => list({ fields: [{ name: '진료가', value: 'x' }] })).toThrow(expect.objectContaining({ code: 'USAGE' }))
  })
})

describe('list sort, pagination and facets', () => {
  it('sorts by title, id and source update date', () => {
    // Korean collation: Hangul titles in 가나다 order, then Latin ones alphabetically.
    expect(idsOf({ withinDays: null, sort: 'title' })).toEqual(['icreat:C1', 'cris:K5', 'icreat:C3', 'icreat:C2'])
    expect(idsOf({ withinDays: null, sort: 'id' })).toEqual(['cris:K5', 'icreat:C1', 'icreat:C2', 'icreat:C3'])
    expect(idsOf({ withinDays: null, sort: 'sourceUpdated' })).toEqual([
      'icreat:C3',
      'icreat:C2',
      'icreat:C1',
      'cris:K5',
    ])
  })
  it('pages with offset and limit, total counting the whole filtered set', () => {
    const page = list({ withinDays: null, offset: 1, limit: 2 })
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 })
    expect(page.items.map((t) => t.id)).toEqual(['icreat:C2', 'cris:K5'])
    expect(list({ withinDays: null, offset: 10 }).items).toEqual([])
    expect(list({}).limit).toBe(20)
  })
  it.each([
    [{ limit: 0 }],
    [{ limit: 101 }],
    [{ limit: 2.5 }],
    [{ offset: -1 }],
    [{ withinDays: 0 }],
    [{ now: 'yesterday' }],
    [{ sort: 'random' as never }],
    [{ kinds: ['gone' as never] }],
  ])('rejects %j as a usage error', (bad) => {
    expect(() => list(bad)).toThrow(expect.objectContaining({ code: 'USAGE' }))
  })
  it('counts facet values over the filtered set, the selected facet itself without its own selection', () => {
    const { facets } = list({ withinDays: null, sources: ['icreat'] })
    // Only the facets iCReaT records have values for (the store's CRIS record has no phases, sites or recruitment).
    expect(Object.keys(facets).sort()).toEqual(['changeKind', 'department', 'institution', 'scope', 'source'])
    expect(FACET_FIELDS).toContain('recruitment')
    expect(facets.scope).toEqual([
      { value: '국내다기관', count: 2 },
      { value: '단일기관', count: 1 },
    ])
    expect(facets.source).toEqual([
      { value: 'icreat', count: 3, selectedBy: ['icreat'] }, // selected
      { value: 'cris', count: 1 },
    ])
    expect(facets.changeKind).toEqual([
      { value: 'new', count: 2 },
      { value: 'updated', count: 1 },
    ])
    expect(list({ withinDays: null, q: 'asthma' }).facets.department).toEqual([{ value: 'Pediatrics', count: 1 }])
  })
  it('returns summaries with common fields', () => {
    expect(list({ withinDays: null, limit: 1 }).items[0]).toMatchObject({
      id: 'icreat:C1',
      source: 'icreat',
      sourceId: 'C1',
      title: '급성심근경색 환자 연구',
      department: 'Cardiology',
      changeKind: 'new',
    })
  })
})

describe('get', () => {
  const attribution = () => ({ text: '출처', licence: 'KOGL', url: 'https://example.org' })
  it('returns the whole record with history newest first', () => {
    const detail = getTrial(index, 'icreat:C2', attribution)
    expect(detail).toMatchObject({ id: 'icreat:C2', fields: { 진료과: 'Hematology' }, attribution: { text: '출처' } })
    expect(detail.history.map((h) => h.kind)).toEqual(['updated', 'created'])
  })
  it('throws NOT_FOUND for an unknown id', () => {
    expect(() => getTrial(index, 'icreat:NOPE', attribution)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})

describe('text search across records', () => {
  it('needs every term in the same record, and never matches across two records', () => {
    const two = createTrialIndex([
      storedTrial('A1', { fields: { 과제명: 'alpha beta' }, common: { title: 'alpha beta' } }),
      storedTrial('A2', { fields: { 과제명: 'gamma' }, common: { title: 'gamma' } }),
      storedTrial('A3', { fields: { 과제명: 'beta gamma' }, common: { title: 'beta gamma' } }),
    ])
    const found = (q: string) => listTrials(two, { withinDays: null, q, sort: 'id' }).items.map((t) => t.sourceId)
    expect(found('beta')).toEqual(['A1', 'A3'])
    expect(found('gamma beta')).toEqual(['A3'])
    expect(found('betagamma')).toEqual([])
    expect(found('a3')).toEqual(['A3'])
  })
  it('finds ASCII terms inside Korean fields, mixed and one-letter terms, nested values, and dates as shown', () => {
    const mixed = createTrialIndex([
      storedTrial('M1', {
        fields: { 과제명: '코로나19(COVID-19) 백신 연구', items: [{ name: 'Pfizer 백신' }] },
        common: { title: '코로나19 백신' },
      }),
      storedTrial('M2', {
        fields: { 과제명: 'Plain English title', 등록일: '2011/07/18' },
        common: { title: 'Plain English title', registeredAt: '2011-07-18' },
      }),
      storedTrial('M3', { fields: { 과제명: '위암 환자', flag: true }, common: { title: '위암 환자' } }),
    ])
    const found = (q: string) => listTrials(mixed, { withinDays: null, q, sort: 'id' }).items.map((t) => t.sourceId)
    expect(found('covid-19')).toEqual(['M1'])
    expect(found('(covid-19)')).toEqual(['M1'])
    expect(found('19)백신')).toEqual([]) // the record has a space there
    expect(found('pfizer')).toEqual(['M1'])
    expect(found('암')).toEqual(['M3'])
    expect(found('z')).toEqual(['M1'])
    expect(found('h')).toEqual(['M2'])
    expect(found('2011-07-18')).toEqual(['M2'])
    expect(found('2011/07/18')).toEqual(['M2'])
    expect(found('true')).toEqual([])
  })
  it('after a sync, an index rebuilt from the previous one finds changed records by their new text only', () => {
    const before = createTrialIndex([
      storedTrial('R1', { fields: { 과제명: 'aspirin 연구' }, common: { title: 'aspirin 연구' } }),
      storedTrial('R2', { fields: { 과제명: 'metformin 연구' }, common: { title: 'metformin 연구' } }),
    ])
    const [r1, r2] = before.entries.map((e) => e.trial)
    const after = createTrialIndex(
      [
        { ...r2, lastSeenAt: NOW }, // unchanged: same field objects
        { ...r1, fields: { 과제명: '로수바스타틴 연구' }, common: { title: '로수바스타틴 연구' } },
        storedTrial('R3', { fields: { 과제명: 'aspirin 신규' }, common: { title: 'aspirin 신규' } }),
      ],
      before,
    )
    const found = (q: string) => listTrials(after, { withinDays: null, q, sort: 'id' }).items.map((t) => t.sourceId)
    expect(found('metformin')).toEqual(['R2'])
    expect(found('aspirin')).toEqual(['R3'])
    expect(found('로수바스타틴')).toEqual(['R1'])
  })
})
