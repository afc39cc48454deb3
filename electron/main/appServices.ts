/**
 * Everything behind window.api, wired once: the live store, the sync coordinator, the IPC handlers and the one event
 * channel to the renderer (scrubbed of the service key here, and only here). Electron-free: the app passes Electron's
 * pieces (safeStorage key store, net.fetch, dialogs, notifications, webContents.send), the e2e bridge and the
 * main-process tests pass plain Node ones, so all three run the same wiring.
 */
import type { EmitEvent } from '../../shared/ipc'
import { isTrialsError } from '../core/errors'
import { openTrialDesk } from '../core/openTrialDesk'
import type { SettingsStore } from '../core/settings/settingsStore'
import { createSources, sourceConfigFromEnv } from '../core/sources'
import type { SourceConfig } from '../core/sources/source'
import type { TrialDesk } from '../core/trialDesk'
import { createApiHandlers, type ApiHandlerDeps, type ApiHandlers } from './api/handlers'
import { createKeyTester } from './key/keyTester'
import { redactKey } from './key/redactKey'
import type { ServiceKeyStore } from './key/serviceKeyStore'
import { openLiveTrialDesk, type LiveTrialDesk } from './store/liveTrialDesk'
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
  /** Environment for the sources' endpoints and timeouts (TRIALS_* overrides). */
  env: Readonly<Record<string, string | undefined>>
  /** The HTTP transport (the app: Chromium's, so proxies and certificates apply). Default: Node's fetch. */
  fetchImpl?: typeof fetch
  /** Delivers a main → renderer event; payloads arrive already scrubbed of the key. */
  send: EmitEvent
  scheduler: DailyScheduler
  /** Replaces the store-backed core (main-process tests use an in-memory one). */
  core?: TrialDesk
  /** Replaces the per-source key test against the real APIs (main-process tests). */
  testKey?: ApiHandlerDeps['testKey']
  onReloadFailed?: (error: unknown) => void
}

export interface AppServices {
  core: TrialDesk
  settings: SettingsStore
  keyStore: ServiceKeyStore
  sourceConfig: SourceConfig
  sync: SyncCoordinator
  handlers: ApiHandlers
  /** The only way events reach the renderer: scrubs the key, then `send`s. */
  emit: EmitEvent
  /** Picks up another process's writes (a CLI sync) and tells the renderer. Never throws. */
  refreshStore(): Promise<void>
  /** Re-announces a store recovered at open (the window finished loading). */
  announceOpenWarnings(): void
  close(): Promise<void>
}

export async function createAppServices(deps: AppServiceDeps): Promise<AppServices> {
  const { settings, keyStore } = deps
  const sourceConfig: SourceConfig = {
    ...sourceConfigFromEnv(deps.env, () => keyStore.get()),
    ...(deps.fetchImpl ? { fetchImpl: deps.fetchImpl } : {}),
  }
  // Opening reads without the writer lock, so it works while a CLI is syncing.
  const live: LiveTrialDesk | null = deps.core
    ? null
    : await openLiveTrialDesk({
        storePath: deps.storePath,
        open: () =>
          openTrialDesk({
            storePath: deps.storePath,
            sourceConfig,
            sources: createSources(sourceConfig, { cris: { detailBudget: () => settings.get().crisDetailBudget } }),
          }),
        onReloadFailed:
          deps.onReloadFailed ??
          ((e) => console.error('[store] reload failed:', isTrialsError(e) ? e.code : 'INTERNAL')),
      })
  const core: TrialDesk = deps.core ?? live!

  const emit: EmitEvent = (event, payload) => deps.send(event, redactKey(payload, keyStore.get()))
  const refreshStore = async (): Promise<void> => {
    const reload = await live?.refreshIfChangedOnDisk()
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
    testKey: deps.testKey ?? createKeyTester(sourceConfig),
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
    sourceConfig,
    sync,
    handlers,
    emit,
    refreshStore,
    announceOpenWarnings: () => {
      for (const event of storeRecoveredEvents(core.openWarnings)) emit('store:recovered', event)
    },
    async close() {
      sync.stop()
      await core.close()
    },
  }
}
