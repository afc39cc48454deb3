/**
 * window.api for the built renderer in Chromium, bridged to the REAL main-process services running in this test
 * process (createAppServices over the real core on a temp store: the app's own wiring), as the preload would do
 * over IPC.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright-core'
import { IPC_CALLS, type IpcEventMap, type IpcEventName } from '../../../shared/ipc'
import type { Settings } from '../../../shared/settings'
import type { ApiHandlers } from '../../../electron/main/api/handlers'
import { createAppServices } from '../../../electron/main/appServices'
import { createMemoryKeyStore } from '../../../electron/main/key/serviceKeyStore'
import { openSettingsStore, settingsPathFor } from '../../../electron/core/settings/settingsStore'

export interface Bridge {
  handlers: ApiHandlers
  storePath: string
  savedCsvPath: string
  /** OS notifications the coordinator showed (title, body), in order: what the user would have seen. */
  notices: Array<{ title: string; body: string; click: () => void }>
  /** Where the saved-searches export/import dialogs point. */
  savedSearchesPath: string
  /** Sends a main → renderer event, as the main process would (e.g. the network going away). */
  emit<E extends IpcEventName>(event: E, payload: IpcEventMap[E]): void
  /** Delay added before every open-API request, so progress is visible on screen. */
  setRequestDelay(ms: number): void
  attach(page: Page): Promise<void>
  close(): Promise<void>
}

export async function createBridge(options: {
  env: Record<string, string>
  settings?: Partial<Settings>
}): Promise<Bridge> {
  const dir = await mkdtemp(join(tmpdir(), 'trial-desk-e2e-'))
  const storePath = join(dir, 'trials.json')
  const savedCsvPath = join(dir, 'export.csv')
  const savedSearchesPath = join(dir, 'saved-searches.json')
  const notices: Bridge['notices'] = []
  let requestDelayMs = 0
  const slowFetch: typeof fetch = async (input, init) => {
    if (requestDelayMs > 0) await new Promise((done) => setTimeout(done, requestDelayMs))
    return fetch(input, init)
  }
  const settings = await openSettingsStore(settingsPathFor(storePath))
  if (options.settings) await settings.update(options.settings)

  let page: Page | null = null
  const services = await createAppServices({
    storePath,
    settings,
    keyStore: createMemoryKeyStore(),
    env: options.env,
    fetchImpl: slowFetch,
    send: (event, payload) => {
      void page
        ?.evaluate(
          ([e, p]) =>
            (globalThis as unknown as { __trialDeskEmit: (e: string, p: unknown) => void }).__trialDeskEmit(e, p),
          [event, payload] as const,
        )
        .catch(() => undefined)
    },
    scheduler: { scheduleDaily: () => ({ cancel: () => undefined }) }, // no daily job in tests
    notify: ({ title, body, onClick }) => void notices.push({ title, body, click: onClick }),
    saveDialog: async () => savedCsvPath,
    openExternal: async () => undefined,
    showItemInFolder: () => undefined,
    savedSearchesDialogs: { save: async () => savedSearchesPath, open: async () => savedSearchesPath },
    appInfo: { version: '0.0.0-e2e', platform: process.platform, logFolder: join(dirname(storePath), 'logs') },
  })
  const { handlers, emit } = services

  return {
    handlers,
    storePath,
    savedCsvPath,
    notices,
    savedSearchesPath,
    emit,
    setRequestDelay: (ms) => {
      requestDelayMs = ms
    },
    async attach(target) {
      page = target
      await target.exposeFunction('__trialDeskCall', (name: keyof ApiHandlers, args: unknown[]) =>
        handlers[name](...args),
      )
      await target.addInitScript((names: string[]) => {
        const listeners = new Map<string, Set<(p: unknown) => void>>()
        // Looked up per call: the exposed binding is installed by Playwright, not by this script.
        const call = (name: string, args: unknown[]) =>
          (globalThis as unknown as { __trialDeskCall: (n: string, a: unknown[]) => Promise<unknown> }).__trialDeskCall(
            name,
            args,
          )
        const api: Record<string, unknown> = {
          on(event: string, listener: (p: unknown) => void) {
            const set = listeners.get(event) ?? new Set()
            set.add(listener)
            listeners.set(event, set)
            return () => set.delete(listener)
          },
        }
        for (const name of names) api[name] = (...args: unknown[]) => call(name, args)
        ;(globalThis as unknown as { api: unknown }).api = api
        ;(globalThis as unknown as { __trialDeskEmit: unknown }).__trialDeskEmit = (event: string, payload: unknown) =>
          listeners.get(event)?.forEach((listener) => listener(payload))
      }, Object.keys(IPC_CALLS))
    },
    close: () => services.close(),
  }
}
