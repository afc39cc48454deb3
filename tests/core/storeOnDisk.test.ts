/**
 * The store on disk: records read by byte range, the index snapshot beside the store (used only when it belongs to
 * the store file's generation), and saves that write only what changed (from the spare, see patchGeneration).
 */
import { existsSync, promises as fsPromises, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { snapshotPathOf } from '../../electron/core/store/indexSnapshot'
import { RecordFile } from '../../electron/core/store/recordFile'
import { isRecordStub } from '../../electron/core/store/recordStub'
import { StoreSession } from '../../electron/core/store/storeSession'
import { readStoreFile, saveStore } from '../../electron/core/store/trialStoreFile'
import { createFakeSource, icreatRow, ids, rowsFor } from '../fakes/fakeSource'
import { storedTrial, storeWith } from '../helpers/storeData'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const sourceConfig = { getServiceKey: () => undefined, timeoutMs: 1000, env: {} }
const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-02T00:00:00.000Z'

async function syncedStore(count = 30) {
  const path = join(tempDir(), 'trials.json')
  const fake = createFakeSource({ rows: rowsFor(ids(count)) })
  const desk = await openTrialDesk({ storePath: path, sources: [fake.source], sourceConfig })
  await desk.sync({ sources: ['icreat'], now: () => new Date(T1) })
  await desk.close()
  return { path, fake }
}

const open = (path: string, fake = createFakeSource()) =>
  openTrialDesk({ storePath: path, sources: [fake.source], sourceConfig })
const answers = (desk: Awaited<ReturnType<typeof open>>) => ({
  list: desk.list({ withinDays: null, limit: 100, q: '과제' }),
  detail: desk.get(desk.list({ withinDays: null, limit: 1, sort: 'id' }).items[0].id),
  status: desk.status().sources.map((s) => s.counts),
})

describe('the index snapshot beside the store', () => {
  it('is written after a sync and gives the same answers as reading every record', async () => {
    const { path } = await syncedStore()
    expect(existsSync(snapshotPathOf(path))).toBe(true)
    const fromSnapshot = answers(await open(path))
    writeFileSync(snapshotPathOf(path), 'not a snapshot')
    const fromRecords = answers(await open(path))
    expect(fromSnapshot).toEqual(fromRecords)
    expect(fromSnapshot.list.total).toBe(30)
    expect(fromSnapshot.detail.history).toHaveLength(1)
  })

  it('is not used once another writer changed the store (size, mtime or first line differ): the new records are shown', async () => {
    const { path } = await syncedStore(5)
    const data = (await readStoreFile(path))!
    data.trials[0] = { ...data.trials[0], common: { ...data.trials[0].common, title: '다른 제목 XYZ' } }
    await saveStore(path, data) // another process's commit (no snapshot of its own)
    expect((await open(path)).list({ withinDays: null, q: 'xyz' }).total).toBe(1)
  })

  it('is not used for a same-size edit with the old mtime put back when the closing line differs', async () => {
    const { path } = await syncedStore(5)
    const before = statSync(path)
    const text = readFileSync(path, 'utf8')
    // Same length, same mtime: only the hash of the first and closing lines tells (the sync log entry's id changed).
    const edited = text.replace(
      /"id":"([0-9a-f]{8}-)/,
      (_m, c: string) => `"id":"${c[0] === 'a' ? 'b' : 'a'}${c.slice(1)}`,
    )
    expect(edited.length).toBe(text.length)
    expect(edited).not.toBe(text)
    writeFileSync(path, edited)
    utimesSync(path, before.atime, before.mtime)
    const desk = await open(path)
    const lines = edited.split('\n')
    expect(desk.syncLog().items[0].id).toBe(JSON.parse(lines[0] + lines.at(-2)!).syncLog[0].id)
  })

  it('a damaged or truncated snapshot is ignored and rebuilt', async () => {
    const { path } = await syncedStore(8)
    const good = readFileSync(snapshotPathOf(path))
    writeFileSync(snapshotPathOf(path), good.subarray(0, good.length - 100))
    const desk = await open(path)
    expect(desk.list({ withinDays: null }).total).toBe(8)
    await desk.close()
    expect(readFileSync(snapshotPathOf(path)).length).toBe(good.length)
  })

  it('a snapshot whose search text is damaged inside answers searches from the records instead', async () => {
    const { path } = await syncedStore(8)
    const expected = answers(await open(path))
    const good = readFileSync(snapshotPathOf(path))
    const newline = good.indexOf(0x0a)
    const header = JSON.parse(good.toString('utf8', 0, newline)) as { blobBytes: number; signatureBytes: number }
    const idsAt = newline + 1 + header.blobBytes + header.signatureBytes
    // The same length (so the file passes every check at open), but a record names a value the snapshot lacks.
    const damaged = Buffer.from(good)
    damaged.writeUInt32LE(0xffffffff, idsAt + 4)
    writeFileSync(snapshotPathOf(path), damaged)
    const desk = await open(path)
    expect(answers(desk)).toEqual(expected)
    expect(desk.list({ withinDays: null, q: 'c100003' }).items.map((t) => t.sourceId)).toEqual(['C100003'])
    await desk.close()
  })

  it('an older store without a snapshot opens (read in full) and gets one on first open, without a sync', async () => {
    const path = join(tempDir(), 'trials.json')
    await saveStore(path, storeWith([storedTrial('C1'), storedTrial('C2')]))
    expect(existsSync(snapshotPathOf(path))).toBe(false)
    const desk = await open(path)
    expect(desk.list({ withinDays: null }).total).toBe(2)
    await desk.close()
    expect(existsSync(snapshotPathOf(path))).toBe(true)
  })

  it('an open without a snapshot keeps no record parsed: a sync at once reads each of its records back, the file not again', async () => {
    const { path, fake } = await syncedStore(12)
    writeFileSync(snapshotPathOf(path), 'not a snapshot')
    fake.rows = rowsFor(ids(12))
    fake.rows[4] = icreatRow(fake.rows[4].sourceId, { 진료과: 'Neurology' })
    const probe = await fsPromises.open(path, 'r')
    const wholeReads = vi.spyOn(Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => unknown }, 'read')
    await probe.close()
    const readBack = vi.spyOn(RecordFile.prototype, 'trialIn')
    try {
      const session = await StoreSession.open(path)
      expect(session.index.entries.every((e) => isRecordStub(e.trial))).toBe(true)
      session.release()
      await session.close()
      writeFileSync(snapshotPathOf(path), 'not a snapshot')
      wholeReads.mockClear()
      const desk = await open(path, fake)
      const [entry] = await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
      expect(entry).toMatchObject({ ok: true, updated: 1, unchanged: 11 })
      // One whole read of the file (the open's), then the twelve records by byte range, each once, by their diff.
      expect(wholeReads.mock.calls.filter((args) => args[2] === 4 << 20 && args[3] === 0)).toHaveLength(1)
      expect(readBack.mock.calls).toHaveLength(12)
      expect(desk.list({ withinDays: null, q: 'neurology' }).total).toBe(1)
      await desk.close()
    } finally {
      wholeReads.mockRestore()
      readBack.mockRestore()
    }
  })
})

/** The store opened again from the file alone (its snapshot spoiled): it must answer as the syncing session did. */
async function expectFileToAnswer(path: string, expected: ReturnType<typeof answers>) {
  writeFileSync(snapshotPathOf(path), 'not a snapshot')
  const reopened = await open(path)
  expect(answers(reopened)).toEqual(expected)
  return reopened
}

describe('a save after a sync', () => {
  const T3 = '2026-01-03T00:00:00.000Z'
  const lines = (path: string) => readFileSync(path, 'utf8').split('\n')
  /** The record lines (between the first line and the closing line). */
  const recordLines = (path: string) => lines(path).slice(1, -2)
  /** An iCReaT sync (then `after`, e.g. closing the desk), and how many records it read back from the store file. */
  async function syncCountingReadBacks(desk: Awaited<ReturnType<typeof open>>, after?: () => Promise<void>) {
    const readBack = vi.spyOn(RecordFile.prototype, 'trialIn')
    try {
      const [entry] = await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
      await after?.()
      return { entry, reads: readBack.mock.calls.length }
    } finally {
      readBack.mockRestore()
    }
  }

  it('writes only what changed, from the spare: other records stay byte for byte, .bak is the previous file', async () => {
    const { path, fake } = await syncedStore(20)
    const before = readFileSync(path)
    fake.rows = rowsFor(ids(20))
    fake.rows[3] = icreatRow(fake.rows[3].sourceId, { 진료과: 'Neurology' })
    const desk = await open(path, fake)
    const [entry] = await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    expect(entry).toMatchObject({ ok: true, updated: 1, unchanged: 19 })
    const after = recordLines(path)
    const beforeLines = before.toString('utf8').split('\n').slice(1, -2)
    const changed = after.filter((line, i) => line !== beforeLines[i])
    expect(changed).toHaveLength(1)
    expect(changed[0]).toContain('Neurology')
    // The previous generation is kept whole as .bak, byte for byte.
    expect(readFileSync(`${path}.bak`).equals(before)).toBe(true)
    // Still one plain JSON document that any JSON tool reads, equal to what the store holds.
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { trials: Array<{ lastSeenAt: string }> }
    expect(await readStoreFile(path)).toEqual(parsed)
    // Unchanged records were not rewritten, yet the reader is told the listing saw them (the source's listedAt).
    expect(parsed.trials.filter((t) => t.lastSeenAt === T1)).toHaveLength(19)
    expect(desk.get(fake.rows[0].sourceId.replace(/^/, 'icreat:')).lastSeenAt).toBe(T2)
    expect(desk.list({ withinDays: null, limit: 100 }).items.every((t) => t.lastSeenAt === T2)).toBe(true)
    await desk.close()
  })

  it('reads each synced record back once, for its diff, and nothing more: the index, its links and the snapshot come from the records in hand', async () => {
    const { path, fake } = await syncedStore(20)
    fake.rows = rowsFor(ids(20))
    fake.rows[5] = icreatRow(fake.rows[5].sourceId, { 진료과: 'Neurology' })
    const desk = await open(path, fake)
    const { entry, reads } = await syncCountingReadBacks(desk, () => desk.close()) // close waits for the snapshot
    expect(entry).toMatchObject({ ok: true, updated: 1 })
    expect(reads).toBe(20)
    expect((await open(path)).list({ withinDays: null, q: 'neurology' }).total).toBe(1)
  })

  it('a source that reads stored fields before handing its rows over (CRIS) has each record read back once', async () => {
    const { path, fake } = await syncedStore(10)
    fake.rows = rowsFor(ids(10))
    fake.rows[7] = icreatRow(fake.rows[7].sourceId, { 진료과: 'Neurology' })
    const fetchAll = fake.source.fetchAll.bind(fake.source)
    const seen: string[] = []
    // As CRIS plans its detail calls and then merges each list entry with the stored fields: two reads of each.
    fake.source.fetchAll = (ctx) => {
      for (const row of fake.rows) seen.push(String(ctx.previous.get(row.sourceId)?.fields['진료과']))
      for (const row of fake.rows) seen.push(String(ctx.previous.get(row.sourceId)?.fields['과제번호']))
      return fetchAll(ctx)
    }
    const desk = await open(path, fake)
    const { entry, reads } = await syncCountingReadBacks(desk)
    expect(entry).toMatchObject({ ok: true, updated: 1, unchanged: 9 })
    expect(seen.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 'Cardiology'))
    expect(seen.slice(10)).toEqual(ids(10))
    expect(reads).toBe(10)
    await desk.close()
  })

  /**
   * A store with iCReaT, CRIS and two ClinicalTrials.gov studies: one names a CRIS record as its own, the other
   * (as most do) names none.
   */
  async function threeSourceStore(icreatCount: number) {
    const path = join(tempDir(), 'trials.json')
    const icreat = createFakeSource({ rows: rowsFor(ids(icreatCount)) })
    const cris = createFakeSource({
      id: 'cris',
      rows: ['KCT0000001', 'KCT0000002', 'KCT0000003'].map((id) => icreatRow(id, { 요약: `${id} oncology` })),
    })
    const ctgov = createFakeSource({
      id: 'ctgov',
      rows: [
        icreatRow('NCT00000001', { orgStudyId: 'KCT0000001', 요약: 'oncology study' }),
        icreatRow('NCT00000002', { 요약: 'cardiology study' }),
      ],
    })
    const sources = [icreat.source, cris.source, ctgov.source]
    const desk = await openTrialDesk({ storePath: path, sources, sourceConfig })
    await desk.sync({ sources: ['icreat', 'cris', 'ctgov'], now: () => new Date(T1) })
    await desk.close()
    return { path, icreat, sources }
  }

  it('a sync of one source holds the others’ records without their fields: none is read back, their lines and links stay', async () => {
    const { path, icreat, sources } = await threeSourceStore(6)
    const othersBefore = recordLines(path).filter((line) => !line.includes('"source":"icreat"'))
    icreat.rows = rowsFor(ids(6))
    icreat.rows[1] = icreatRow(icreat.rows[1].sourceId, { 진료과: 'Neurology' })
    const desk = await openTrialDesk({ storePath: path, sources, sourceConfig })
    const { entry, reads } = await syncCountingReadBacks(desk)
    expect(entry).toMatchObject({ ok: true, updated: 1 })
    expect(reads).toBe(6) // the six iCReaT records, each once by its diff
    expect(recordLines(path).filter((line) => !line.includes('"source":"icreat"'))).toEqual(othersBefore)
    expect(desk.get('ctgov:NCT00000001').linkedIds).toEqual(['cris:KCT0000001'])
    expect(desk.list({ withinDays: null, q: 'oncology', oneRowPerTrial: false }).total).toBe(4)
    await desk.close()
  })

  it('an open without a snapshot reads records into stubs and answers as from the snapshot: search, links, details', async () => {
    const { path, sources } = await threeSourceStore(5)
    const answersOf = (d: Awaited<ReturnType<typeof openTrialDesk>>) => ({
      oncology: d.list({ withinDays: null, q: 'oncology', oneRowPerTrial: false }).items.map((t) => t.id),
      linked: d.get('ctgov:NCT00000001').linkedIds,
      detail: d.get('cris:KCT0000002'),
      all: d.list({ withinDays: null, limit: 100, sort: 'id', oneRowPerTrial: false }).items,
    })
    const fromSnapshot = await openTrialDesk({ storePath: path, sources, sourceConfig })
    const expected = answersOf(fromSnapshot)
    await fromSnapshot.close()
    writeFileSync(snapshotPathOf(path), 'not a snapshot')
    const readBack = vi.spyOn(RecordFile.prototype, 'trialIn')
    try {
      const fromFile = await openTrialDesk({ storePath: path, sources, sourceConfig })
      // One row per trial (the registry links) and a search: the links and the search text were taken as each record
      // was read, and they stay with the records held for a sync. Only the rows shown are read (their latest change).
      expect(fromFile.list({ withinDays: null, q: 'oncology' }).items).toHaveLength(3)
      expect(readBack).toHaveBeenCalledTimes(3)
      expect(answersOf(fromFile)).toEqual(expected)
      expect(expected.oncology).toHaveLength(4)
      expect(expected.linked).toEqual(['cris:KCT0000001'])
      await fromFile.close()
    } finally {
      readBack.mockRestore()
    }
  })

  it('a sync’s read of the store parses the synced source’s records whole and holds the others as stubs', async () => {
    const { path } = await threeSourceStore(3)
    const session = await StoreSession.open(path)
    const { trials } = await session.readAll(new Set(['cris']))
    expect(trials.map((t) => [t.source, isRecordStub(t)])).toEqual([
      ...Array.from({ length: 3 }, () => ['icreat', true]),
      ...Array.from({ length: 3 }, () => ['cris', false]),
      ['ctgov', true],
      ['ctgov', true],
    ])
    // Each is the record as stored, whole when asked.
    expect(trials.map((t) => JSON.stringify(t))).toEqual(recordLines(path).map((line) => line.replace(/\s*,?\s*$/, '')))
    session.release()
    await session.close()
  })

  it('a large sync of one source (the index built afresh) reads no kept record back for it, and answers as reopened', async () => {
    const { path, icreat, sources } = await threeSourceStore(4)
    icreat.rows = rowsFor(ids(40)) // 36 new records: far more than an index update takes
    const desk = await openTrialDesk({ storePath: path, sources, sourceConfig })
    const { entry, reads } = await syncCountingReadBacks(desk)
    expect(entry).toMatchObject({ ok: true, created: 36 })
    // The four iCReaT records by their diff, and no other: the index built afresh takes the search text of every
    // record the sync kept from the index before, and the links from what each named when it was read.
    expect(reads).toBe(4)
    const answersOf = (d: typeof desk) => ({
      oncology: d.list({ withinDays: null, q: 'oncology', oneRowPerTrial: false }).total,
      linked: d.get('ctgov:NCT00000001').linkedIds,
      all: d.list({ withinDays: null, limit: 100, sort: 'id', oneRowPerTrial: false }).items.map((t) => t.id),
    })
    const answered = answersOf(desk)
    await desk.close()
    writeFileSync(snapshotPathOf(path), 'not a snapshot')
    expect(answered).toEqual(answersOf(await openTrialDesk({ storePath: path, sources, sourceConfig })))
    expect(answered.oncology).toBe(4)
    expect(answered.all).toHaveLength(45)
  })

  it('moves a record that outgrew its place to the end, keeps every later save exact, and a removal says when the record was last seen', async () => {
    const { path, fake } = await syncedStore(12)
    const desk = await open(path, fake)
    const generations: Buffer[] = [readFileSync(path)]
    fake.rows = rowsFor(ids(12))
    fake.rows[2] = icreatRow(fake.rows[2].sourceId, { 과제명: `아주 긴 새 제목 ${'긴 제목 '.repeat(200)}` })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    generations.push(readFileSync(path))
    const moved = recordLines(path)
    expect(moved[2].trim()).toBe('') // its old place, blanked
    expect(moved.at(-1)).toContain('아주 긴 새 제목')
    fake.rows = rowsFor(ids(12)).filter((_, i) => i !== 5)
    fake.rows[0] = icreatRow(fake.rows[0].sourceId, { 진료과: 'Neurology' })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T3), allowMassRemoval: true })
    expect(readFileSync(`${path}.bak`).equals(generations[1])).toBe(true)
    const removed = desk.get(`icreat:${rowsFor(ids(12))[5].sourceId}`)
    expect(removed).toMatchObject({ removedAt: T3, lastSeenAt: T2 })
    const answersAfterSyncs = answers(desk)
    await desk.close()
    // The file as any reader sees it: parsed whole, and opened without the snapshot, answers the same.
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as { trials: unknown[] }
    expect(parsed.trials).toHaveLength(12)
    await expectFileToAnswer(path, answersAfterSyncs)
  })

  it('never patches a spare that does not match its note (another writer, a crash): the save is as right', async () => {
    const { path, fake } = await syncedStore(10)
    const desk = await open(path, fake)
    fake.rows = rowsFor(ids(10))
    fake.rows[1] = icreatRow(fake.rows[1].sourceId, { 진료과: 'Neurology' })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    // Another writer's spare, or one a crash left half written (its note no longer matches it).
    writeFileSync(`${path}.next`, 'not a copy of the store')
    fake.rows[4] = icreatRow(fake.rows[4].sourceId, { 진료과: 'Oncology' })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T3) })
    const answersAfterSyncs = answers(desk)
    await desk.close()
    expect(readFileSync(path, 'utf8')).not.toContain('not a copy of the store')
    const reopened = await expectFileToAnswer(path, answersAfterSyncs)
    expect(reopened.list({ withinDays: null, q: 'oncology' }).total).toBe(1)
  })

  it('a save killed while it wrote the spare leaves the store file as it was, and the next save is right', async () => {
    const { path, fake } = await syncedStore(10)
    let desk = await open(path, fake)
    fake.rows = rowsFor(ids(10))
    fake.rows[1] = icreatRow(fake.rows[1].sourceId, { 진료과: 'Neurology' })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    await desk.close()
    const stored = readFileSync(path)
    // What a writer killed mid-save leaves: its note removed, the spare half written, a copy's temp file.
    writeFileSync(`${path}.next`, 'half a generation')
    writeFileSync(`${path}.next.tmp-99999`, 'half a copy')
    desk = await open(path, fake)
    expect(readFileSync(path).equals(stored)).toBe(true)
    expect(desk.list({ withinDays: null, q: 'neurology' }).total).toBe(1)
    fake.rows[4] = icreatRow(fake.rows[4].sourceId, { 진료과: 'Oncology' })
    await desk.sync({ sources: ['icreat'], now: () => new Date(T3) })
    const answersAfterSyncs = answers(desk)
    await desk.close()
    expect(existsSync(`${path}.next.tmp-99999`)).toBe(false)
    expect(readFileSync(`${path}.bak`).equals(stored)).toBe(true)
    const reopened = await expectFileToAnswer(path, answersAfterSyncs)
    expect(reopened.list({ withinDays: null, q: 'oncology' }).total).toBe(1)
  })

  it('a sync of two sources reads the store file once: the second diffs against what the first committed', async () => {
    const { path, fake } = await syncedStore(10)
    const cris = createFakeSource({
      id: 'cris',
      rows: rowsFor(ids(4)).map((r) => ({ ...r, sourceId: `KCT${r.sourceId}` })),
    })
    const desk = await openTrialDesk({ storePath: path, sources: [fake.source, cris.source], sourceConfig })
    fake.rows = rowsFor(ids(10))
    fake.rows[2] = icreatRow(fake.rows[2].sourceId, { 진료과: 'Neurology' })
    // A whole read of the store (readDurable's chunked reader) starts with one 4 MB read at offset 0; the other reads
    // of the file (its first and closing lines, records by byte range) are smaller or synchronous.
    const probe = await fsPromises.open(path, 'r')
    const reads = vi.spyOn(Object.getPrototypeOf(probe) as { read: (...args: unknown[]) => unknown }, 'read')
    await probe.close()
    const entries = await desk.sync({ sources: ['icreat', 'cris'], now: () => new Date(T2) })
    const storeReads = reads.mock.calls.filter((args) => args[2] === 4 << 20 && args[3] === 0).length
    reads.mockRestore()
    expect(entries.map((e) => e.ok)).toEqual([true, true])
    expect(desk.list({ withinDays: null, q: 'neurology' }).total).toBe(1)
    expect(
      desk
        .status()
        .sources.map((s) => s.counts.total)
        .sort(),
    ).toEqual([10, 4])
    const answersAfterSyncs = answers(desk)
    await desk.close()
    writeFileSync(snapshotPathOf(path), 'not a snapshot')
    const reopened = await openTrialDesk({ storePath: path, sources: [fake.source, cris.source], sourceConfig })
    expect(answers(reopened)).toEqual(answersAfterSyncs)
    expect(storeReads).toBe(1)
  })

  it('a failed sync writes only its log entry: records stay byte for byte', async () => {
    const { path, fake } = await syncedStore(10)
    const records = recordLines(path)
    fake.failWith = new Error('boom')
    const desk = await open(path, fake)
    const [entry] = await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    expect(entry.ok).toBe(false)
    expect(recordLines(path)).toEqual(records)
    expect(desk.list({ withinDays: null }).total).toBe(10)
    expect(desk.get('icreat:C100003').id).toBe('icreat:C100003')
    expect(desk.syncLog().items[0].ok).toBe(false)
  })
})
