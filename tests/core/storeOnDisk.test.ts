/**
 * The store on disk: records read by byte range, the index snapshot beside the store (used only when it belongs to
 * the store file's generation), and saves that copy unchanged records' bytes.
 */
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { snapshotPathOf } from '../../electron/core/store/indexSnapshot'
import { readStoreFile, saveStore } from '../../electron/core/store/trialStoreFile'
import { createFakeSource, icreatRow, ids, rowsFor } from '../helpers/fakeSource'
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

  it('is not used for a same-size edit with the old mtime put back when the first line differs', async () => {
    const { path } = await syncedStore(5)
    const before = statSync(path)
    const text = readFileSync(path, 'utf8')
    // Same length, same mtime: only the first line's hash tells (the sync log entry's id changed).
    const edited = text.replace(/"id":"([0-9a-f])/, (_m, c: string) => `"id":"${c === 'a' ? 'b' : 'a'}`)
    expect(edited.length).toBe(text.length)
    writeFileSync(path, edited)
    utimesSync(path, before.atime, before.mtime)
    const desk = await open(path)
    expect(desk.syncLog().items[0].id).toBe(JSON.parse(edited.split('\n')[0] + ']}').syncLog[0].id)
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

  it('an older store without a snapshot opens (read in full) and gets one on first open, without a sync', async () => {
    const path = join(tempDir(), 'trials.json')
    await saveStore(path, storeWith([storedTrial('C1'), storedTrial('C2')]))
    expect(existsSync(snapshotPathOf(path))).toBe(false)
    const desk = await open(path)
    expect(desk.list({ withinDays: null }).total).toBe(2)
    await desk.close()
    expect(existsSync(snapshotPathOf(path))).toBe(true)
  })
})

describe('a save after a sync', () => {
  it('copies the bytes of unchanged records (only lastSeenAt rewritten) and serialises only the changed ones', async () => {
    const { path, fake } = await syncedStore(20)
    const before = readFileSync(path, 'utf8').split('\n')
    fake.rows = rowsFor(ids(20))
    fake.rows[3] = icreatRow(fake.rows[3].sourceId, { 진료과: 'Neurology' })
    const desk = await open(path, fake)
    const [entry] = await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    expect(entry).toMatchObject({ ok: true, updated: 1, unchanged: 19 })
    await desk.close()
    const after = readFileSync(path, 'utf8').split('\n')
    const changed = after
      .slice(1, 21)
      .filter((line, i) => line !== before[i + 1].replaceAll(`"lastSeenAt":"${T1}"`, `"lastSeenAt":"${T2}"`))
    expect(changed).toHaveLength(1)
    expect(changed[0]).toContain('Neurology')
    // Still one plain JSON document that any JSON tool reads, equal to what the store holds.
    const parsed = JSON.parse(after.join('\n')) as { trials: Array<{ lastSeenAt: string }> }
    expect(parsed.trials.every((t) => t.lastSeenAt === T2)).toBe(true)
    expect(await readStoreFile(path)).toEqual(parsed)
  })

  it('a failed sync writes only its log entry: records stay byte for byte', async () => {
    const { path, fake } = await syncedStore(10)
    const records = readFileSync(path, 'utf8').split('\n').slice(1)
    fake.failWith = new Error('boom')
    const desk = await open(path, fake)
    const [entry] = await desk.sync({ sources: ['icreat'], now: () => new Date(T2) })
    expect(entry.ok).toBe(false)
    expect(readFileSync(path, 'utf8').split('\n').slice(1)).toEqual(records)
    expect(desk.list({ withinDays: null }).total).toBe(10)
    expect(desk.get('icreat:C100003').id).toBe('icreat:C100003')
    expect(desk.syncLog().items[0].ok).toBe(false)
  })
})
