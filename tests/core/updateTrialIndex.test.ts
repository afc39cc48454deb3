/**
 * After a sync, the index is updated from the previous one (columns, sort orders and search text of unchanged
 * records copied, the text rewritten in place) instead of rebuilt: it must be the index a fresh build gives, sync
 * after sync — also when the text's room runs out, when new records outgrow the signatures' room, and through a
 * store session's commit (the index a sync leaves answers like the store opened afresh).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listTrials } from '../../electron/core/query/listTrials'
import { recordTextOf, searchTextColumnOf } from '../../electron/core/query/searchTextColumn'
import { SIGNATURE_RECORD_BYTES, signatureCapacityOf } from '../../electron/core/query/textSignature'
import { createTrialIndex, type TrialIndex } from '../../electron/core/query/trialIndex'
import { updateTrialIndex } from '../../electron/core/query/updateTrialIndex'
import { StoreSession } from '../../electron/core/store/storeSession'
import { saveStore } from '../../electron/core/store/trialStoreFile'
import type { StoredTrial } from '../../electron/core/store/types'
import { withSourceRecords } from '../../electron/core/sync/withSourceRecords'
import { FACET_FIELDS, type ListQuery, type RecruitmentStatus } from '../../shared/trials'
import { seededRandom } from '../helpers/seededRandom'
import { storedTrial, storeWith } from '../helpers/storeData'

const NOW = Date.parse('2026-03-10T00:00:00.000Z')
const DAY = 86_400_000

const { next, pick, some } = seededRandom(20261204)

const HOSPITALS = ['서울아산병원', '서울대학교병원', '세브란스병원', '삼성서울병원', '분당서울대학교병원', '국립암센터']
const STATUSES: RecruitmentStatus[] = ['recruiting', 'not_yet_recruiting', 'completed', 'terminated']
const WORDS = ['메트포르민', '당뇨병', 'diabetes', '폐암', 'lung cancer', '천식', 'asthma', '고혈압']

function trialNumber(n: number, at = NOW - Math.floor(next() * 40 * DAY)): StoredTrial {
  const source = n % 3 === 0 ? 'cris' : 'icreat'
  const changedAt = new Date(at).toISOString()
  const title = `${some(WORDS, 2).join(' ')} 연구 ${n}`
  const sites = some(HOSPITALS, 3).map((name) => ({ name, sourceName: name }))
  return storedTrial(`N${n}`, {
    source,
    id: `${source}:N${n}`,
    changedAt,
    fields: { 과제번호: `N${n}`, 과제명: title },
    common: {
      title,
      ...(sites.length > 0 ? { sites } : {}),
      ...(next() < 0.8 ? { recruitment: pick(STATUSES) } : {}),
      ...(next() < 0.5 ? { phases: some(['phase1', 'phase2', 'phase3'] as const, 2) } : {}),
      ...(next() < 0.5 ? { sourceUpdatedAt: new Date(at - DAY).toISOString() } : {}),
    },
    ...(source === 'cris' && next() < 0.1 ? { detailsPending: true } : {}),
  })
}

/** A sync's outcome: some records changed (status, title, sites, removal), most the same objects, some new. */
function syncOf(trials: readonly StoredTrial[], changes: number, created: number, firstNew: number): StoredTrial[] {
  const at = new Date(NOW + DAY).toISOString()
  const next_ = trials.slice()
  for (let k = 0; k < changes; k++) {
    const p = Math.floor(next() * next_.length)
    const t = next_[p]
    const kind = Math.floor(next() * 4)
    if (kind === 0)
      next_[p] = { ...t, changedAt: at, changeKind: 'updated', common: { ...t.common, recruitment: pick(STATUSES) } }
    else if (kind === 1) {
      // A longer title: its search text no longer fits where it was.
      const title = `${t.common.title} ${pick(WORDS)} 추가 연구 제목이 길어졌습니다 ${'긴 제목 '.repeat(60)}`
      next_[p] = { ...t, changedAt: at, fields: { ...t.fields, 과제명: title }, common: { ...t.common, title } }
    } else if (kind === 2)
      next_[p] = { ...t, common: { ...t.common, sites: [{ name: pick(HOSPITALS), sourceName: 'x' }] } }
    else next_[p] = { ...t, removedAt: at, changedAt: at, changeKind: 'removed' }
  }
  // The unchanged rows of a sync: new objects (lastSeenAt written) sharing fields and common fields.
  const seen = next_.map((t) => (next() < 0.5 ? { ...t, lastSeenAt: at } : t))
  return [...seen, ...Array.from({ length: created }, (_, i) => trialNumber(firstNew + i, NOW + DAY))]
}

/** Everything the index answers from, per record (facet and text value ids and room are numbering, not content). */
function contentOf(index: TrialIndex) {
  const text = searchTextColumnOf(index.text)
  const stride = signatureCapacityOf(text.signatures)
  const count = index.removed.length
  return {
    orders: index.orders,
    ranks: index.ranks,
    removed: index.removed,
    changedAtMs: index.changedAtMs,
    pending: index.pending,
    activeCount: index.activeCount,
    facets: Object.fromEntries(
      FACET_FIELDS.map((field) => {
        const column = index.facets[field]
        const valuesOf = (p: number) =>
          column.starts
            ? [...column.ids.subarray(column.starts[p], column.starts[p + 1])].map((id) => column.values[id])
            : column.ids[p] < 0
              ? []
              : [column.values[column.ids[p]]]
        const englishOf = (value: string) => column.valuesEn[column.values.indexOf(value)]
        return [
          field,
          {
            values: Array.from({ length: count }, (_, p) => valuesOf(p)),
            english: [...new Set(Array.from({ length: count }, (_, p) => valuesOf(p)).flat())].map(englishOf),
            sources: [...column.sources].sort(),
          },
        ]
      }),
    ),
    texts: Array.from(text.starts, (_, p) => recordTextOf(text, p)),
    signatures: Array.from({ length: count }, (_, p) =>
      Array.from({ length: SIGNATURE_RECORD_BYTES / 4 }, (_, w) => text.signatures[w * stride + p]),
    ),
  }
}

const QUERIES: ListQuery[] = [
  { withinDays: null },
  { withinDays: 7 },
  { withinDays: null, q: '당뇨병' },
  { withinDays: null, q: 'lung 연구' },
  { withinDays: null, q: '길어졌습니다' },
  {
    withinDays: null,
    fields: [
      { name: 'site', value: '세브란스병원' },
      { name: 'site', value: '국립암센터' },
    ],
    sort: 'title',
  },
  { withinDays: null, recruitingOnly: true, sort: 'sourceUpdated', offset: 20, limit: 20 },
  { withinDays: null, includeRemoved: true, sort: 'id', fields: [{ name: 'phase', value: 'phase2' }] },
]
const answersOf = (index: TrialIndex) => QUERIES.map((q) => listTrials(index, { limit: 100, ...q }, () => NOW))

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('the index after a sync', () => {
  it('is the index a fresh build gives, over ten syncs in a row (text rewritten in place, its values grown)', () => {
    let trials = Array.from({ length: 3000 }, (_, n) => trialNumber(n))
    let index = createTrialIndex(trials)
    const valueRoomAtFirst = searchTextColumnOf(index.text).values.bytes.length
    let created = 3000
    for (let sync = 0; sync < 10; sync++) {
      // The fifth sync brings more new records than the signatures have room for.
      const fresh = sync === 4 ? 300 : 5
      const after = syncOf(trials, 40, fresh, created)
      created += fresh
      const updated = updateTrialIndex(index, trials, after)
      expect(updated, `sync ${sync}`).not.toBeNull()
      const rebuilt = createTrialIndex(after)
      expect(contentOf(updated!)).toEqual(contentOf(rebuilt))
      expect(answersOf(updated!)).toEqual(answersOf(rebuilt))
      trials = after
      index = updated!
    }
    // New values (the longer titles) outgrew the values' first buffer, and new records grew the signatures.
    expect(searchTextColumnOf(index.text).values.bytes.length).toBeGreaterThan(valueRoomAtFirst)
    expect(signatureCapacityOf(searchTextColumnOf(index.text).signatures)).toBeGreaterThanOrEqual(created)
  })

  it('keeps every text when the room runs out while many texts change in place', () => {
    // Many changes with as many values as before (each fits where it was) and one record that gains far more values
    // than the room past the ids: compacting must make room for all of them.
    const long = (t: StoredTrial) => ({ ...t, fields: { ...t.fields, 요약: `${t.sourceId} ${'요약 '.repeat(700)}` } })
    const trials = Array.from({ length: 2000 }, (_, n) => long(trialNumber(n)))
    const index = createTrialIndex(trials)
    const before = searchTextColumnOf(index.text)
    const room = before.ids.length - before.used
    const after = trials.map((t, p) =>
      p % 9 === 0
        ? { ...t, fields: { ...t.fields, 요약: String(t.fields['요약']).replace('요약', '개요') } }
        : p === 1
          ? { ...t, fields: { ...t.fields, 키워드: Array.from({ length: room + 500 }, (_, k) => `키워드 ${k}`) } }
          : t,
    )
    const updated = updateTrialIndex(index, trials, after)
    expect(updated).not.toBeNull()
    expect(searchTextColumnOf(updated!.text).ids.length).toBeGreaterThan(before.ids.length)
    expect(contentOf(updated!)).toEqual(contentOf(createTrialIndex(after)))
    expect(listTrials(updated!, { withinDays: null, q: `키워드 ${room + 499}` }, () => NOW).total).toBe(1)
  })

  it('is built afresh when records moved or too many changed, and the replaced index is never searched again', () => {
    const trials = Array.from({ length: 200 }, (_, n) => trialNumber(n))
    const index = createTrialIndex(trials)
    expect(updateTrialIndex(index, trials, [...trials.slice(1), trials[0]])).toBeNull()
    expect(updateTrialIndex(index, trials, syncOf(trials, 0, 100, 200))).toBeNull()
    expect(updateTrialIndex(index, trials, syncOf(trials, 3, 1, 200))).not.toBeNull()
    expect(() => listTrials(index, { withinDays: null, q: '연구' }, () => NOW)).toThrow(/replaced by a sync/)
  })

  it('keeps every record at its place through a source sync and answers like the store opened afresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trial-desk-update-'))
    dirs.push(dir)
    const path = join(dir, 'trials.json')
    await saveStore(path, storeWith(Array.from({ length: 600 }, (_, n) => trialNumber(n))))
    await (await StoreSession.open(path)).close() // writes the snapshot: the next open reads it
    const session = await StoreSession.open(path)
    const before = await session.readAll()
    const crisBefore = before.trials.filter((t) => t.source === 'cris')
    const crisAfter = syncOf(crisBefore, 15, 4, 600).map((t) =>
      t.source === 'cris' ? t : { ...t, source: 'cris' as const, id: `cris:${t.sourceId}` },
    )
    const trials = withSourceRecords(before.trials, 'cris', crisAfter)
    expect(trials.slice(0, before.trials.length).map((t) => t.id)).toEqual(before.trials.map((t) => t.id))
    await session.commit({ ...before, trials })
    const synced = answersOf(session.index)
    await session.close()
    const reopened = await StoreSession.open(path)
    expect(synced).toEqual(answersOf(reopened.index))
    expect(synced).toEqual(answersOf(createTrialIndex(trials)))
    await reopened.close()
  })
})
