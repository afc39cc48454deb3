/**
 * The main process around the REAL core and a real store file: a CLI writing the same store while the app is open,
 * a CLI holding the writer lock at start-up, a damaged store (recovered, or beyond recovery).
 */
import { unlinkSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { openSettingsStore, settingsPathFor } from '../../electron/core/settings/settingsStore'
import { lockStore } from '../../electron/core/store/trialStoreFile'
import type { Source } from '../../electron/core/sources/source'
import { createApiHandlers } from '../../electron/main/api/handlers'
import { createMemoryKeyStore } from '../../electron/main/key/serviceKeyStore'
import { startupFailureDialog } from '../../electron/main/startupFailure'
import { openLiveTrialDesk } from '../../electron/core/process/liveTrialDesk'
import { createCoreService } from '../../electron/core/process/coreService'
import { storeRecoveredEvents } from '../../electron/main/storeRecovery'
import { createSyncCoordinator } from '../../electron/main/sync/syncCoordinator'
import type { IpcEventMap, IpcEventName } from '../../shared/ipc'
import { createFakeSource, ids, rowsFor } from '../fakes/fakeSource'
import { useTempDir } from '../helpers/tempStore'
import { seedStore } from '../fakes/seedStore'
import { manualScheduler, TEST_KEY } from '../fakes/testApp'

const tempDir = useTempDir()
const sourceConfig = { getServiceKey: () => TEST_KEY, timeoutMs: 1000, env: {} }
const at = (iso: string) => () => new Date(iso)

/** The user-data folder name has a space, as on every desktop OS ("Trial Desk"). */
function storePathIn(dir: string): string {
  mkdirSync(join(dir, 'Trial Desk'))
  return join(dir, 'Trial Desk', 'trials.json')
}

async function appAround(storePath: string, sources: Source[]) {
  const core = await openLiveTrialDesk({ storePath, open: () => openTrialDesk({ storePath, sources, sourceConfig }) })
  const settings = await openSettingsStore(settingsPathFor(storePath))
  await settings.update({ sources: { cris: { enabled: false }, ctgov: { enabled: false } } })
  const keyStore = createMemoryKeyStore(TEST_KEY)
  const events: Array<{ event: IpcEventName; payload: any }> = []
  const emit = <E extends IpcEventName>(event: E, payload: IpcEventMap[E]) => void events.push({ event, payload })
  const refreshStore = async () => {
    const reload = await core.refreshIfChangedOnDisk()
    if (reload) emit('sync:finished', { entries: reload.newEntries })
  }
  const served = createCoreService(Promise.resolve(core))
  const sync = createSyncCoordinator({
    core: served,
    settings,
    keyStore,
    emit,
    scheduler: manualScheduler(),
    refreshStore,
  })
  const handlers = createApiHandlers({
    core: served,
    settings,
    keyStore,
    sync,
    testKey: async () => ({ totalCount: 0 }),
    saveDialog: async () => null,
    openExternal: async () => undefined,
    showItemInFolder: () => undefined,
    appInfo: { version: '0', platform: 'linux', logFolder: '/data/logs' },
    beforeRead: refreshStore,
  })
  return { core, sync, handlers, events }
}

describe('a CLI writing the store while the app is open', () => {
  it('the app lists the CLI sync at its next read and learns its results; its own sync keeps the CLI trials', async () => {
    const storePath = storePathIn(tempDir())
    const icreat = createFakeSource({ rows: rowsFor(ids(3)) })
    const app = await appAround(storePath, [icreat.source])
    expect(await app.handlers.listTrials({ withinDays: null })).toMatchObject({ ok: true, data: { total: 0 } })

    const cli = await openTrialDesk({ storePath, sources: [icreat.source], sourceConfig })
    await cli.sync({ sources: ['icreat'], now: at('2026-01-01T00:00:00.000Z'), trigger: 'manual' })

    expect(await app.handlers.listTrials({ withinDays: null })).toMatchObject({ ok: true, data: { total: 3 } })
    const finished = app.events.filter((e) => e.event === 'sync:finished')
    expect(finished).toHaveLength(1)
    expect(finished[0].payload.entries).toMatchObject([{ source: 'icreat', ok: true, created: 3 }])
    const status = await app.handlers.getSyncStatus()
    expect(status.ok && status.data.sources.find((s) => s.source === 'icreat')?.lastSuccessAt).toBe(
      '2026-01-01T00:00:00.000Z',
    )

    // The app syncs next: the CLI's 3 trials stay and one more arrives.
    icreat.rows = rowsFor(ids(4))
    const run = await app.handlers.startSync()
    expect(run).toMatchObject({ ok: true, data: [{ ok: true, created: 1, unchanged: 3 }] })
    // Its own write is not mistaken for another process's.
    expect(await app.core.refreshIfChangedOnDisk()).toBeNull()
    expect(await app.handlers.listTrials({ withinDays: null })).toMatchObject({ ok: true, data: { total: 4 } })
  })

  it('a CLI sync that just happened makes the start-up catch-up unnecessary', async () => {
    const storePath = storePathIn(tempDir())
    const icreat = createFakeSource({ rows: rowsFor(ids(2)) })
    const app = await appAround(storePath, [icreat.source])
    const cli = await openTrialDesk({ storePath, sources: [icreat.source], sourceConfig })
    await cli.sync({ sources: ['icreat'], trigger: 'manual' }) // now: after the last 06:00 slot
    expect(await app.sync.catchUpIfOverdue('start')).toBe('not-overdue')
    expect(icreat.calls).toBe(1)
  })
})

describe('a CLI holding the writer lock', () => {
  it('does not stop the app from opening and browsing; the app sync reports STORE_IN_USE in its reply and event', async () => {
    const storePath = storePathIn(tempDir())
    const icreat = createFakeSource({ rows: rowsFor(ids(2)) })
    await seedStore(storePath)
    const lock = await lockStore(storePath)
    try {
      const app = await appAround(storePath, [icreat.source])
      expect(await app.handlers.listTrials({ withinDays: null })).toMatchObject({ ok: true, data: { total: 2 } })
      const reply = await app.handlers.startSync()
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'STORE_IN_USE', message: expect.stringMatching(/Wait for it to finish/) },
      })
      expect(app.events.at(-1)).toEqual({
        event: 'sync:finished',
        payload: { entries: [], error: reply.ok ? null : reply.error },
      })
      expect(await app.handlers.listTrials({ withinDays: null })).toMatchObject({ ok: true, data: { total: 2 } })
    } finally {
      await lock.release()
    }
  })
})

describe('a damaged store', () => {
  it('recovered by the core: the store:recovered event names the kept file, which exists with the damaged bytes', async () => {
    const storePath = storePathIn(tempDir())
    await seedStore(storePath, { syncs: 2 }) // the previous generation is now trials.json.bak
    writeFileSync(storePath, '\0'.repeat(64)) // power loss

    const reopened = await openTrialDesk({ storePath, sources: [], sourceConfig })
    const events = storeRecoveredEvents(reopened.openWarnings)
    expect(events).toHaveLength(1)
    expect(events[0].corruptPath.startsWith(`${storePath}.corrupt-`)).toBe(true)
    expect(readFileSync(events[0].corruptPath, 'utf8')).toBe('\0'.repeat(64))
    expect(reopened.list({ withinDays: null }).total).toBe(2)
  })

  it('a main file that disappeared is restored from its previous copy, and the window is told (no kept file to name)', async () => {
    const storePath = storePathIn(tempDir())
    await seedStore(storePath, { syncs: 2 })
    unlinkSync(storePath)

    const reopened = await openTrialDesk({ storePath, sources: [], sourceConfig })
    const events = storeRecoveredEvents(reopened.openWarnings)
    expect(events).toEqual([{ message: expect.stringContaining('was missing'), corruptPath: '' }])
    expect(reopened.list({ withinDays: null }).total).toBe(2)
  })

  it('beyond recovery: the start-up dialog names the file and the next step, and the file is still there', async () => {
    const storePath = storePathIn(tempDir())
    writeFileSync(storePath, '{"trials": [ truncated')
    const error = await openTrialDesk({ storePath, sources: [], sourceConfig }).catch((e: unknown) => e)
    for (const language of ['ko', 'en'] as const) {
      const box = startupFailureDialog(error, storePath, language)
      expect(box.detail).toContain(storePath)
      expect(box.detail).toMatch(/STORE_UNREADABLE/)
      expect(box.detail).toMatch(/Nothing was deleted/)
      expect(box.detail).toMatch(/move .*trials\.json.* to another folder/)
      expect(box.buttons[box.showFileButton!]).toMatch(/데이터 파일 보기|Show the data file/)
      expect(box.buttons[box.quitButton]).toMatch(/종료|Quit/)
    }
    expect(startupFailureDialog(error, storePath, 'ko').message).toMatch(/삭제되지 않았습니다/)
    expect(readFileSync(storePath, 'utf8')).toBe('{"trials": [ truncated')
  })

  it('an unexpected start-up error shows a generic message with the data folder, never the raw error', () => {
    const box = startupFailureDialog(new Error(`EACCES /secret ${TEST_KEY}`), '/home/kim/Trial Desk/trials.json', 'en')
    expect(box.message).toBe('Trial Desk could not start.')
    expect(box.detail).toMatch(/Restart the app/)
    expect(box.detail).toContain('/home/kim/Trial Desk')
    expect(box.detail).not.toMatch(/secret|EACCES/)
  })
})
