import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { logEntry, createFakeCore } from '../fakes/fakeCore'
import { manualScheduler, TEST_KEY } from '../fakes/testApp'
import { createMemoryKeyStore } from '../../electron/main/key/serviceKeyStore'
import { openSettingsStore } from '../../electron/core/settings/settingsStore'
import { createSyncCoordinator, type SyncCoordinatorDeps } from '../../electron/main/sync/syncCoordinator'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SyncLogEntry } from '../../shared/trials'
import { TrialsError } from '../../electron/core/errors'
import { createCoreService } from '../../electron/core/process/coreService'

// Local time 2025-03-10 09:00: the 06:00 slot of today has passed.
const NOW = new Date(2025, 2, 10, 9, 0, 0)
const TODAY_0700 = new Date(2025, 2, 10, 7, 0, 0).toISOString()
const YESTERDAY_0700 = new Date(2025, 2, 9, 7, 0, 0).toISOString()

const tempDirs: string[] = []
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

async function setup(
  options: {
    key?: string | null
    online?: boolean
    lastSuccess?: string | null
    extra?: Partial<SyncCoordinatorDeps>
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'trialdesk-sync-'))
  tempDirs.push(dir)
  const core = createFakeCore()
  const last = options.lastSuccess === undefined ? YESTERDAY_0700 : options.lastSuccess
  core.lastSuccess = { icreat: last, cris: last, ctgov: last }
  const settings = await openSettingsStore(join(dir, 'settings.json'))
  const keyStore = createMemoryKeyStore(options.key === null ? undefined : (options.key ?? TEST_KEY))
  const events: Array<{ event: string; payload: any }> = []
  const notify = vi.fn()
  const scheduler = manualScheduler()
  let clock = NOW
  const coordinator = createSyncCoordinator({
    core: createCoreService(Promise.resolve(core)),
    settings,
    keyStore,
    scheduler,
    notify,
    emit: (event, payload) => void events.push({ event, payload }),
    now: () => clock,
    online: options.online ?? true,
    wakeDebounceMs: 20,
    ...options.extra,
  })
  // A successful sync moves the persisted last-success time, as the real core does.
  core.syncResult = async (o) => {
    for (const s of o.sources) core.lastSuccess[s] = clock.toISOString()
    return o.sources.map((s) => logEntry(s))
  }
  return { core, settings, keyStore, events, notify, scheduler, coordinator, setClock: (d: Date) => (clock = d) }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Waits for something asynchronous (a debounce timer, a sync) with a bound generous enough for a loaded CI machine. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 10 })

describe('sync coordinator', () => {
  let stop: (() => void) | undefined
  afterEach(() => stop?.())

  it('runs an overdue sync on start (last success before the last 06:00 slot)', async () => {
    const t = await setup()
    stop = t.coordinator.stop
    await t.coordinator.start()
    expect(t.core.syncCalls).toHaveLength(1)
    expect(t.core.syncCalls[0]).toMatchObject({ trigger: 'catch-up', sources: ['icreat', 'cris', 'ctgov'] })
  })

  it('runs a catch-up on start when it has never synced', async () => {
    const t = await setup({ lastSuccess: null })
    stop = t.coordinator.stop
    await t.coordinator.start()
    expect(t.core.syncCalls).toHaveLength(1)
  })

  it('does not run when the last success is after the last slot', async () => {
    const t = await setup({ lastSuccess: TODAY_0700 })
    stop = t.coordinator.stop
    await t.coordinator.start()
    expect(t.core.syncCalls).toHaveLength(0)
    expect(await t.coordinator.isOverdue()).toBe(false)
  })

  it('logs every scheduler decision for support (schedule set, catch-up run or skipped and why)', async () => {
    const lines: string[] = []
    const t = await setup({ online: false, extra: { log: (line) => lines.push(line) } })
    await t.coordinator.start()
    t.coordinator.stop()
    expect(lines).toContainEqual(expect.stringMatching(/^schedule: daily sync at \d\d:\d\d, next \d{4}-/))
    expect(lines).toContain('catch-up (start): skipped-offline')
  })

  it('does not catch up when the schedule is off, offline, or without a key (and shows nothing)', async () => {
    const off = await setup()
    await off.settings.update({ schedule: { enabled: false } })
    await off.coordinator.start()
    off.coordinator.stop()
    const offline = await setup({ online: false })
    expect(await offline.coordinator.catchUpIfOverdue('start')).toBe('skipped-offline')
    const keyless = await setup({ key: null })
    await keyless.settings.update({ sources: { ctgov: { enabled: false } } })
    expect(await keyless.coordinator.catchUpIfOverdue('start')).toBe('skipped-no-key')
    for (const t of [off, offline, keyless]) {
      expect(t.core.syncCalls).toHaveLength(0)
      expect(t.notify).not.toHaveBeenCalled()
    }
  })

  it('without a key, syncs ClinicalTrials.gov alone (it needs none), on start and on "Sync now"', async () => {
    const t = await setup({ key: null })
    stop = t.coordinator.stop
    await t.coordinator.start()
    expect(t.core.syncCalls.map((c) => c.sources)).toEqual([['ctgov']])
    await t.coordinator.run('manual')
    expect(t.core.syncCalls[1]).toMatchObject({ trigger: 'manual', sources: ['ctgov'] })
    // Asked for the keyed ones only: NO_KEY, nothing runs.
    await expect(t.coordinator.run('manual', ['icreat', 'cris'])).rejects.toMatchObject({ code: 'NO_KEY' })
    expect(t.core.syncCalls).toHaveLength(2)
  })

  it('catches up on resume, once for a burst of wake events', async () => {
    const t = await setup({ lastSuccess: TODAY_0700 })
    stop = t.coordinator.stop
    await t.coordinator.start()
    expect(t.core.syncCalls).toHaveLength(0)
    // The laptop slept through the next morning's slot.
    t.setClock(new Date(2025, 2, 11, 8, 30))
    for (let i = 0; i < 5; i++) t.coordinator.requestCatchUp('resume')
    await eventually(() => expect(t.core.syncCalls).toHaveLength(1))
    await wait(100) // the other four wake events had their chance to start a sync too
    expect(t.core.syncCalls).toHaveLength(1)
    expect(t.core.syncCalls[0].trigger).toBe('catch-up')
    t.coordinator.requestCatchUp('resume')
    await wait(60)
    expect(t.core.syncCalls).toHaveLength(1) // no longer overdue
  })

  it('never runs two syncs at once: wake during a running sync joins it', async () => {
    const t = await setup()
    stop = t.coordinator.stop
    let release!: (entries: SyncLogEntry[]) => void
    t.core.syncResult = () => new Promise((r) => (release = r))
    const manual = t.coordinator.run('manual')
    const catchUp = t.coordinator.catchUpIfOverdue('resume')
    t.scheduler.fire()
    const again = t.coordinator.run('manual')
    expect(t.coordinator.running).toBe(true)
    release([logEntry('icreat')])
    expect(await catchUp).toBe('joined')
    expect(await again).toEqual(await manual)
    expect(t.core.syncCalls).toHaveLength(1)
  })

  it('spaces automatic retries after a failure so wake bursts cannot hammer the API', async () => {
    const t = await setup({ extra: { minAutoIntervalMs: 60_000 } })
    stop = t.coordinator.stop
    t.core.syncResult = async (o) =>
      o.sources.map((s) => logEntry(s, { ok: false, error: { code: 'NETWORK', message: 'offline' } }))
    expect(await t.coordinator.catchUpIfOverdue('start')).toBe('synced')
    expect(await t.coordinator.catchUpIfOverdue('resume')).toBe('skipped-recent-attempt')
    t.setClock(new Date(NOW.getTime() + 61_000))
    expect(await t.coordinator.catchUpIfOverdue('resume')).toBe('synced')
    expect(t.core.syncCalls).toHaveLength(2)
  })

  it('skips the scheduled run while offline and catches up when the network returns', async () => {
    const t = await setup({ online: false, lastSuccess: TODAY_0700 })
    stop = t.coordinator.stop
    await t.coordinator.start()
    t.setClock(new Date(2025, 2, 11, 6, 0, 1))
    t.scheduler.fire()
    await wait(10)
    expect(t.core.syncCalls).toHaveLength(0)
    t.coordinator.setOnline(true)
    expect(t.events).toContainEqual({ event: 'net:online', payload: { online: true } })
    await eventually(() => expect(t.core.syncCalls).toHaveLength(1))
  })

  it('the daily job follows the schedule setting', async () => {
    const t = await setup({ lastSuccess: TODAY_0700 })
    stop = t.coordinator.stop
    await t.coordinator.start()
    expect(t.scheduler.jobs.map((j) => j.time)).toEqual(['06:00'])
    expect(t.coordinator.nextScheduledAt()).toBe(new Date(2025, 2, 11, 6, 0).toISOString())
    await t.settings.update({ schedule: { time: '21:15' } })
    expect(t.scheduler.jobs.filter((j) => !j.cancelled).map((j) => j.time)).toEqual(['21:15'])
    expect(t.coordinator.nextScheduledAt()).toBe(new Date(2025, 2, 10, 21, 15).toISOString())
    await t.settings.update({ schedule: { enabled: false } })
    expect(t.scheduler.jobs.filter((j) => !j.cancelled)).toHaveLength(0)
    expect(t.coordinator.nextScheduledAt()).toBeNull()
  })

  it('notifies after a scheduled sync that found updates, in the chosen language; a click opens the list', async () => {
    const t = await setup({ lastSuccess: TODAY_0700 })
    stop = t.coordinator.stop
    await t.settings.update({ language: 'en' })
    await t.coordinator.start()
    t.core.syncResult = async () => [logEntry('icreat', { created: 5, updated: 6 }), logEntry('cris', { updated: 1 })]
    t.scheduler.fire()
    await eventually(() => expect(t.notify).toHaveBeenCalledTimes(1))
    expect(t.core.syncCalls[0].trigger).toBe('schedule')
    expect(t.notify.mock.calls[0][0]).toMatchObject({ body: '12 trials updated' })
    t.notify.mock.calls[0][0].onClick()
    expect(t.events).toContainEqual({ event: 'app:navigate', payload: { screen: 'list' } })
  })

  it('says it in Korean by default, and stays silent when nothing changed or the sync was manual', async () => {
    const t = await setup({ lastSuccess: TODAY_0700 })
    t.core.syncResult = async () => [logEntry('icreat', { created: 12 })]
    await t.coordinator.run('catch-up')
    expect(t.notify.mock.calls[0][0].body).toBe('임상시험 12건이 갱신되었습니다')
    await t.coordinator.run('manual')
    t.core.syncResult = async () => [logEntry('icreat')]
    await t.coordinator.run('schedule')
    expect(t.notify).toHaveBeenCalledTimes(1)
  })

  it('a refused or failed run still tells the window why (the menu and the schedule have no reply to show it in)', async () => {
    const keyless = await setup({ key: null })
    await keyless.settings.update({ sources: { ctgov: { enabled: false } } })
    await expect(keyless.coordinator.run('manual')).rejects.toMatchObject({ code: 'NO_KEY' })
    expect(keyless.events).toEqual([
      {
        event: 'sync:finished',
        payload: { entries: [], error: { code: 'NO_KEY', message: expect.stringMatching(/data\.go\.kr/) } },
      },
    ])
    const t = await setup()
    t.core.syncResult = async () => {
      throw new TrialsError('STORE_IN_USE', 'Another Trial Desk window or command is syncing this store.')
    }
    expect(await t.coordinator.catchUpIfOverdue('start')).toBe('synced')
    const finished = t.events.filter((e) => e.event === 'sync:finished')
    expect(finished).toEqual([
      {
        event: 'sync:finished',
        payload: { entries: [], error: { code: 'STORE_IN_USE', message: expect.any(String) } },
      },
    ])
    t.core.syncResult = async () => {
      throw new Error('a bug')
    }
    await expect(t.coordinator.run('manual')).rejects.toThrow('a bug')
    expect(t.events.at(-1)!.payload.error.code).toBe('INTERNAL')
  })

  it('forwards progress and the finished entries to the renderer', async () => {
    const t = await setup()
    t.core.syncResult = async (o) => {
      o.onProgress?.({ source: 'icreat', phase: 'list', done: 1000, total: 1450 })
      expect(t.coordinator.progress()).toEqual({ source: 'icreat', phase: 'list', done: 1000, total: 1450 })
      return [logEntry('icreat', { created: 1 })]
    }
    await t.coordinator.run('manual', ['icreat'])
    expect(t.events.map((e) => e.event)).toEqual(['sync:progress', 'sync:finished'])
    expect(t.events[1].payload.entries[0].created).toBe(1)
    expect(t.coordinator.progress()).toBeNull()
  })
})
