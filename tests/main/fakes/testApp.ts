/** Builds the real handlers + coordinator around the fake core, with recorders for events, dialogs and links. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'
import { createApiHandlers, type ApiHandlerDeps } from '../../../electron/main/api/handlers'
import { createMemoryKeyStore } from '../../../electron/main/key/serviceKeyStore'
import { openSettingsStore } from '../../../electron/core/settings/settingsStore'
import { createSyncCoordinator } from '../../../electron/main/sync/syncCoordinator'
import type { IpcEventMap, IpcEventName } from '../../../shared/ipc'
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

export async function createTestApp(options: { key?: string; trials?: number; overrides?: Partial<ApiHandlerDeps> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'trialdesk-main-'))
  const core = createFakeCore({ trials: options.trials ?? 0 })
  const settings = await openSettingsStore(join(dir, 'settings.json'))
  const keyStore = createMemoryKeyStore(options.key)
  const events: Array<{ event: IpcEventName; payload: unknown }> = []
  const emit = <E extends IpcEventName>(event: E, payload: IpcEventMap[E]) => void events.push({ event, payload })
  const scheduler = manualScheduler()
  const sync = createSyncCoordinator({ core, settings, keyStore, emit, scheduler, wakeDebounceMs: 0 })
  const saveDialog = vi.fn(async () => join(dir, 'export.csv') as string | null)
  const openExternal = vi.fn(async (_url: string) => undefined)
  const showItemInFolder = vi.fn((_path: string) => undefined)
  const testKey = vi.fn(async (_key: string, _signal: AbortSignal, _source?: string) => ({ totalCount: 145 }))
  const savedSearchesDialogs = {
    save: vi.fn(async (_o: { defaultFileName: string }) => join(dir, 'saved-searches.json') as string | null),
    open: vi.fn(async (_o: { language: string }) => join(dir, 'saved-searches.json') as string | null),
  }
  const handlers = createApiHandlers({
    core, settings, keyStore, sync, testKey, saveDialog, openExternal, showItemInFolder, savedSearchesDialogs,
    appInfo: { version: '9.9.9', platform: 'linux', logFolder: '/data/logs' },
    ...options.overrides,
  })
  return {
    dir, core, settings, keyStore, events, sync, scheduler, handlers, saveDialog, openExternal, showItemInFolder, testKey, savedSearchesDialogs,
  }
}
