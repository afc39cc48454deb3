import { describe, expect, it } from 'vitest'
import { isTrialsError } from '../../electron/core/errors'
import { isRecordStub, recordStubFrom } from '../../electron/core/store/recordStub'
import type { StoredTrial } from '../../electron/core/store/types'
import { createListingDiff, diffListing } from '../../electron/core/sync/diffListing'
import { createFakeSource, icreatRow, ids, rowsFor } from '../fakes/fakeSource'
import { readingWith } from '../helpers/storeData'

const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-02-01T00:00:00.000Z'
const T3 = '2026-03-01T00:00:00.000Z'
const { source } = createFakeSource()

function firstSync(rows = rowsFor(ids(10))) {
  return diffListing({ source, previous: [], rows, at: T1 }).trials
}

describe('diffListing', () => {
  it('creates records keyed <source>:<sourceId> with fields as received and a created history', () => {
    const { trials, counts } = diffListing({
      source,
      previous: [],
      rows: [icreatRow('C100001', { 진료과: ' Pediatrics ' })],
      at: T1,
    })
    expect(counts.created).toBe(1)
    expect(trials[0]).toMatchObject({
      id: 'icreat:C100001',
      source: 'icreat',
      sourceId: 'C100001',
      changeKind: 'new',
      firstSeenAt: T1,
      changedAt: T1,
      lastSeenAt: T1,
      removedAt: null,
      history: [{ at: T1, kind: 'created', changes: [] }],
    })
    expect(trials[0].fields['진료과']).toBe(' Pediatrics ')
    expect(trials[0].common.department).toBe('Pediatrics')
  })

  it('records a real change with the source field names, from and to', () => {
    const previous = firstSync()
    const rows = rowsFor(ids(10))
    rows[3] = icreatRow(rows[3].sourceId, { 진료과: 'Neurology' })
    const { trials, counts } = diffListing({ source, previous, rows, at: T2 })
    expect(counts).toMatchObject({ updated: 1, unchanged: 9, created: 0, removed: 0 })
    const changed = trials.find((t) => t.sourceId === rows[3].sourceId)!
    expect(changed.changeKind).toBe('updated')
    expect(changed.changedAt).toBe(T2)
    expect(changed.firstSeenAt).toBe(T1)
    expect(changed.history.at(-1)).toEqual({
      at: T2,
      kind: 'updated',
      changes: [{ field: '진료과', from: 'Cardiology', to: 'Neurology' }],
    })
    const untouched = trials.find((t) => t.sourceId === rows[0].sourceId)!
    // Kept as it was (the listing having seen it is the source's listedAt, see lastSeen.ts).
    expect(untouched).toBe(previous.find((t) => t.sourceId === rows[0].sourceId))
  })

  it('ignores formatting-only differences (white space, CRLF, NFD, null/""/missing, 120 vs "120")', () => {
    const previous = firstSync([
      icreatRow('C1', { 과제명: '심부전\r\n연구', 전체목표연구대상자수: '120', 연구기간: '' }),
    ])
    const row = icreatRow('C1', { 과제명: ' 심부전\n연구 '.normalize('NFD'), 전체목표연구대상자수: 120 })
    delete row.fields['연구기간']
    const { trials, counts } = diffListing({ source, previous, rows: [row], at: T2 })
    expect(counts.unchanged).toBe(1)
    expect(trials[0].history).toHaveLength(1)
    expect(trials[0].changedAt).toBe(T1)
  })

  it('keeps the record of an identical row as it is (the same object), a pending flag change is not identical', () => {
    const previous = firstSync()
    const rows = rowsFor(ids(10)).map((row) => ({ ...row, fields: structuredClone(row.fields) }))
    const { trials, counts } = diffListing({ source, previous, rows, at: T2 })
    expect(counts).toMatchObject({ unchanged: 10, updated: 0 })
    expect(trials[0]).toBe(previous[0])
    const pending = diffListing({
      source,
      previous,
      rows: rows.map((r) => ({ ...r, detailsPending: true })),
      at: T2,
    }).trials
    expect(pending.every((t) => t.detailsPending === true)).toBe(true)
  })

  it('keeps a record missing from the listing as removed, and restores it when it returns', () => {
    const previous = firstSync()
    const without = rowsFor(ids(10)).slice(1)
    const removed = diffListing({ source, previous, rows: without, at: T2 })
    expect(removed.counts.removed).toBe(1)
    const gone = removed.trials.find((t) => t.sourceId === ids(10)[0])!
    expect(gone).toMatchObject({ changeKind: 'removed', removedAt: T2, changedAt: T2 })
    expect(gone.history.at(-1)).toMatchObject({ kind: 'removed' })

    const again = diffListing({ source, previous: removed.trials, rows: without, at: T3 })
    expect(again.counts).toMatchObject({ removed: 0, unchanged: 9 })

    const back = diffListing({ source, previous: removed.trials, rows: rowsFor(ids(10)), at: T3 })
    expect(back.counts.restored).toBe(1)
    const restored = back.trials.find((t) => t.sourceId === ids(10)[0])!
    expect(restored).toMatchObject({ changeKind: 'updated', removedAt: null, changedAt: T3 })
    expect(restored.history.map((h) => h.kind)).toEqual(['created', 'removed', 'restored'])
  })

  it('refuses an empty listing while active records exist (SUSPICIOUS_LISTING), unless mass removal is allowed', () => {
    const previous = firstSync()
    const attempt = () => diffListing({ source, previous, rows: [], at: T2 })
    expect(attempt).toThrow(expect.objectContaining({ code: 'SUSPICIOUS_LISTING' }))
    const allowed = diffListing({ source, previous, rows: [], at: T2, allowMassRemoval: true })
    expect(allowed.counts.removed).toBe(10)
  })

  it('refuses a listing removing more than 20% of active records, but allows exactly 20%', () => {
    const previous = firstSync()
    const twoGone = rowsFor(ids(10)).slice(2)
    expect(diffListing({ source, previous, rows: twoGone, at: T2 }).counts.removed).toBe(2)
    try {
      diffListing({ source, previous, rows: twoGone.slice(1), at: T2 })
      expect.unreachable()
    } catch (e) {
      expect(isTrialsError(e) && e.code).toBe('SUSPICIOUS_LISTING')
      expect((e as Error).message).toMatch(/3 of 10/)
    }
  })

  it('stores a bookkeeping-only change silently (no badge, changedAt kept)', () => {
    const crisLike = createFakeSource({ id: 'cris', bookkeepingFields: ['date_updated'] }).source
    const previous = diffListing({
      source: crisLike,
      previous: [],
      rows: [icreatRow('K1', { date_updated: '2026/01/01' })],
      at: T1,
    }).trials
    const { trials, counts } = diffListing({
      source: crisLike,
      previous,
      rows: [icreatRow('K1', { date_updated: '2026/01/05' })],
      at: T2,
    })
    expect(counts.unchanged).toBe(1)
    expect(trials[0]).toMatchObject({ changeKind: 'new', changedAt: T1 })
    expect(trials[0].fields['date_updated']).toBe('2026/01/05')
    // Same day written differently is not even a bookkeeping change.
    expect(
      diffListing({ source: crisLike, previous, rows: [icreatRow('K1', { date_updated: '2026-01-01' })], at: T2 })
        .trials[0].fields['date_updated'],
    ).toBe('2026-01-01')
  })

  it('fills in details silently when a pending record gets them; only fields that existed can change', () => {
    const listed = { sourceId: 'K1', fields: { trial_id: 'K1', 과제명: 'A' }, detailsPending: true }
    const previous = diffListing({ source, previous: [], rows: [listed], at: T1 }).trials
    expect(previous[0].detailsPending).toBe(true)
    const detailed = { sourceId: 'K1', fields: { trial_id: 'K1', 과제명: 'A', 연구종류: '중재연구' } }
    const completed = diffListing({ source, previous, rows: [detailed], at: T2 })
    expect(completed.counts.unchanged).toBe(1)
    expect(completed.trials[0].detailsPending).toBeUndefined()
    expect(completed.trials[0].fields['연구종류']).toBe('중재연구')

    const retitled = diffListing({
      source,
      previous,
      rows: [{ ...detailed, fields: { ...detailed.fields, 과제명: 'B' } }],
      at: T2,
    })
    expect(retitled.counts.updated).toBe(1)
    expect(retitled.trials[0].history.at(-1)!.changes).toEqual([{ field: '과제명', from: 'A', to: 'B' }])
  })

  it('does not modify its inputs', () => {
    const previous = firstSync()
    const snapshot = JSON.stringify(previous)
    diffListing({ source, previous, rows: rowsFor(ids(9)), at: T2 })
    expect(JSON.stringify(previous)).toBe(snapshot)
  })
})

describe('createListingDiff: a listing compared as its pages arrive', () => {
  /** Stubs of `trials` (as a sync holds the store), counting how often each is read back whole. */
  function stubsOf(trials: StoredTrial[]) {
    const reads = new Map<string, number>()
    const stubs = trials.map((trial) =>
      recordStubFrom(
        trial,
        readingWith(() => {
          reads.set(trial.sourceId, (reads.get(trial.sourceId) ?? 0) + 1)
          return trial
        }),
      ),
    )
    return { stubs, reads }
  }

  it('gives, page by page, what the whole listing gives: the same records, counts and order', () => {
    const previous = firstSync(rowsFor(ids(12)))
    const rows = rowsFor([...ids(12).slice(2), 'C900001', 'C900002'])
    rows[4] = icreatRow(rows[4].sourceId, { 진료과: 'Neurology' })
    const whole = diffListing({ source, previous, rows, at: T2 })
    const differ = createListingDiff({ source, previous, at: T2 })
    for (let i = 0; i < rows.length; i += 5) differ.add(rows.slice(i, i + 5))
    const paged = differ.finish()
    expect(paged).toEqual(whole)
    expect(paged.counts).toMatchObject({ created: 2, updated: 1, unchanged: 9, removed: 2 })
    expect(paged.listed).toBe(12)
  })

  it('a row handed over again replaces the earlier one; a restart forgets every row handed over before it', () => {
    const previous = firstSync(rowsFor(ids(3)))
    const differ = createListingDiff({ source, previous, at: T2 })
    differ.add([icreatRow(ids(3)[0], { 진료과: 'Neurology' }), icreatRow('C900001')])
    differ.restart() // the registry's listing is read again from the start
    differ.add(rowsFor(ids(3)))
    differ.add([icreatRow(ids(3)[1], { 진료과: 'Oncology' })])
    differ.add([icreatRow(ids(3)[1], { 진료과: 'Urology' })])
    const { counts, trials } = differ.finish()
    expect(counts).toMatchObject({ created: 0, updated: 1, unchanged: 2, removed: 0 })
    expect(trials.map((t) => t.fields['진료과'])).toEqual(['Cardiology', 'Urology', 'Cardiology'])
  })

  it('reads each stored record back once; an unchanged one stays the stub it was, a changed or removed one is whole', () => {
    const { stubs, reads } = stubsOf(firstSync(rowsFor(ids(6))))
    const rows = rowsFor(ids(6).slice(0, 5))
    rows[2] = icreatRow(rows[2].sourceId, { 진료과: 'Neurology' })
    const differ = createListingDiff({ source, previous: stubs, at: T2 })
    differ.add(rows)
    const { trials, counts } = differ.finish({ allowMassRemoval: true })
    expect(counts).toMatchObject({ updated: 1, unchanged: 4, removed: 1 })
    expect([...reads.values()]).toEqual([1, 1, 1, 1, 1, 1])
    expect(trials.map(isRecordStub)).toEqual([true, true, false, true, true, false])
    expect(trials.filter((t, i) => t === stubs[i])).toHaveLength(4)
    expect(trials[2].history.map((h) => h.kind)).toEqual(['created', 'updated'])
    expect(trials[5]).toMatchObject({ removedAt: T2, changeKind: 'removed' })
  })

  it('decides removals only at the end: a listing that would remove too much throws there, whatever was added', () => {
    const previous = firstSync(rowsFor(ids(10)))
    const differ = createListingDiff({ source, previous, at: T2 })
    differ.add(rowsFor(ids(10).slice(0, 5)))
    expect(() => differ.finish()).toThrow(/would remove 5 of 10/)
    expect(differ.finish({ removalsAllowed: false })).toMatchObject({ keptUnlisted: 5, counts: { removed: 0 } })
  })
})
