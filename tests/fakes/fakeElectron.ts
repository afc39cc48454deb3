/**
 * A stand-in for the `electron` module (no Electron binary on these machines). tests/main/setup.ts mocks `electron`
 * with it; tests inspect what the main process did (windows created, handlers registered, links opened).
 */
import { EventEmitter } from 'node:events'
import { createRequire } from 'node:module'
import { vi } from 'vitest'

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null
  sent: Array<{ channel: string; payload: unknown }> = []
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload })
  }
  /** Emits like Electron: returns whether a listener called preventDefault(). */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args)
    return prevented
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  static getAllWindows = () => FakeBrowserWindow.instances
  webContents = new FakeWebContents()
  loaded: { url?: string; file?: string } = {}
  constructor(public options: Record<string, any>) {
    super()
    FakeBrowserWindow.instances.push(this)
  }
  loadURL(url: string) {
    this.loaded.url = url
    return Promise.resolve()
  }
  loadFile(file: string) {
    this.loaded.file = file
    return Promise.resolve()
  }
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  maximize = vi.fn()
  isMinimized = () => false
  isMaximized = () => false
  isDestroyed = () => false
  getNormalBounds = () => ({
    x: this.options.x ?? 0,
    y: this.options.y ?? 0,
    width: this.options.width,
    height: this.options.height,
  })
}

export const fakeIpcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
    if (fakeIpcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    fakeIpcMain.handlers.set(channel, fn)
  }),
  removeHandler: vi.fn((channel: string) => void fakeIpcMain.handlers.delete(channel)),
}

export const fakeScreen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays: () => fakeScreen.displays,
}

export const fakeShell = { openExternal: vi.fn(async (_url: string) => undefined) }

export const fakeContextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, value: unknown) => void fakeContextBridge.exposed.set(key, value)),
}

export const fakeIpcRenderer = Object.assign(new EventEmitter(), {
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: null })),
})

export function resetFakeElectron(): void {
  FakeBrowserWindow.instances = []
  fakeIpcMain.handlers.clear()
  fakeIpcMain.handle.mockClear()
  fakeIpcMain.removeHandler.mockClear()
  fakeShell.openExternal.mockClear()
  fakeContextBridge.exposed.clear()
  fakeContextBridge.exposeInMainWorld.mockClear()
  fakeIpcRenderer.removeAllListeners()
  fakeIpcRenderer.invoke.mockClear()
  fakeScreen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]
}

/** Electron's utilityProcess: fork() runs the entry in a real child process (electron-stub/utilityProcess.cjs). */
export const fakeUtilityProcess = (
  createRequire(__filename)('./electron-stub/utilityProcess.cjs') as {
    utilityProcess: { fork: (modulePath: string, args?: string[], options?: { env?: NodeJS.ProcessEnv }) => unknown }
  }
).utilityProcess

export const fakeElectronModule = {
  utilityProcess: fakeUtilityProcess,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: fakeIpcMain,
  screen: fakeScreen,
  shell: fakeShell,
  contextBridge: fakeContextBridge,
  ipcRenderer: fakeIpcRenderer,
}
