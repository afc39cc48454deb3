/**
 * Everything behind window.api, wired once: the core (CoreApi: the store, syncs, queries, CSV export, following), the
 * sync coordinator, the IPC handlers and the one event channel to the renderer (scrubbed of the service key here, and
 * only here). Electron-free: the app passes Electron's pieces (safeStorage key store, the core in its utility
 * process, dialogs, notifications, webContents.send), the e2e bridge and the main-process tests pass plain Node ones
 * (the same core in-process), so all three run the same wiring.
 */
import type { EmitEvent } from '../../shared/ipc'
import { isTrialsError } from '../core/errors'
import type { CoreApi } from '../core/process/coreApi'
import { createCoreService, openCoreService } from '../core/process/coreService'
import type { SettingsStore } from '../core/settings/settingsStore'
import type { TrialDesk } from '../core/trialDesk'
import { createApiHandlers, type ApiHandlerDeps, type ApiHandlers } from './api/handlers'
import { redactKey } from './key/redactKey'
import type { ServiceKeyStore } from './key/serviceKeyStore'
import { storeRecoveredEvents } from './storeRecovery'
import type { DailyScheduler } from './sync/dailyScheduler'
import { createSyncCoordinator, type SyncCoordinator, type SyncCoordinatorDeps } from './sync/syncCoordinator'

/** What the platform provides: where the data lives, the key store, the network, dialogs, the window. */
export interface AppServiceDeps
  extends
    Pick<ApiHandlerDeps, 'saveDialog' | 'openExternal' | 'showItemInFolder' | 'appInfo' | 'savedSearchesDialogs'>,
    Pick<SyncCoordinatorDeps, 'notify' | 'online' | 'log' | 'wakeDebounceMs'> {
  storePath: string
  /** Opened by the caller first, so a start-up failure can still speak the user's language. */
  settings: SettingsStore
  keyStore: ServiceKeyStore
  /** Environment for the sources' endpoints and timeouts (TRIALS_* overrides) of an in-process core. */
  env: Readonly<Record<string, string | undefined>>
  /** The HTTP transport of an in-process core. Default: Node's fetch. */
  fetchImpl?: typeof fetch
  /** The core in another process (the app: its utility process). Default: opened in this process from `storePath`. */
  coreProcess?: CoreApi
  /** Delivers a main → renderer event; payloads arrive already scrubbed of the key. */
  send: EmitEvent
  scheduler: DailyScheduler
  /** Replaces the store-backed core (main-process tests use an in-memory one), served in-process. */
  core?: TrialDesk
  /** Replaces the per-source key test against the real APIs (main-process tests). */
  testKey?: ApiHandlerDeps['testKey']
  onReloadFailed?: (error: unknown) => void
}

/** How long Settings → Test connection may take. */
const KEY_TEST_TIMEOUT_MS = 30_000

export interface AppServices {
  core: CoreApi
  settings: SettingsStore
  keyStore: ServiceKeyStore
  sync: SyncCoordinator
  handlers: ApiHandlers
  /** The only way events reach the renderer: scrubs the key, then `send`s. */
  emit: EmitEvent
  /** Picks up another process's writes (a CLI sync) and tells the renderer. Never throws. */
  refreshStore(): Promise<void>
  /** Announces a store recovered at open (the window finished loading), once the store is open. */
  announceOpenWarnings(): void
  close(): Promise<void>
}

export async function createAppServices(deps: AppServiceDeps): Promise<AppServices> {
  const { settings, keyStore } = deps
  // Calls wait inside the core until its store is open: nothing here waits for it, so the window shows at once.
  const core: CoreApi =
    deps.coreProcess ??
    (deps.core
      ? createCoreService(Promise.resolve(deps.core))
      : openCoreService({
          storePath: deps.storePath,
          env: deps.env,
          fetchImpl: deps.fetchImpl,
          onReloadFailed:
            deps.onReloadFailed ??
            ((e) => console.error('[store] reload failed:', isTrialsError(e) ? e.code : 'INTERNAL')),
        }))
  // The in-memory core of the tests has no file another process could write.
  const live = !deps.core

  const emit: EmitEvent = (event, payload) => deps.send(event, redactKey(payload, keyStore.get()))
  const refreshStore = async (): Promise<void> => {
    if (!live) return
    const reload = await core.refreshIfChangedOnDisk().catch(() => null)
    if (!reload) return
    for (const event of storeRecoveredEvents(reload.warnings)) emit('store:recovered', event)
    emit('sync:finished', { entries: reload.newEntries })
    // A CLI sync (e.g. from cron) that brought something the user follows gets the same one notification.
    await sync.announce(reload.newEntries, 'cli')
  }

  const sync = createSyncCoordinator({
    core,
    settings,
    keyStore,
    emit,
    scheduler: deps.scheduler,
    online: deps.online,
    notify: deps.notify,
    log: deps.log,
    wakeDebounceMs: deps.wakeDebounceMs,
    ...(live ? { refreshStore } : {}),
  })

  const handlers = createApiHandlers({
    core,
    settings,
    keyStore,
    sync,
    testKey: deps.testKey ?? ((key, _signal, source) => core.testKey({ key, source, timeoutMs: KEY_TEST_TIMEOUT_MS })),
    saveDialog: deps.saveDialog,
    openExternal: deps.openExternal,
    showItemInFolder: deps.showItemInFolder,
    appInfo: deps.appInfo,
    savedSearchesDialogs: deps.savedSearchesDialogs,
    ...(live ? { beforeRead: refreshStore } : {}),
  })

  return {
    core,
    settings,
    keyStore,
    sync,
    handlers,
    emit,
    refreshStore,
    announceOpenWarnings: () => {
      void core.opened().then(
        ({ openWarnings }) => {
          for (const event of storeRecoveredEvents(openWarnings)) emit('store:recovered', event)
        },
        () => undefined, // the start-up failure path reports it
      )
    },
    async close() {
      sync.stop()
      await core.close()
    },
  }
}
