/**
 * The list picks a page from the matched trials in the requested order however it gets there (walking a sort order for
 * a large matched set, a bounded selection for a small one, a full sort for a deep page of a small one), and one
 * query's counts never carry over into the next query on the same index (its buffers are reused).
 */
import { describe, expect, it } from 'vitest'
import { getTrial } from '../../electron/core/query/getTrial'
import { listTrials } from '../../electron/core/query/listTrials'
import { createTrialIndex } from '../../electron/core/query/trialIndex'
import type { StoredTrial } from '../../electron/core/store/types'
import type { ListQuery } from '../../shared/trials'
import { storedTrial } from '../helpers/storeData'

const NOW = '2026-03-10T00:00:00.000Z'
const SIZE = 1200
// Titles in a scrambled order (7 and 1200 share no factor), so title order differs from id and storage order.
const titleNumber = (i: number) => (i * 7) % SIZE
const trials: StoredTrial[] = Array.from({ length: SIZE }, (_, i) =>
  storedTrial(`T${String(i).padStart(4, '0')}`, {
    changedAt: new Date(Date.parse(NOW) - (i + 1) * 60_000).toISOString(),
    fields: { 과제번호: `T${i}` },
    common: {
      title: `과제 ${String(titleNumber(i)).padStart(4, '0')}`,
      // 1 in 40 in 서울아산병원: a matched set small enough for the bounded selection.
      institution: i % 40 === 0 ? '서울아산병원' : i % 3 === 0 ? '서울대학교병원' : '세브란스병원',
      studyType: i % 2 === 0 ? '중재연구' : '관찰연구',
    },
  }),
)
const index = createTrialIndex(trials)
const list = (q: ListQuery) => listTrials(index, { now: NOW, withinDays: null, ...q })
const ids = (q: ListQuery) => list(q).items.map((t) => t.id)

/** The expected ids: filter, then a full sort by title (the titles are distinct). */
function byTitle(keep: (i: number) => boolean): string[] {
  return trials
    .map((t, i) => ({ t, i }))
    .filter(({ i }) => keep(i))
    .sort((a, b) => titleNumber(a.i) - titleNumber(b.i))
    .map(({ t }) => t.id)
}

describe('list pages in the requested order', () => {
  const asan = { fields: [{ name: 'institution', value: '서울아산병원' }], sort: 'title' } satisfies ListQuery
  const expected = byTitle((i) => i % 40 === 0)

  it('a small matched set, page by page, is the full title order cut in pages', () => {
    expect(list(asan).total).toBe(30)
    const pages = [0, 7, 14, 21, 28].flatMap((offset) => ids({ ...asan, offset, limit: 7 }))
    expect(pages).toEqual(expected)
  })

  it('a large matched set walks the title order', () => {
    const all = byTitle(() => true)
    expect(ids({ sort: 'title', limit: 5 })).toEqual(all.slice(0, 5))
    expect(ids({ sort: 'title', offset: 1190, limit: 10 })).toEqual(all.slice(1190))
  })

  it('a deep page of a filtered set, and a text search, keep the same order', () => {
    const interventional = byTitle((i) => i % 2 === 0)
    expect(ids({ sort: 'title', fields: [{ name: 'studyType', value: '중재연구' }], offset: 580, limit: 20 })).toEqual(
      interventional.slice(580, 600),
    )
    expect(ids({ sort: 'title', q: '과제', offset: 100, limit: 3 })).toEqual(byTitle(() => true).slice(100, 103))
  })
})

describe('one query after another on the same index', () => {
  it('gives the counts it gives alone, whatever ran before it', () => {
    const twoSelections: ListQuery = {
      fields: [
        { name: 'institution', value: '서울아산병원' },
        { name: 'studyType', value: '중재연구' },
      ],
    }
    const alone = listTrials(createTrialIndex(trials), { now: NOW, withinDays: null, ...twoSelections })
    list({ q: '과제' })
    list({ fields: [{ name: 'studyType', value: '관찰연구' }] })
    const after = list(twoSelections)
    expect(after).toEqual(alone)
    // Disjunctive: each menu counts what its own selection leaves out, over the other selection.
    expect(after.total).toBe(30)
    expect(after.facets.studyType).toEqual([{ value: '중재연구', count: 30, selectedBy: ['중재연구'] }])
    expect(after.facets.institution).toEqual([
      { value: '세브란스병원', count: 380, en: 'Severance Hospital' },
      { value: '서울대학교병원', count: 190, en: 'Seoul National University Hospital' },
      { value: '서울아산병원', count: 30, en: 'Asan Medical Center', selectedBy: ['서울아산병원'] },
    ])
  })
})

describe('get', () => {
  it('reads the record once, and a removed record of a registry without renumbering is returned as removed', () => {
    const removed = storedTrial('R1', { removedAt: NOW, changeKind: 'removed' })
    const withRemoved = createTrialIndex([...trials.slice(0, 3), removed])
    let reads = 0
    for (const entry of withRemoved.entries) {
      const { trial } = entry
      Object.defineProperty(entry, 'trial', {
        get: () => {
          reads++
          return trial
        },
      })
    }
    expect(getTrial(withRemoved, 'icreat:T0001').id).toBe('icreat:T0001')
    expect(reads).toBe(1)
    reads = 0
    expect(getTrial(withRemoved, 'icreat:R1')).toMatchObject({ id: 'icreat:R1', removedAt: NOW })
    // No other record is read looking for an alias: iCReaT does not renumber.
    expect(reads).toBe(1)
    expect(() => getTrial(withRemoved, 'icreat:NOPE')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('an unknown or removed ClinicalTrials.gov id opens the active study naming it as an alias', () => {
    const ctgov = (sourceId: string, overrides: Partial<StoredTrial>) =>
      storedTrial(sourceId, { id: `ctgov:${sourceId}`, source: 'ctgov', ...overrides })
    const aliases = createTrialIndex([
      ctgov('NCT00000001', { removedAt: NOW, changeKind: 'removed' }),
      ctgov('NCT00000009', { fields: { nctId: 'NCT00000009', nctIdAliases: ['NCT00000001', 'NCT00000002'] } }),
    ])
    expect(getTrial(aliases, 'ctgov:NCT00000001').id).toBe('ctgov:NCT00000009')
    expect(getTrial(aliases, 'ctgov:NCT00000002').id).toBe('ctgov:NCT00000009')
    expect(() => getTrial(aliases, 'ctgov:NCT00000003')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})

describe('a list row', () => {
  it('carries the common fields the record has, absent ones absent, and the record-level fields', () => {
    const pending = storedTrial('P1', {
      source: 'cris',
      id: 'cris:P1',
      detailsPending: true,
      common: { title: '세부 대기', titleEn: 'Pending', sites: [{ name: '서울대학교병원', sourceName: '서울대병원' }] },
    })
    const [row] = listTrials(createTrialIndex([pending]), { now: NOW, withinDays: null }).items
    expect(row).toEqual({
      id: 'cris:P1',
      source: 'cris',
      sourceId: 'P1',
      title: '세부 대기',
      titleEn: 'Pending',
      sites: [{ name: '서울대학교병원', sourceName: '서울대병원' }],
      changeKind: 'new',
      changedAt: pending.changedAt,
      firstSeenAt: pending.firstSeenAt,
      lastSeenAt: pending.lastSeenAt,
      removedAt: null,
      detailsPending: true,
      latestChange: { at: pending.changedAt, kind: 'created', fields: [], moreFields: 0 },
    })
    expect(Object.keys(row)).not.toContain('recruitment')
    expect(Object.keys(listTrials(index, { now: NOW, withinDays: null, limit: 1 }).items[0])).not.toContain(
      'detailsPending',
    )
  })
})

describe('the list without filters', () => {
  it('counts the facets of the window asked for, whichever window was asked before', () => {
    const window = (withinDays: number) =>
      listTrials(index, { now: NOW, withinDays, limit: 1 }).facets.studyType?.map((v) => v.count)
    // One trial a minute, alternately interventional and observational: 720 in half a day, all 1200 in a week.
    expect(window(0.5)).toEqual([360, 360])
    expect(window(7)).toEqual([600, 600])
    expect(window(0.5)).toEqual([360, 360])
    expect(window(0.25)).toEqual([180, 180])
    expect(listTrials(index, { now: NOW, withinDays: 0.25, limit: 1 }).total).toBe(360)
  })
})
