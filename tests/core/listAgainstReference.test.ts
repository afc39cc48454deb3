/**
 * The list query's fast paths (facet selections marked a column at a time or through postings, a search scanning
 * only its signature candidates, the rarest feature first, rows kept parsed) answer exactly what a plain filter over
 * every record answers: the same trials, totals, window hint and disjunctive facet counts, for a few hundred mixed
 * queries over a store with multi-value facets, removed trials, synonyms, short terms and notes.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseSearchTerms } from '../../electron/core/query/compileTextMatch'
import { facetValueOf, filterValuesFor } from '../../electron/core/query/facetValues'
import { listTrials } from '../../electron/core/query/listTrials'
import { searchTextOf } from '../../electron/core/query/recordSearchText'
import { createTrialIndex } from '../../electron/core/query/trialIndex'
import { StoreSession } from '../../electron/core/store/storeSession'
import { saveStore } from '../../electron/core/store/trialStoreFile'
import type { StoredTrial } from '../../electron/core/store/types'
import {
  RECRUITING_NOW,
  type FacetField,
  type ListQuery,
  type Phase,
  type RecruitmentStatus,
} from '../../shared/trials'
import { seededRandom } from '../helpers/seededRandom'
import { storedTrial, storeWith } from '../helpers/storeData'

const NOW = Date.parse('2026-03-10T00:00:00.000Z')
const DAY = 86_400_000

const { next, pick, some } = seededRandom(20261203)

const WORDS = [
  '메트포르민',
  '아스피린',
  '로수바스타틴',
  'metformin',
  'aspirin',
  '당뇨병',
  'diabetes',
  '폐암',
  'lung cancer',
]
const FILLER = ['임상시험', '연구', 'study', 'trial', '효과', 'safety', '환자']
const HOSPITALS = ['서울아산병원', '서울대학교병원', '세브란스병원', '삼성서울병원', '분당서울대학교병원']
const PHASES: Phase[] = ['phase1', 'phase2', 'phase3', 'phase4']
const STATUSES: RecruitmentStatus[] = ['recruiting', 'not_yet_recruiting', 'completed', 'terminated']

const trials: StoredTrial[] = Array.from({ length: 1500 }, (_, i) => {
  const changedAt = new Date(NOW - Math.floor(next() * 40 * DAY)).toISOString()
  const sites = some(HOSPITALS, 3).map((name) => ({ name, sourceName: name }))
  const phases = some(PHASES, 2)
  return storedTrial(`R${i}`, {
    source: i % 3 === 0 ? 'cris' : 'icreat',
    id: `${i % 3 === 0 ? 'cris' : 'icreat'}:R${i}`,
    changedAt,
    removedAt: next() < 0.08 ? changedAt : null,
    changeKind: pick(['new', 'updated'] as const),
    common: {
      title: [...some(WORDS, 2), ...some(FILLER, 3), `R${i}`].join(' '),
      ...(next() < 0.5
        ? { titleEn: some(['metformin trial', 'aspirin study', 'diabetes care', 'ab test'], 2).join(' ') }
        : {}),
      ...(sites.length > 0 ? { sites } : {}),
      ...(phases.length > 0 ? { phases } : {}),
      ...(next() < 0.8 ? { recruitment: pick(STATUSES) } : {}),
      ...(next() < 0.7 ? { institution: pick(HOSPITALS) } : {}),
      studyType: pick(['중재연구', '관찰연구']),
    },
  })
})
const index = createTrialIndex(trials)
const texts = trials.map((t) => searchTextOf(t))
const NOTES = new Map([
  [trials[5].id, '환자 메모: metformin 복용 중'],
  [trials[6].id, '당뇨병 의뢰 예정'],
])

type Selection = [FacetField, string[]]

/** What the list must answer, computed record by record with no index. */
function reference(q: ListQuery & { selections: Selection[]; notes: boolean }) {
  const terms = parseSearchTerms((q.q ?? '').normalize('NFC').toLowerCase().split(/\s+/).filter(Boolean))
  const noteOf = (t: StoredTrial) => (q.notes ? NOTES.get(t.id)?.toLowerCase() : undefined)
  const textOk = (t: StoredTrial, i: number) =>
    terms.every((term) => term.alternatives.some((a) => texts[i].includes(a) || (noteOf(t)?.includes(a) ?? false)))
  const values = (t: StoredTrial, field: FacetField): string[] => {
    const v = facetValueOf(t, field)
    return v === undefined || v === null ? [] : Array.isArray(v) ? (v as string[]) : [String(v)]
  }
  const selections = q.selections.map(([field, wanted]): [FacetField, Set<string>] => [
    field,
    new Set(wanted.flatMap((w) => filterValuesFor(field, w))),
  ])
  if (q.recruitingOnly) {
    const chosen = selections.find(([f]) => f === 'recruitment')
    const allowed = RECRUITING_NOW.filter((s) => !chosen || chosen[1].has(s))
    if (chosen) chosen[1] = new Set(allowed)
    else selections.push(['recruitment', new Set(allowed)])
  }
  const passes = (t: StoredTrial, [field, wanted]: [FacetField, Set<string>]) =>
    values(t, field).some((v) => wanted.has(v))
  const inWindow = (t: StoredTrial) => q.withinDays === null || Date.parse(t.changedAt) >= NOW - q.withinDays! * DAY
  const base = trials.filter((t, i) => (q.includeRemoved || t.removedAt === null) && textOk(t, i))
  const inScope = base.filter(inWindow)
  const matched = inScope.filter((t) => selections.every((s) => passes(t, s)))
  const counts = (field: FacetField) => {
    const others = selections.filter(([f]) => f !== field)
    const counted = new Map<string, number>()
    for (const t of inScope)
      if (others.every((s) => passes(t, s))) for (const v of values(t, field)) counted.set(v, (counted.get(v) ?? 0) + 1)
    return counted
  }
  const allTime = base.filter((t) => selections.every((s) => passes(t, s))).length
  return { ids: matched.map((t) => t.id).sort(), counts, allTime }
}

function randomQuery(): ListQuery & { selections: Selection[]; notes: boolean } {
  const selections: Selection[] = []
  if (next() < 0.5) selections.push(['site', some(HOSPITALS, 2)])
  if (next() < 0.4) selections.push(['phase', some(['phase2', '3상', 'Phase 1'], 2)])
  if (next() < 0.4) selections.push(['studyType', [pick(['중재연구', '관찰연구'])]])
  if (next() < 0.3) selections.push(['institution', some(HOSPITALS, 2)])
  if (next() < 0.2) selections.push(['recruitment', some(STATUSES, 2)])
  const words = some([...WORDS, 'ab', 'pd', 'r1', '서울', 'diabetes mellitus', '존재하지않는말'], 2)
  return {
    selections: selections.filter(([, wanted]) => wanted.length > 0),
    q: next() < 0.7 ? words.join(' ') : undefined,
    withinDays: pick([null, null, 7, 30]),
    sort: pick(['changed', 'title'] as const),
    includeRemoved: next() < 0.2,
    recruitingOnly: next() < 0.2,
    notes: next() < 0.3,
    oneRowPerTrial: false,
  }
}

const collator = new Intl.Collator('ko', { sensitivity: 'base', numeric: true })

/** Every page's ids, checking that the pages come in the requested order. */
function allIds(q: ListQuery, notes: ReadonlyMap<string, string> | undefined): string[] {
  const items = []
  for (let offset = 0; ; offset += 100) {
    const page = listTrials(index, { ...q, offset, limit: 100 }, () => NOW, { notes })
    items.push(...page.items)
    if (offset + 100 >= page.total) break
  }
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1], items[i]]
    if (q.sort === 'title')
      expect(collator.compare(a.title, b.title), `${a.title} before ${b.title}`).toBeLessThanOrEqual(0)
    else expect(Date.parse(a.changedAt), `${a.id} before ${b.id}`).toBeGreaterThanOrEqual(Date.parse(b.changedAt))
  }
  return items.map((t) => t.id).sort()
}

// The same store as the app opens it: records on disk, rows parsed from the file and kept between queries.
let dir: string
let onDisk: StoreSession
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trialdesk-'))
  const path = join(dir, 'trials.json')
  await saveStore(path, storeWith(trials))
  await (await StoreSession.open(path)).close() // writes the index snapshot
  onDisk = await StoreSession.open(path)
})
afterAll(async () => {
  await onDisk.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the list against a plain filter over every record', () => {
  it('gives the same trials, totals, window hints and facet counts for 300 mixed queries', () => {
    for (let n = 0; n < 300; n++) {
      const query = randomQuery()
      const { selections, notes, ...rest } = query
      const q: ListQuery = {
        ...rest,
        fields: selections.flatMap(([name, values]) => values.map((value) => ({ name, value }))),
      }
      const expected = reference(query)
      const notesMap = notes ? NOTES : undefined
      const answer = listTrials(index, { ...q, limit: 20 }, () => NOW, { notes: notesMap })
      const label = JSON.stringify(query)
      expect(
        listTrials(onDisk.index, { ...q, limit: 20 }, () => NOW, { notes: notesMap }),
        label,
      ).toEqual(answer)
      expect(answer.total, label).toBe(expected.ids.length)
      expect(allIds(q, notesMap), label).toEqual(expected.ids)
      if (q.withinDays !== null) expect(answer.totalAllTime, label).toBe(expected.allTime)
      for (const field of ['site', 'phase', 'studyType', 'institution', 'recruitment'] as const) {
        const counts = expected.counts(field)
        for (const { value, count } of answer.facets[field] ?? [])
          expect(count, `${label} ${field}=${value}`).toBe(counts.get(value) ?? 0)
        for (const [value, count] of counts)
          expect(answer.facets[field]?.find((v) => v.value === value)?.count, `${label} ${field}=${value}`).toBe(count)
      }
    }
  })

  it('keeps answering the same from rows kept between queries (the same query again after deeper pages)', () => {
    const q: ListQuery = { withinDays: null, q: 'metformin', sort: 'title' }
    const first = listTrials(onDisk.index, q, () => NOW)
    for (const offset of [20, 400, 1000]) listTrials(onDisk.index, { ...q, offset, q: undefined }, () => NOW)
    expect(listTrials(onDisk.index, q, () => NOW)).toEqual(first)
    expect(first).toEqual(listTrials(index, q, () => NOW))
  })
})
