// A CommonJS stand-in for `electron`, for loading the BUILT main bundle (out/main/index.js) under plain Node in a
// child process (see loadMainBundle.cjs). It records what the bundle does: IPC handlers, windows, menu, CSP.
const { EventEmitter } = require('node:events')
const os = require('node:os')
const { utilityProcess, traffic } = require('./utilityProcess.cjs')

const recorded = {
  channels: [],
  windows: [],
  menu: null,
  cspHeader: null,
  singleInstanceLock: false,
  dialogs: [],
  shownItems: [],
  sent: [],
  exitCode: null,
  core: traffic,
}
globalThis.__electronStub = recorded

class WebContents extends EventEmitter {
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn
  }
  send(channel, payload) {
    recorded.sent.push({ channel, payload })
  }
}
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super()
    this.options = options
    this.webContents = new WebContents()
    BrowserWindow.all.push(this)
    recorded.windows.push({ webPreferences: options.webPreferences })
  }
  static getAllWindows() {
    return BrowserWindow.all
  }
  loadFile(file) {
    recorded.windows.at(-1).loaded = file
    setImmediate(() => this.webContents.emit('did-finish-load'))
    return Promise.resolve()
  }
  loadURL(url) {
    recorded.windows.at(-1).loaded = url
    return Promise.resolve()
  }
  isDestroyed() {
    return false
  }
  isMinimized() {
    return false
  }
  isMaximized() {
    return false
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1280, height: 820 }
  }
  show() {}
  focus() {}
  restore() {}
  maximize() {}
}
BrowserWindow.all = []

class Notification extends EventEmitter {
  static isSupported() {
    return true
  }
  show() {}
}

const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  requestSingleInstanceLock: () => (recorded.singleInstanceLock = true),
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.STUB_USER_DATA || os.tmpdir(),
  getVersion: () => '0.0.0-stub',
  quit: () => {},
  exit: (code) => {
    recorded.exitCode = code
  },
})

module.exports = {
  app,
  BrowserWindow,
  Notification,
  dialog: {
    // STUB_DIALOG_BUTTON: the button the "user" presses in a message box (default: the first).
    showMessageBox: async (options) => {
      recorded.dialogs.push(options)
      return { response: Number(process.env.STUB_DIALOG_BUTTON || 0) }
    },
    showSaveDialog: async () => ({ canceled: true }),
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  },
  ipcMain: {
    handle: (channel) => recorded.channels.push(channel),
    removeHandler: () => {},
  },
  Menu: {
    buildFromTemplate: (template) => template,
    setApplicationMenu: (menu) => (recorded.menu = menu.map((m) => m.label || m.role)),
  },
  // Offline for the main process's checks; in the core's process the sources fetch with Node's fetch.
  net: { isOnline: () => false, fetch: (input, init) => fetch(input, init) },
  utilityProcess,
  powerMonitor: new EventEmitter(),
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: () => {
      throw new Error('unavailable')
    },
    decryptString: () => {
      throw new Error('unavailable')
    },
  },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (fn) =>
          fn(
            { responseHeaders: {} },
            (result) => (recorded.cspHeader = result.responseHeaders['Content-Security-Policy']),
          ),
      },
    },
  },
  shell: { openExternal: async () => {}, showItemInFolder: (path) => recorded.shownItems.push(path) },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
}
