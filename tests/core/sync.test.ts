import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TrialsError } from '../../electron/core/errors'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import type { Source } from '../../electron/core/sources/source'
import { readStoreFile } from '../../electron/core/store/trialStoreFile'
import { MAX_SYNC_LOG_ENTRIES } from '../../electron/core/sync/syncLog'
import { createFakeSource, icreatRow, ids, rowsFor } from '../fakes/fakeSource'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const KEY = 'SeCrEtKey+abc/def=='
const sourceConfig = { getServiceKey: () => KEY, timeoutMs: 1000, env: {} }
const at = (iso: string) => () => new Date(iso)
const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-02T00:00:00.000Z'

async function deskWith(sources: Source[], path = join(tempDir(), 'trials.json')) {
  return { path, desk: await openTrialDesk({ storePath: path, sources, sourceConfig }) }
}

describe('sync', () => {
  it('commits a complete listing, persists it once, and logs the counts', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(5)) })
    fake.rejected = 2
    const { desk, path } = await deskWith([fake.source])
    const [entry] = await desk.sync({ sources: ['icreat'], now: at(T1) })
    expect(entry).toMatchObject({
      ok: true,
      source: 'icreat',
      fetched: 5,
      created: 5,
      updated: 0,
      unchanged: 0,
      removed: 0,
      rejected: 2,
      startedAt: T1,
    })
    const onDisk = await readStoreFile(path)
    expect(onDisk!.trials).toHaveLength(5)
    expect(onDisk!.syncLog).toEqual([entry])
    expect(onDisk!.sources.icreat).toMatchObject({ lastSuccessAt: T1, lastAttemptAt: T1, lastError: null })
    expect(desk.list({ withinDays: 7, now: T1 }).total).toBe(5)

    fake.rows[0] = icreatRow(fake.rows[0].sourceId, { 진료과: 'Neurology' })
    const [second] = await desk.sync({ sources: ['icreat'], now: at(T2) })
    expect(second).toMatchObject({ ok: true, updated: 1, unchanged: 4 })
    expect(desk.list({ withinDays: null, kinds: ['updated'] }).items.map((t) => t.sourceId)).toEqual([
      fake.rows[0].sourceId,
    ])
  })

  it('passes the previous records and per-source state to the source, and keeps the state it returns', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(3)) })
    fake.state = { revision: '/3074271/v1/uddi:abc' }
    const { desk, path } = await deskWith([fake.source])
    await desk.sync({ sources: ['icreat'], now: at(T1) })
    fake.state = undefined
    await desk.sync({ sources: ['icreat'], now: at(T2) })
    expect(fake.lastContext!.previous.size).toBe(3)
    expect(fake.lastContext!.state).toEqual({ revision: '/3074271/v1/uddi:abc' })
    expect((await readStoreFile(path))!.sources.icreat!.state).toEqual({ revision: '/3074271/v1/uddi:abc' })
  })

  it.each([
    ['SERVER', new TrialsError('SERVER', 'The registry had a problem (HTTP 500). Try again later.')],
    ['QUOTA', new TrialsError('QUOTA', 'The call limit was reached. Try again tomorrow.')],
    ['INTERNAL', new Error(`boom with serviceKey=${KEY}`)],
  ])('a %s failure leaves the trials exactly as they were and records the attempt', async (code, error) => {
    const fake = createFakeSource({ rows: rowsFor(ids(5)) })
    const { desk, path } = await deskWith([fake.source])
    await desk.sync({ sources: ['icreat'], now: at(T1) })
    const before = (await readStoreFile(path))!.trials
    fake.rows = rowsFor(ids(6)) // would add one
    fake.failWith = error
    const [entry] = await desk.sync({ sources: ['icreat'], now: at(T2) })
    expect(entry).toMatchObject({ ok: false, error: { code } })
    const after = (await readStoreFile(path))!
    expect(after.trials).toEqual(before)
    expect(after.sources.icreat).toMatchObject({ lastSuccessAt: T1, lastAttemptAt: T2, lastError: { code } })
    expect(after.syncLog.map((e) => e.ok)).toEqual([true, false])
    expect(readFileSync(path, 'utf8')).not.toContain(KEY)
    expect(desk.list({ withinDays: null }).total).toBe(5)
  })

  it('a suspicious listing changes nothing unless mass removal is allowed', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(10)) })
    const { desk } = await deskWith([fake.source])
    await desk.sync({ sources: ['icreat'], now: at(T1) })
    fake.rows = []
    const [refused] = await desk.sync({ sources: ['icreat'], now: at(T2) })
    expect(refused).toMatchObject({ ok: false, error: { code: 'SUSPICIOUS_LISTING' } })
    expect(desk.list({ withinDays: null }).total).toBe(10)
    const [allowed] = await desk.sync({ sources: ['icreat'], now: at(T2), allowMassRemoval: true })
    expect(allowed).toMatchObject({ ok: true, removed: 10 })
    expect(desk.list({ withinDays: null }).total).toBe(0)
    expect(desk.list({ withinDays: null, includeRemoved: true }).total).toBe(10)
  })

  it('cancelling via AbortSignal changes nothing and is logged as CANCELLED', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(4)) })
    const { desk, path } = await deskWith([fake.source])
    await desk.sync({ sources: ['icreat'], now: at(T1) })
    const before = (await readStoreFile(path))!.trials
    fake.rows = rowsFor(ids(2))
    fake.gate = new Promise(() => undefined)
    const controller = new AbortController()
    const running = desk.sync({ sources: ['icreat'], now: at(T2), signal: controller.signal, allowMassRemoval: true })
    expect(desk.syncing).toBe(true)
    controller.abort()
    const [entry] = await running
    expect(entry).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect((await readStoreFile(path))!.trials).toEqual(before)
    expect(desk.syncing).toBe(false)
  })

  it('a second sync call while one runs joins it (single flight) and progress reports phases including save', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(3)) })
    let open!: () => void
    fake.gate = new Promise((resolve) => {
      open = resolve
    })
    const { desk } = await deskWith([fake.source])
    const phases: string[] = []
    const first = desk.sync({
      sources: ['icreat'],
      now: at(T1),
      onProgress: (p) => phases.push(`${p.source}:${p.phase}`),
    })
    const second = desk.sync({ sources: ['icreat'], now: at(T2) })
    open()
    const [a, b] = await Promise.all([first, second])
    expect(b).toBe(a)
    expect(fake.calls).toBe(1)
    expect(phases).toContain('icreat:list')
    expect(phases.at(-1)).toBe('icreat:save')
  })

  it('syncs sources one after another; one failing does not stop the next', async () => {
    const icreat = createFakeSource({ rows: rowsFor(ids(2)) })
    icreat.failWith = new TrialsError('AUTH', 'The key was rejected. Check it in Settings.')
    const cris = createFakeSource({ id: 'cris', rows: rowsFor(ids(3, 'KCT')) })
    const { desk } = await deskWith([icreat.source, cris.source])
    const entries = await desk.sync({ sources: ['icreat', 'cris'], now: at(T1) })
    expect(entries.map((e) => [e.source, e.ok])).toEqual([
      ['icreat', false],
      ['cris', true],
    ])
    expect(desk.list({ withinDays: null, sources: ['cris'] }).total).toBe(3)
    expect(desk.status().sources.find((s) => s.source === 'icreat')).toMatchObject({
      lastSuccessAt: null,
      lastAttemptAt: T1,
      lastError: { code: 'AUTH' },
    })
  })

  it('keeps a bounded sync log, newest first when read', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(1)) })
    fake.failWith = new TrialsError('NETWORK', 'No connection.')
    const { desk } = await deskWith([fake.source])
    for (let i = 0; i < MAX_SYNC_LOG_ENTRIES + 5; i++)
      await desk.sync({ sources: ['icreat'], now: at(new Date(Date.parse(T1) + i * 1000).toISOString()) })
    const log = desk.syncLog({ limit: 200 })
    expect(log.total).toBe(MAX_SYNC_LOG_ENTRIES)
    expect(log.items[0].startedAt > log.items[1].startedAt).toBe(true)
    expect(desk.syncLog({ ok: true }).total).toBe(0)
  }, 60_000)

  it('reloads the file before syncing when another process wrote it, so it never overwrites that sync', async () => {
    const path = join(tempDir(), 'trials.json')
    const app = createFakeSource({ rows: rowsFor(ids(3)) })
    const cli = createFakeSource({ id: 'cris', rows: rowsFor(ids(2, 'KCT')) })
    const { desk: appDesk } = await deskWith([app.source, cli.source], path)
    const { desk: cliDesk } = await deskWith([app.source, cli.source], path)
    await cliDesk.sync({ sources: ['cris'], now: at(T1) })
    await appDesk.sync({ sources: ['icreat'], now: at(T2) })
    const onDisk = (await readStoreFile(path))!
    expect(onDisk.trials.map((t) => t.source).sort()).toEqual(['cris', 'cris', 'icreat', 'icreat', 'icreat'])
    expect(appDesk.list({ withinDays: null }).total).toBe(5)
  })

  it('status reports counts, last success and the store size', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(5)) })
    const { desk, path } = await deskWith([fake.source])
    await desk.sync({ sources: ['icreat'], now: at(T1) })
    fake.rows = rowsFor(ids(5)).slice(1)
    await desk.sync({ sources: ['icreat'], now: at(T2) })
    const status = desk.status()
    expect(status).toMatchObject({ storePath: path, storeBytes: statSync(path).size, syncing: false })
    expect(status.sources[0]).toMatchObject({
      source: 'icreat',
      lastSuccessAt: T2,
      counts: { total: 5, active: 4, removed: 1, detailsPending: 0 },
    })
  })
})

describe('one writer per store', () => {
  it('a sync while another process holds the store gets STORE_IN_USE and changes nothing', async () => {
    const fake = createFakeSource({ rows: rowsFor(ids(2)) })
    const { desk, path } = await deskWith([fake.source])
    const holder = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../helpers/holdLock.ts'), path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('locked')) resolve()
        })
        holder.once('exit', (code) => reject(new Error(`lock holder exited ${code}`)))
      })
      await expect(desk.sync({ sources: ['icreat'], now: at(T1) })).rejects.toMatchObject({
        code: 'STORE_IN_USE',
        message: expect.stringMatching(/Another Trial Desk window or command is syncing this store/),
      })
      expect(fake.calls).toBe(0)
      expect(desk.syncing).toBe(false)
    } finally {
      if (holder.exitCode === null) {
        holder.kill('SIGTERM')
        await new Promise((resolve) => holder.once('exit', resolve))
      }
    }
    const [entry] = await desk.sync({ sources: ['icreat'], now: at(T1) })
    expect(entry.ok).toBe(true)
  })
})
