/** The app's services (createAppServices) around the fake core, with recorders for events, dialogs and links. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { createAppServices } from '../../electron/main/appServices'
import { createMemoryKeyStore } from '../../electron/main/key/serviceKeyStore'
import { openSettingsStore } from '../../electron/core/settings/settingsStore'
import type { IpcEventName } from '../../shared/ipc'
import { createFakeCore } from './fakeCore'

export const TEST_KEY = 'Tk3y+Ab/Cd==SecretServiceKey0042'

export function manualScheduler() {
  const jobs: Array<{ time: string; run: () => void; cancelled: boolean }> = []
  return {
    jobs,
    scheduleDaily(time: string, run: () => void) {
      const job = { time, run, cancelled: false }
      jobs.push(job)
      return { cancel: () => void (job.cancelled = true) }
    },
    fire() {
      jobs.filter((j) => !j.cancelled).forEach((j) => j.run())
    },
  }
}

export async function createTestApp(options: { key?: string; trials?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'trialdesk-main-'))
  const core = createFakeCore({ trials: options.trials ?? 0 })
  const settings = await openSettingsStore(join(dir, 'settings.json'))
  const keyStore = createMemoryKeyStore(options.key)
  const events: Array<{ event: IpcEventName; payload: unknown }> = []
  const scheduler = manualScheduler()
  const saveDialog = vi.fn(async () => join(dir, 'export.csv') as string | null)
  const openExternal = vi.fn(async (_url: string) => undefined)
  const showItemInFolder = vi.fn((_path: string) => undefined)
  const testKey = vi.fn(async (_key: string, _signal: AbortSignal, _source?: string) => ({ totalCount: 145 }))
  const savedSearchesDialogs = {
    save: vi.fn(async (_o: { defaultFileName: string }) => join(dir, 'saved-searches.json') as string | null),
    open: vi.fn(async (_o: { language: string }) => join(dir, 'saved-searches.json') as string | null),
  }
  // The app's own wiring, around the in-memory core.
  const { sync, handlers } = await createAppServices({
    storePath: join(dir, 'trials.json'),
    settings,
    keyStore,
    env: {},
    core,
    testKey,
    send: (event, payload) => void events.push({ event, payload }),
    scheduler,
    wakeDebounceMs: 0,
    saveDialog,
    openExternal,
    showItemInFolder,
    savedSearchesDialogs,
    appInfo: { version: '9.9.9', platform: 'linux', logFolder: '/data/logs' },
  })
  return {
    dir,
    core,
    settings,
    keyStore,
    events,
    sync,
    scheduler,
    handlers,
    saveDialog,
    openExternal,
    showItemInFolder,
    testKey,
    savedSearchesDialogs,
  }
}
