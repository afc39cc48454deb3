/** Creates the main window: secure options, hardened contents, remembered bounds, CSP-protected local renderer. */
import { BrowserWindow, screen, shell } from 'electron'
import { hardenWebContents } from './hardenWebContents'
import { mainWindowOptions } from './mainWindowOptions'
import { loadWindowState, restorableBounds, saveWindowState } from './windowState'

export interface MainWindowOptions {
  preloadPath: string
  /** Built renderer's index.html (production). */
  indexHtmlPath: string
  /** electron-vite dev server (development only). */
  devServerUrl?: string
  windowStatePath: string
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = loadWindowState(options.windowStatePath)
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const win = new BrowserWindow(mainWindowOptions(options.preloadPath, restorableBounds(saved?.bounds, workAreas)))

  hardenWebContents(win.webContents, (url) => void shell.openExternal(url))
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize()
    win.show()
  })
  win.on('close', () => {
    void saveWindowState(options.windowStatePath, {
      bounds: win.getNormalBounds(),
      maximized: win.isMaximized(),
    }).catch(
      () => undefined, // losing the window position is not worth an error
    )
  })

  if (options.devServerUrl) void win.loadURL(options.devServerUrl)
  else void win.loadFile(options.indexHtmlPath)
  return win
}
