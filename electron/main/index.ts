/**
 * Electron main process: wires the core (store, sync, queries) to Electron. Everything with logic lives in
 * electron-free modules beside this file; here is only the glue that needs the real `electron` module.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, ipcMain, Menu, net, Notification, powerMonitor, safeStorage, session, shell } from 'electron'
import type { IpcEventMap, IpcEventName } from '../../shared/ipc'
import type { TrialDesk } from '../core/api'
import { isTrialsError } from '../core/errors'
import { openTrialDesk } from '../core/openTrialDesk'
import { openSettingsStore, settingsPathFor } from '../core/settings/settingsStore'
import { createSources, sourceConfigFromEnv } from '../core/sources'
import type { SourceConfig } from '../core/sources/source'
import { createApiHandlers } from './api/handlers'
import { appPaths } from './appPaths'
import { registerIpc } from './ipc/registerIpc'
import { createKeyTester } from './key/keyTester'
import { redactKey } from './key/redactKey'
import { createSafeStorageKeyStore } from './key/serviceKeyStore'
import { appMenuTemplate } from './menu/appMenuTemplate'
import { storeRecoveredEvents } from './storeRecovery'
import { nodeScheduleDailyScheduler } from './sync/dailyScheduler'
import { createSyncCoordinator } from './sync/syncCoordinator'
import { contentSecurityPolicy } from './window/contentSecurityPolicy'
import { createMainWindow } from './window/createMainWindow'

const ONLINE_POLL_MS = 30_000
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

let mainWindow: BrowserWindow | null = null

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function start(): Promise<void> {
  await app.whenReady()
  const paths = appPaths(app.getPath('userData'), process.env)
  const settings = await openSettingsStore(settingsPathFor(paths.storePath))
  const keyStore = createSafeStorageKeyStore(paths.serviceKeyPath, safeStorage)
  // axios runs on Chromium's network stack inside the app: system proxy, PAC and certificate store apply.
  const sourceConfig: SourceConfig = {
    ...sourceConfigFromEnv(process.env, () => keyStore.get()),
    fetchImpl: ((input: RequestInfo | URL, init?: RequestInit) =>
      net.fetch(input instanceof URL ? input.href : input, init)) as typeof fetch,
  }

  let core: TrialDesk
  try {
    core = await openTrialDesk({
      storePath: paths.storePath,
      sourceConfig,
      sources: createSources(sourceConfig, { cris: { detailBudget: () => settings.get().crisDetailBudget } }),
    })
  } catch (e) {
    const message = isTrialsError(e)
      ? e.message
      : `Trial Desk could not open its data file (${paths.storePath}). Restart the app; if it keeps failing, report it.`
    dialog.showErrorBox('Trial Desk', message)
    app.exit(1)
    return
  }

  const emit = <E extends IpcEventName>(event: E, payload: IpcEventMap[E]): void => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, redactKey(payload, keyStore.get()))
  }

  const sync = createSyncCoordinator({
    core,
    settings,
    keyStore,
    emit,
    scheduler: nodeScheduleDailyScheduler,
    online: net.isOnline(),
    notify: Notification.isSupported()
      ? ({ title, body, onClick }) => {
          const notification = new Notification({ title, body })
          notification.on('click', () => {
            showMainWindow()
            onClick()
          })
          notification.show()
        }
      : undefined,
    log: (message) => console.log(`[sync] ${message}`),
  })

  const handlers = createApiHandlers({
    core,
    settings,
    keyStore,
    sync,
    testKey: createKeyTester(sourceConfig),
    saveDialog: async ({ defaultFileName, language }) => {
      const options = {
        title: language === 'ko' ? 'CSV로 내보내기' : 'Export as CSV',
        defaultPath: join(app.getPath('documents'), defaultFileName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      }
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    openExternal: (url) => shell.openExternal(url),
    appInfo: { version: app.getVersion(), platform: process.platform },
  })
  registerIpc(ipcMain, handlers, { rendererDir: join(__dirname, '../renderer'), devServerUrl })

  const csp = contentSecurityPolicy(devServerUrl)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })

  const setMenu = (language: 'ko' | 'en') =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        appMenuTemplate(
          { language, isDev: devServerUrl !== undefined, isMac: process.platform === 'darwin' },
          {
            syncNow: () => void sync.run('manual').catch(() => undefined), // the status bar shows failures
            openSettings: () => {
              showMainWindow()
              emit('app:navigate', { screen: 'settings' })
            },
          },
        ),
      ),
    )
  setMenu(settings.get().language)
  settings.onChange((next, previous) => {
    if (next.language !== previous.language) setMenu(next.language)
  })

  const openWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      indexHtmlPath: join(__dirname, '../renderer/index.html'),
      devServerUrl,
      windowStatePath: paths.windowStatePath,
    })
    mainWindow.webContents.on('did-finish-load', () => {
      for (const event of storeRecoveredEvents(core.openWarnings)) emit('store:recovered', event)
    })
    mainWindow.on('closed', () => (mainWindow = null))
  }
  openWindow()

  powerMonitor.on('resume', () => sync.requestCatchUp('resume'))
  const onlinePoll = setInterval(() => sync.setOnline(net.isOnline()), ONLINE_POLL_MS)
  void sync.start()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    clearInterval(onlinePoll)
    sync.stop()
    void core.close().finally(() => app.quit())
  })
}

// A second launch focuses the first window instead of opening a second writer on the same store.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', showMainWindow)
  start().catch((e: unknown) => {
    console.error('Trial Desk failed to start:', isTrialsError(e) ? e.code : 'INTERNAL')
    app.exit(1)
  })
}
