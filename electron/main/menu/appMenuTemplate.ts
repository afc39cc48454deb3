/** The application menu: Sync now, Settings, Quit, Edit roles, View (reload only in development), Help (log folder). */
import type { MenuItemConstructorOptions } from 'electron'
import type { Language } from '../../../shared/settings'

export interface AppMenuActions {
  syncNow: () => void
  openSettings: () => void
  /** Opens the folder of the support log file in the file manager. */
  openLogFolder: () => void
}

const LABELS = {
  ko: {
    file: '파일',
    syncNow: '지금 동기화',
    settings: '설정…',
    quit: '종료',
    edit: '편집',
    view: '보기',
    window: '창',
    help: '도움말',
    openLogFolder: '로그 폴더 열기',
  },
  en: {
    file: 'File',
    syncNow: 'Sync Now',
    settings: 'Settings…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    openLogFolder: 'Open Log Folder',
  },
} satisfies Record<Language, Record<string, string>>

export function appMenuTemplate(
  options: { language: Language; isDev: boolean; isMac: boolean },
  actions: AppMenuActions,
): MenuItemConstructorOptions[] {
  const t = LABELS[options.language]
  const devItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    {
      label: t.file,
      submenu: [
        { id: 'sync-now', label: t.syncNow, accelerator: 'F5', click: () => actions.syncNow() },
        { id: 'settings', label: t.settings, accelerator: 'CmdOrCtrl+,', click: () => actions.openSettings() },
        { type: 'separator' },
        { id: 'quit', label: t.quit, role: 'quit' },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...devItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t.window, role: 'windowMenu' },
    {
      label: t.help,
      role: 'help',
      submenu: [{ id: 'open-log-folder', label: t.openLogFolder, click: () => actions.openLogFolder() }],
    },
  ]
}
