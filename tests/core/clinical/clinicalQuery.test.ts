import { describe, expect, it } from 'vitest'
import type { ListQuery } from '../../../shared/trials'
import { listTrials } from '../../../electron/core/query/listTrials'
import { createTrialIndex } from '../../../electron/core/query/trialIndex'
import { crisToCommon } from '../../../electron/core/sources/cris/crisCommon'
import { icreatToCommon } from '../../../electron/core/sources/icreat/icreatCommon'
import type { StoredTrial } from '../../../electron/core/store/types'
import { storedTrial } from '../../helpers/storeData'

const NOW = '2026-03-10T00:00:00.000Z'
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString()

/** A CRIS trial with details (or only its list entry when pending), common fields from the real mapping. */
function cris(
  id: string,
  days: number,
  detail: Record<string, unknown> | null,
  list: Record<string, unknown> = {},
): StoredTrial {
  const fields = {
    trial_id: id,
    scientific_title_kr: `과제 ${id}`,
    phase_kr: '해당사항없음',
    primary_sponsor_kr: '(주)한국제약',
    ...list,
    ...(detail ?? {}),
  }
  return storedTrial(id, {
    id: `cris:${id}`,
    source: 'cris',
    changedAt: daysAgo(days),
    fields,
    common: crisToCommon(fields),
    ...(detail ? {} : { detailsPending: true }),
  })
}
const site = (name: string) => ({ research_items: [{ site_name_kr: name }] })

const trials: StoredTrial[] = [
  cris(
    'K1',
    1,
    { recruitment_status_kr: '모집중', ...site('서울대학교병원'), hc_code_kr: '제2형 당뇨병' },
    { phase_kr: '3상' },
  ),
  cris(
    'K2',
    2,
    { recruitment_status_kr: '모집 중', ...site('세브란스병원') },
    { phase_kr: '2상/3상', scientific_title_en: 'Metformin in type 2 diabetes' },
  ),
  cris(
    'K3',
    3,
    {
      recruitment_status_kr: '모집전',
      research_items: [{ site_name_kr: '서울대병원' }, { site_name_kr: '신촌세브란스병원' }],
    },
    { phase_kr: '2상' },
  ),
  cris(
    'K4',
    20,
    { recruitment_status_kr: '연구종결', ...site('서울아산병원') },
    { scientific_title_kr: '당뇨병 환자의 운동 중재' },
  ),
  cris('K5', 4, { recruitment_status_kr: '모집종료', ...site('Seoul National University Hospital') }),
  cris('K6', 5, null, { scientific_title_kr: '폐암 환자 등록 연구' }),
  cris('K7', 40, null),
  storedTrial('C1', {
    changedAt: daysAgo(2),
    fields: {
      과제번호: 'C1',
      과제명: '폐암 코호트',
      연구책임기관: '서울대병원',
      진료과: 'Pulmonology',
      '임상시험단계(연구모형)': 'Phase 4',
    },
    common: icreatToCommon({
      과제번호: 'C1',
      과제명: '폐암 코호트',
      연구책임기관: '서울대병원',
      진료과: 'Pulmonology',
      '임상시험단계(연구모형)': 'Phase 4',
    }),
  }),
]
const index = createTrialIndex(trials)
const list = (q: ListQuery) => listTrials(index, { now: NOW, withinDays: null, ...q })
const ids = (q: ListQuery) =>
  list(q)
    .items.map((t) => t.sourceId)
    .sort()
const counts = (q: ListQuery, facet: keyof ReturnType<typeof list>['facets']) =>
  Object.fromEntries((list(q).facets[facet] ?? []).map((v) => [v.value, v.count]))

describe('disjunctive facets', () => {
  it('checking 모집 중 does not hide the other statuses from the same menu, and narrows the others', () => {
    const q: ListQuery = { fields: [{ name: 'recruitment', value: 'recruiting' }] }
    expect(ids(q)).toEqual(['K1', 'K2'])
    expect(counts(q, 'recruitment')).toEqual({
      recruiting: 2,
      not_yet_recruiting: 1,
      completed: 1,
      active_not_recruiting: 1,
    })
    // Other facets count only the recruiting trials (AND across facets).
    expect(counts(q, 'site')).toEqual({ 서울대학교병원: 1, 세브란스병원: 1 })
  })

  it('values of one facet combine with OR, facets with AND', () => {
    expect(
      ids({
        fields: [
          { name: 'recruitment', value: 'recruiting' },
          { name: 'recruitment', value: 'not_yet_recruiting' },
        ],
      }),
    ).toEqual(['K1', 'K2', 'K3'])
    expect(
      ids({
        fields: [
          { name: 'recruitment', value: 'recruiting' },
          { name: 'recruitment', value: 'not_yet_recruiting' },
          { name: 'phase', value: 'phase3' },
        ],
      }),
    ).toEqual(['K1', 'K2'])
  })

  it('one entry per phase, a trial of 2상/3상 counted in both', () => {
    expect(counts({}, 'phase')).toEqual({ phase2: 2, phase3: 2, not_applicable: 4, phase4: 1 })
    expect(ids({ fields: [{ name: 'phase', value: '2상' }] })).toEqual(['K2', 'K3'])
    expect(ids({ fields: [{ name: 'phase', value: 'Phase 2' }] })).toEqual(['K2', 'K3'])
  })

  it('a site filter in any spelling matches every alias of the hospital, across sources', () => {
    for (const spelling of ['서울대병원', '서울대학교병원', 'Seoul National University Hospital']) {
      expect(ids({ fields: [{ name: 'site', value: spelling }] })).toEqual(['C1', 'K1', 'K3', 'K5'])
    }
    expect(ids({ fields: [{ name: 'site', value: '세브란스' }] })).toEqual(['K2', 'K3'])
    const sites = list({}).facets.site!
    expect(sites.find((s) => s.value === '서울대학교병원')).toEqual({
      value: '서울대학교병원',
      count: 4,
      en: 'Seoul National University Hospital',
    })
    expect(sites.map((s) => s.value)).not.toContain('서울대병원')
    // The menu says which of the query's spellings select the canonical hospital (the app checks it and unchecks both).
    const picked = list({
      fields: [
        { name: 'site', value: '서울대병원' },
        { name: 'site', value: 'Seoul National University Hospital' },
        { name: 'site', value: '세브란스' },
      ],
    }).facets.site!
    expect(picked.find((s) => s.value === '서울대학교병원')?.selectedBy).toEqual([
      '서울대병원',
      'Seoul National University Hospital',
    ])
    expect(picked.find((s) => s.value === '세브란스병원')?.selectedBy).toEqual(['세브란스'])
    expect(picked.filter((s) => s.selectedBy).map((s) => s.value)).toEqual(['서울대학교병원', '세브란스병원'])
  })

  it('hides facets that do not apply to the sources in scope, keeps a selected value with 0', () => {
    const icreatOnly = list({ sources: ['icreat'] }).facets
    expect(icreatOnly.recruitment).toBeUndefined()
    expect(icreatOnly.department).toEqual([{ value: 'Pulmonology', count: 1 }])
    expect(list({ sources: ['cris'] }).facets.department).toBeUndefined()
    const none = list({ fields: [{ name: 'recruitment', value: 'withdrawn' }] })
    expect(none.total).toBe(0)
    expect(none.facets.recruitment).toContainEqual({ value: 'withdrawn', count: 0, selectedBy: ['withdrawn'] })
  })

  it('the condition facet shows one name per condition, filters by any synonym', () => {
    expect(counts({}, 'condition')).toEqual({ '제2형 당뇨병': 1 })
    expect(ids({ fields: [{ name: 'condition', value: 'type 2 diabetes' }] })).toEqual(['K1'])
    expect(ids({ fields: [{ name: 'condition', value: 'T2DM' }] })).toEqual(['K1'])
  })
})

describe('recruiting-only toggle', () => {
  it('keeps recruiting, not yet recruiting and enrolling by invitation; the status menu still shows every status', () => {
    const q: ListQuery = { recruitingOnly: true }
    expect(ids(q)).toEqual(['K1', 'K2', 'K3'])
    expect(counts(q, 'recruitment')).toMatchObject({ completed: 1, active_not_recruiting: 1, recruiting: 2 })
    expect(ids({ recruitingOnly: true, fields: [{ name: 'site', value: '서울대병원' }] })).toEqual(['K1', 'K3'])
    // AND with a selection in the menu.
    expect(ids({ recruitingOnly: true, fields: [{ name: 'recruitment', value: 'completed' }] })).toEqual([])
  })
})

describe('window hint', () => {
  it('says how many match without the window', () => {
    const windowed = list({ withinDays: 7, fields: [{ name: 'site', value: '서울대병원' }] })
    expect(windowed.total).toBe(4)
    expect(list({ withinDays: 2, fields: [{ name: 'site', value: '서울대병원' }] })).toMatchObject({
      total: 2,
      totalAllTime: 4,
    })
    expect(list({ withinDays: 7 })).toMatchObject({ total: 6, totalAllTime: 8 })
    expect(list({ withinDays: 7, q: '당뇨' })).toMatchObject({ total: 2, totalAllTime: 3 })
    expect(list({}).totalAllTime).toBeNull()
  })
})

describe('trials whose details are pending', () => {
  it('are counted as not yet classified for the detail facets, not silently left out', () => {
    const all = list({})
    expect(all.unclassified).toEqual({ recruitment: 2, site: 2, condition: 2, institution: 2 })
    const filtered = list({ fields: [{ name: 'recruitment', value: 'recruiting' }] })
    expect(filtered.total).toBe(2)
    expect(filtered.unclassified.recruitment).toBe(2)
    // Filters on list fields still see them.
    expect(ids({ fields: [{ name: 'sponsor', value: '(주)한국제약' }] })).toHaveLength(7)
  })
})

describe('text search across languages', () => {
  it('"diabetes" finds Korean-only records and "당뇨" English-only ones, with the terms to highlight', () => {
    expect(ids({ q: 'diabetes' })).toEqual(['K1', 'K2', 'K4'])
    expect(ids({ q: '당뇨' })).toEqual(['K1', 'K2', 'K4'])
    const k4 = list({ q: 'diabetes' }).items.find((t) => t.sourceId === 'K4')!
    expect(k4.matchedTerms).toEqual(expect.arrayContaining(['당뇨', '당뇨병']))
    expect(k4.matchedTerms).not.toContain('diabetes')
    const k2 = list({ q: '당뇨' }).items.find((t) => t.sourceId === 'K2')!
    expect(k2.matchedTerms).toContain('diabetes')
    // Found by its condition alone (title 과제 K1): the condition is what the row highlights.
    const k1 = list({ q: 'diabetes' }).items.find((t) => t.sourceId === 'K1')!
    expect(k1.conditions).toEqual(['제2형 당뇨병'])
    expect(k1.matchedTerms).toContain('당뇨병')
  })

  it('a condition phrase of several words is one term: "lung cancer" finds 폐암', () => {
    expect(ids({ q: 'lung cancer' })).toEqual(['C1', 'K6'])
    expect(ids({ q: 'NSCLC' })).toEqual([])
  })
})

describe('latest change on list items', () => {
  it('summarises the newest history entry, most meaningful first, without bookkeeping fields', () => {
    const at = daysAgo(1)
    const trial = storedTrial('K9', {
      id: 'cris:K9',
      source: 'cris',
      changedAt: at,
      changeKind: 'updated',
      history: [
        { at: daysAgo(30), kind: 'created', changes: [] },
        {
          at,
          kind: 'updated',
          changes: [
            { field: 'primary_outcome_1_kr', from: 'A', to: 'B' },
            { field: 'target_size', from: 100, to: 120 },
            { field: 'recruitment_status_en', from: 'Recruiting', to: 'Active, not recruiting' },
            { field: 'recruitment_status_kr', from: '모집중', to: '모집종료' },
            {
              field: 'research_items',
              from: [{ site_name_kr: '서울대학교병원' }],
              to: [{ site_name_kr: '서울대학교병원' }, { site_name_kr: '세브란스병원' }],
            },
            { field: 'detail:phase_kr', from: '2상', to: '3상' },
          ],
        },
      ],
    })
    const [item] = listTrials(createTrialIndex([trial]), { now: NOW, withinDays: null }).items
    expect(item.latestChange).toEqual({
      at,
      kind: 'updated',
      fields: [
        { field: 'recruitment_status_kr', key: 'recruitment', label: '모집 상태', from: '모집중', to: '모집종료' },
        { field: 'detail:phase_kr', key: 'phases', label: '임상시험 단계', from: '2상', to: '3상' },
        {
          field: 'research_items',
          key: 'sites',
          label: '연구 실시기관',
          from: '서울대학교병원',
          to: '서울대학교병원, 세브란스병원',
        },
      ],
      // target size and the outcome; the English twin of the status is not a second change.
      moreFields: 2,
    })
  })

  it("names iCReaT columns in iCReaT's own terms, and a new trial has no fields", () => {
    const trial = storedTrial('C9', {
      history: [
        { at: daysAgo(9), kind: 'created', changes: [] },
        { at: daysAgo(1), kind: 'updated', changes: [{ field: '진료과', from: 'Oncology', to: 'Hematology' }] },
      ],
    })
    const [item] = listTrials(createTrialIndex([trial]), { now: NOW, withinDays: null }).items
    expect(item.latestChange?.fields).toEqual([
      { field: '진료과', key: 'department', label: '진료과', from: 'Oncology', to: 'Hematology' },
    ])
    const [fresh] = listTrials(createTrialIndex([storedTrial('C8')]), { now: NOW, withinDays: null }).items
    expect(fresh.latestChange).toEqual({ at: '2026-01-01T00:00:00.000Z', kind: 'created', fields: [], moreFields: 0 })
  })
})
