/**
 * Electron main process: starts the core (store, syncs, queries, CSV export, following) in its utility process, hands
 * it and Electron's pieces (key storage, dialogs, notifications, the window) to createAppServices (appServices.ts, the
 * same wiring the e2e bridge and the main-process tests run), then owns what only Electron has: IPC registration, CSP,
 * the menu, the window, power and network polling, quitting. Nothing here reads the store, so the window never waits
 * for it.
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  net,
  Notification,
  powerMonitor,
  safeStorage,
  session,
  shell,
} from 'electron'
import type { Language } from '../../shared/settings'
import { isTrialsError } from '../core/errors'
import { openSettingsStore, settingsPathFor } from '../core/settings/settingsStore'
import { appPaths } from './appPaths'
import { createAppServices } from './appServices'
import { createCoreClient } from './core/coreClient'
import { utilityCoreChannel } from './core/utilityCoreChannel'
import { registerIpc } from './ipc/registerIpc'
import { type AppLog, createAppLog, logUnhandled } from './log/appLog'
import { logAppEvent } from './log/logEvents'
import { createSafeStorageKeyStore } from './key/serviceKeyStore'
import { appMenuTemplate } from './menu/appMenuTemplate'
import { startupFailureDialog } from './startupFailure'
import { nodeScheduleDailyScheduler } from './sync/dailyScheduler'
import { contentSecurityPolicy } from './window/contentSecurityPolicy'
import { createMainWindow } from './window/createMainWindow'

/** How often connectivity and the store file (a CLI may have synced) are checked. */
const POLL_MS = 30_000
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

let mainWindow: BrowserWindow | null = null
/** Set once the app is up; a second launch or a notification click may need to reopen the window (macOS). */
let openWindow: (() => void) | null = null
/** For the start-up failure dialog. */
let storePathForErrors: string | undefined
let languageForErrors: Language = 'ko'
/** Electron drops the click handler of a notification that was garbage-collected: keep them until used. */
const liveNotifications = new Set<Notification>()
/** The support log file (logs/main.log in the data folder); set first thing in start(). */
let appLog: AppLog | null = null

function showMainWindow(): void {
  if ((!mainWindow || mainWindow.isDestroyed()) && openWindow) openWindow()
  if (!mainWindow || mainWindow.isDestroyed()) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

/** The app or its store could not open: say which file and what to do, offer to show the file (never delete it), then quit. */
async function failStartup(error: unknown): Promise<void> {
  console.error('Trial Desk failed to start:', isTrialsError(error) ? error.code : 'INTERNAL')
  appLog?.error(
    `[startup] failed: ${isTrialsError(error) ? `${error.code}: ${error.message}` : 'INTERNAL'}`,
    isTrialsError(error) ? '' : error,
  )
  const box = startupFailureDialog(error, storePathForErrors, languageForErrors)
  try {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: box.title,
      message: box.message,
      detail: box.detail,
      buttons: box.buttons,
      defaultId: box.quitButton,
      cancelId: box.quitButton,
      noLink: true,
    })
    if (response === box.showFileButton && storePathForErrors) shell.showItemInFolder(storePathForErrors)
  } finally {
    app.exit(1)
  }
}

async function start(): Promise<void> {
  await app.whenReady()
  const paths = appPaths(app.getPath('userData'), process.env)
  storePathForErrors = paths.storePath
  // The log file lives in the app's data folder (even when TRIALS_STORE puts the store elsewhere); first, so a
  // failing start-up is in it too. The key is read at every line (it is set once the key store is open).
  let readServiceKey: () => string | undefined = () => undefined
  const log = createAppLog({ dataFolder: app.getPath('userData'), serviceKey: () => readServiceKey() })
  appLog = log
  logUnhandled(log)
  log.info(
    `[startup] Trial Desk ${app.getVersion()} on ${process.platform} ${process.arch} (Electron ${process.versions.electron ?? '?'}), store ${paths.storePath}`,
  )
  const settings = await openSettingsStore(settingsPathFor(paths.storePath))
  languageForErrors = settings.get().language
  const keyStore = createSafeStorageKeyStore(paths.serviceKeyPath, safeStorage)
  readServiceKey = () => keyStore.get()
  // The core's process (out/main/coreProcess.js, built beside this file); its sources fetch with net.fetch there.
  const coreProcess = createCoreClient(() => utilityCoreChannel(join(__dirname, 'coreProcess.js'), paths.storePath), {
    onLog: ({ level, message }) => log[level](message),
    onCrash: ({ code, restarted }) =>
      log.error(
        `[core] the core process exited (code ${code ?? 'none'}); ${restarted ? 'restarted' : 'not restarted again'}`,
      ),
  })
  const services = await createAppServices({
    storePath: paths.storePath,
    settings,
    keyStore,
    env: process.env,
    coreProcess,
    // Payloads arrive scrubbed of the key; the log file gets each event's one-line summary.
    send: (event, payload) => {
      logAppEvent(log, event, payload)
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload)
    },
    scheduler: nodeScheduleDailyScheduler,
    online: net.isOnline(),
    notify: Notification.isSupported()
      ? ({ title, body, onClick }) => {
          const notification = new Notification({ title, body })
          liveNotifications.add(notification)
          notification.on('click', () => {
            liveNotifications.delete(notification)
            showMainWindow()
            onClick()
          })
          notification.on('close', () => liveNotifications.delete(notification))
          notification.show()
        }
      : undefined,
    log: (message) => log.info(`[scheduler] ${message}`),
    saveDialog: async ({ defaultFileName, language }) => {
      const options = {
        title: language === 'ko' ? 'CSV로 내보내기' : 'Export as CSV',
        defaultPath: join(app.getPath('documents'), defaultFileName),
        filters: [{ name: 'CSV', extensions: ['csv'] }],
      }
      const result = mainWindow
        ? await dialog.showSaveDialog(mainWindow, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    openExternal: (url) => shell.openExternal(url),
    showItemInFolder: (path) => shell.showItemInFolder(path),
    appInfo: { version: app.getVersion(), platform: process.platform, logFolder: log.folder },
    savedSearchesDialogs: {
      save: async ({ defaultFileName, language }) => {
        const options = {
          title: language === 'ko' ? '관심 검색 내보내기' : 'Export saved searches',
          defaultPath: join(app.getPath('documents'), defaultFileName),
          filters: [{ name: 'JSON', extensions: ['json'] }],
        }
        const result = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options)
        return result.canceled || !result.filePath ? null : result.filePath
      },
      open: async ({ language }) => {
        const options = {
          title: language === 'ko' ? '관심 검색 가져오기' : 'Import saved searches',
          defaultPath: app.getPath('documents'),
          filters: [{ name: 'JSON', extensions: ['json'] }],
          properties: ['openFile' as const],
        }
        const result = mainWindow
          ? await dialog.showOpenDialog(mainWindow, options)
          : await dialog.showOpenDialog(options)
        return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0]
      },
    },
  })
  const { sync, emit, refreshStore } = services
  // The window shows now; a store that cannot be opened at all (and its .bak neither) ends the app as before. A core
  // process that crashed while opening was started again (once): its open is the one that counts.
  const opened = services.core
    .opened()
    .catch((e: unknown) => (coreProcess.starts > 1 ? services.core.opened() : Promise.reject(e)))
  opened.then(({ openWarnings }) => {
    for (const warning of openWarnings) log.warn(`[store] ${warning}`)
  }, failStartup)

  registerIpc(services.handlers, { rendererDir: join(__dirname, '../renderer'), devServerUrl })

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
            syncNow: () => void sync.run('manual').catch(() => undefined), // 'sync:finished' carries the error
            openSettings: () => {
              showMainWindow()
              emit('app:navigate', { screen: 'settings' })
            },
            openLogFolder: () => {
              void mkdir(log.folder, { recursive: true }).then(() => shell.openPath(log.folder))
            },
          },
        ),
      ),
    )
  setMenu(settings.get().language)
  settings.onChange((next, previous) => {
    if (next.language !== previous.language) setMenu(next.language)
  })

  openWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: join(__dirname, '../preload/index.js'),
      indexHtmlPath: join(__dirname, '../renderer/index.html'),
      devServerUrl,
      windowStatePath: paths.windowStatePath,
    })
    mainWindow.webContents.on('did-finish-load', services.announceOpenWarnings)
    mainWindow.on('focus', () => void refreshStore())
    mainWindow.on('closed', () => (mainWindow = null))
  }
  openWindow()

  powerMonitor.on('resume', () => sync.requestCatchUp('resume'))
  const poll = setInterval(() => {
    sync.setOnline(net.isOnline())
    void refreshStore()
  }, POLL_MS)
  void sync.start()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow?.()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('before-quit', (event) => {
    if (closing) return
    closing = true
    event.preventDefault()
    clearInterval(poll)
    void services.close().finally(() => app.quit())
  })
}

// A second launch focuses the first window instead of opening a second writer on the same store.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', showMainWindow)
  start().catch(failStartup)
}
