/**
 * The core in its own process, as in the app: the main process's wiring (createAppServices, registerIpc) with the
 * core behind `utilityProcess.fork` — here the stub's, a real child process (child_process.fork) running the real
 * entry electron/utility/coreProcess.ts. What a user would notice: answers and error codes arrive as before, a sync's
 * progress shows, the window's process keeps answering while a large store opens, a crash costs one failed call.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { openSettingsStore, settingsPathFor } from '../../electron/core/settings/settingsStore'
import { createAppServices } from '../../electron/main/appServices'
import { createCoreClient, type CoreChannel } from '../../electron/main/core/coreClient'
import { utilityCoreChannel } from '../../electron/main/core/utilityCoreChannel'
import { registerIpc } from '../../electron/main/ipc/registerIpc'
import { createMemoryKeyStore } from '../../electron/main/key/serviceKeyStore'
import { IPC_CALLS, type IpcCallMap, type IpcCallName, type IpcEventName, type IpcResult } from '../../shared/ipc'
import { generateStore } from '../bench/src/generate/syntheticStore'
import { writeStoreFile } from '../bench/src/generate/storeFile'
import { fakeIpcMain } from '../fakes/fakeElectron'
import { useFakeOdcloud } from '../fakes/fakeServers'
import { FAKE_ODCLOUD_KEY } from '../fakes/odcloudServer'
import { seedSourceConfig, seedStore } from '../fakes/seedStore'
import { manualScheduler } from '../fakes/testApp'
import { useTempDir } from '../helpers/tempStore'

const CORE_ENTRY = resolve(__dirname, '../../electron/utility/coreProcess.ts')
const rendererDir = '/app/out/renderer'
const trustedFrame = { senderFrame: { url: pathToFileURL(join(rendererDir, 'index.html')).href } }

const tempDir = useTempDir()
const odcloud = await useFakeOdcloud()
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** The app's main process around a core process on `storePath`; `invoke` calls window.api as the renderer does. */
async function startApp(storePath: string, options: { key?: string } = {}) {
  const channels: CoreChannel[] = []
  const crashes: Array<{ restarted: boolean }> = []
  const coreProcess = createCoreClient(
    () => {
      const channel = utilityCoreChannel(CORE_ENTRY, storePath, { ...process.env, ...odcloud.env })
      channels.push(channel)
      return channel
    },
    { onCrash: (info) => crashes.push(info) },
  )
  const settings = await openSettingsStore(settingsPathFor(storePath))
  await settings.update({ sources: { cris: { enabled: false }, ctgov: { enabled: false } } })
  const events: Array<{ event: IpcEventName; payload: any }> = []
  const services = await createAppServices({
    storePath,
    settings,
    keyStore: createMemoryKeyStore(options.key),
    env: odcloud.env,
    coreProcess,
    send: (event, payload) => void events.push({ event, payload }),
    scheduler: manualScheduler(),
    saveDialog: async () => join(storePath, '..', 'export.csv'),
    openExternal: async () => undefined,
    showItemInFolder: () => undefined,
    appInfo: { version: '0', platform: 'linux', logFolder: '/data/logs' },
  })
  const unregister = registerIpc(services.handlers, { rendererDir })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    unregister()
    await services.close()
  }
  closers.push(close)
  async function invoke<K extends IpcCallName>(
    name: K,
    ...args: IpcCallMap[K]['args']
  ): Promise<IpcResult<IpcCallMap[K]['result']>> {
    return (await fakeIpcMain.handlers.get(IPC_CALLS[name])!(trustedFrame, ...args)) as IpcResult<
      IpcCallMap[K]['result']
    >
  }
  return { services, coreProcess, channels, crashes, events, invoke, close }
}

function storePathIn(dir: string): string {
  mkdirSync(join(dir, 'Trial Desk'))
  return join(dir, 'Trial Desk', 'trials.json')
}

describe('the core in its own process', () => {
  it('answers the window: a list, a detail, an error with its code; closing writes the snapshot and ends the process', async () => {
    const storePath = storePathIn(tempDir())
    await seedStore(storePath, { trials: 3 })
    const app = await startApp(storePath)

    const list = await app.invoke('listTrials', { withinDays: null })
    expect(list).toMatchObject({ ok: true, data: { total: 3 } })
    const first = list.ok ? list.data.items[0] : undefined
    expect(await app.invoke('getTrial', first!.id)).toMatchObject({ ok: true, data: { id: first!.id } })
    // A TrialsError crosses both hops with its stable code and its message for the clinician.
    const missing = await app.invoke('getTrial', 'icreat:NO-SUCH-TRIAL')
    expect(missing.ok).toBe(false)
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND')
    expect(!missing.ok && missing.error.message).toContain('icreat:NO-SUCH-TRIAL')
    // Arguments are still validated in the main process (the core is never asked).
    expect(await app.invoke('getTrial', 42 as unknown as string)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
    const status = await app.invoke('getSyncStatus')
    expect(status).toMatchObject({ ok: true, data: { storePath, online: true } })

    const exited = new Promise<void>((done) => app.channels[0].onExit(() => done()))
    await app.close()
    await exited
    // close waited for the index snapshot the first open writes in the background.
    expect(existsSync(`${storePath}.index`)).toBe(true)
    expect(app.crashes).toEqual([])
  })

  it('a sync runs in the core: progress events reach the window, the key only for the sync, its result listed', async () => {
    const storePath = storePathIn(tempDir())
    const app = await startApp(storePath, { key: FAKE_ODCLOUD_KEY })
    const run = await app.invoke('startSync')
    expect(run).toMatchObject({ ok: true, data: [{ source: 'icreat', ok: true }] })
    const created = run.ok ? run.data[0].created : 0
    expect(created).toBeGreaterThan(0)
    const progress = app.events.filter((e) => e.event === 'sync:progress')
    expect(progress.length).toBeGreaterThan(0)
    expect(progress[0].payload).toMatchObject({ source: 'icreat' })
    expect(app.events.filter((e) => e.event === 'sync:finished')).toHaveLength(1)
    expect(await app.invoke('listTrials', { withinDays: null })).toMatchObject({ ok: true, data: { total: created } })
    expect(JSON.stringify(app.events)).not.toContain(FAKE_ODCLOUD_KEY)
  })

  it('without a key the sync is refused in the main process with NO_KEY, as before', async () => {
    const storePath = storePathIn(tempDir())
    const app = await startApp(storePath)
    expect(await app.invoke('startSync')).toMatchObject({ ok: false, error: { code: 'NO_KEY' } })
  })

  it('a crash fails the waiting call with INTERNAL, restarts the core once (same data), then stays down', async () => {
    const storePath = storePathIn(tempDir())
    await seedStore(storePath, { trials: 2 })
    const app = await startApp(storePath)
    expect(await app.invoke('listTrials', { withinDays: null })).toMatchObject({ ok: true, data: { total: 2 } })

    // Killed (SIGKILL: no chance to clean up) as a call is sent: the call waits until the exit is noticed.
    app.channels[0].kill()
    const waiting = app.coreProcess.list({ withinDays: null })
    await expect(waiting).rejects.toMatchObject({ code: 'INTERNAL' })
    expect(app.crashes).toEqual([expect.objectContaining({ restarted: true })])
    // The restarted core opens the same store and answers.
    expect(await app.invoke('listTrials', { withinDays: null })).toMatchObject({ ok: true, data: { total: 2 } })
    expect(app.coreProcess.starts).toBe(2)

    const exited = new Promise<void>((done) => app.channels[1].onExit(() => done()))
    app.channels[1].kill()
    await exited
    expect(app.crashes.at(-1)).toMatchObject({ restarted: false })
    expect(await app.invoke('listTrials', { withinDays: null })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringMatching(/restart the app/) },
    })
    expect(app.coreProcess.starts).toBe(2)
    await app.close()
    // Killed twice, the store still opens with every trial.
    const desk = await openTrialDesk({ storePath, sources: [], sourceConfig: seedSourceConfig })
    expect(desk.list({ withinDays: null }).total).toBe(2)
    await desk.close()
  })

  it('the main process keeps answering while the core opens a 10,000-trial store', async () => {
    const storePath = storePathIn(tempDir())
    const now = '2026-12-01T00:00:00.000Z'
    await writeStoreFile(storePath, generateStore({ size: 10_000, seed: 12, now }))

    const delay = monitorEventLoopDelay({ resolution: 10 })
    delay.enable()
    const started = performance.now()
    const app = await startApp(storePath)
    // A call made before the store is open waits for it (the window shows meanwhile).
    const list = await app.invoke('listTrials', { withinDays: null })
    const openMs = performance.now() - started
    delay.disable()

    expect(list).toMatchObject({ ok: true, data: { total: expect.any(Number) } })
    expect(list.ok && list.data.total).toBeGreaterThan(9_000)
    const longestStallMs = delay.max / 1e6
    console.log(
      `core open + first list ${openMs.toFixed(0)} ms; longest main-side stall ${longestStallMs.toFixed(1)} ms`,
    )
    // The open itself (parse every record, build the index) takes seconds; the window's process never stalls for
    // more than a fraction of it (a click would be answered).
    expect(openMs).toBeGreaterThan(500)
    expect(longestStallMs).toBeLessThan(openMs / 4)
  }, 120_000)
})
