/**
 * The one IPC contract between the renderer and the main process.
 * Calls are request/response (`ipcRenderer.invoke`); events flow main → renderer.
 * The preload builds `window.api` from IPC_CALLS / IPC_EVENTS; the main process registers exactly one handler per call.
 */
import type { AppError } from './errors'
import type { ImportResult, SavedQuery, SavedSearch, SavedSearchSummary, SeenMarks, WatchedView } from './following'
import type { KeyInfo, Language, Settings } from './settings'
import type { ListQuery, ListResult, SourceId, StatusReport, SyncLogEntry, SyncProgress, TrialDetail } from './trials'

/** Every result crosses IPC as an envelope: thrown errors would lose their code (electron #24427). */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: AppError }

export interface SyncStatus extends StatusReport {
  online: boolean
  /** Progress of the running sync, if any. */
  progress: SyncProgress | null
  /** When the next scheduled sync is due (ISO), or null when the schedule is off. */
  nextScheduledAt: string | null
}

export interface SyncLogQuery {
  ok?: boolean // only successes / only failures
  source?: SourceId
  offset?: number
  limit?: number // 1 to the log's size (the core's MAX_SYNC_LOG_ENTRIES), default 50
}

export interface KeyTestSourceResult {
  source: SourceId
  ok: boolean
  totalCount?: number
  error?: AppError
}

export interface KeyTestResult {
  /** True when the key works for every enabled source. */
  ok: boolean
  /** Rows the API reported (icreat totalCount) when the key works. */
  totalCount?: number
  /** The first failure, if any. */
  error?: AppError
  /** One result per enabled source: 활용신청 is per dataset, so a key can work for one and not the other. */
  sources?: KeyTestSourceResult[]
}

export interface ExportRequest {
  query: ListQuery
  language: Language
}

export interface ExportResult {
  /** null when the user cancelled the save dialog. */
  path: string | null
  rows: number
}

export interface AppInfo {
  version: string
  storePath: string
  storeBytes: number
  platform: string
  /** The folder of the support log file (main.log and its older generations). */
  logFolder: string
}

/** Method name on window.api → [channel, argument tuple, result]. */
export interface IpcCallMap {
  listTrials: { channel: 'trials:list'; args: [query: ListQuery]; result: ListResult }
  getTrial: { channel: 'trials:get'; args: [id: string]; result: TrialDetail }
  /** `fullResync`: ClinicalTrials.gov fetches everything and lists every id again (Settings → full resync). */
  startSync: {
    channel: 'sync:start'
    args: [options?: { sources?: SourceId[]; fullResync?: boolean }]
    result: SyncLogEntry[]
  }
  cancelSync: { channel: 'sync:cancel'; args: []; result: { cancelled: boolean } }
  getSyncStatus: { channel: 'sync:status'; args: []; result: SyncStatus }
  getSyncLog: { channel: 'sync:log'; args: [query?: SyncLogQuery]; result: { total: number; items: SyncLogEntry[] } }
  getSettings: { channel: 'settings:get'; args: []; result: Settings }
  updateSettings: { channel: 'settings:update'; args: [patch: Partial<Settings>]; result: Settings }
  getKeyInfo: { channel: 'key:info'; args: []; result: KeyInfo }
  setServiceKey: { channel: 'key:set'; args: [key: string]; result: KeyInfo }
  clearServiceKey: { channel: 'key:clear'; args: []; result: KeyInfo }
  testServiceKey: { channel: 'key:test'; args: []; result: KeyTestResult }
  exportCsv: { channel: 'export:csv'; args: [request: ExportRequest]; result: ExportResult }
  /** Shows the file the last export wrote in the system file manager ("폴더 열기"); any other path is refused. */
  showExportedFile: { channel: 'export:show'; args: [path: string]; result: { shown: boolean } }
  openExternal: { channel: 'app:open-external'; args: [url: string]; result: { opened: boolean } }
  getAppInfo: { channel: 'app:info'; args: []; result: AppInfo }
  // Following (user-data.json): saved searches, watched trials, notes, seen marks.
  listSavedSearches: { channel: 'saved:list'; args: []; result: SavedSearchSummary[] }
  addSavedSearch: {
    channel: 'saved:add'
    args: [input: { name: string; query: SavedQuery; alerts?: boolean }]
    result: SavedSearch
  }
  renameSavedSearch: { channel: 'saved:rename'; args: [from: string, to: string]; result: SavedSearch }
  moveSavedSearch: { channel: 'saved:move'; args: [name: string, toIndex: number]; result: SavedSearch[] }
  updateSavedSearch: {
    channel: 'saved:update'
    args: [name: string, patch: { query?: SavedQuery; alerts?: boolean }]
    result: SavedSearch
  }
  removeSavedSearch: { channel: 'saved:remove'; args: [name: string]; result: { removed: string } }
  /** The user opened the search: answers it as it was (its unseen count and seen mark), then marks it seen. */
  openSavedSearch: { channel: 'saved:open'; args: [name: string]; result: SavedSearchSummary }
  exportSavedSearches: {
    channel: 'saved:export'
    args: [language: Language]
    result: { path: string | null; count: number }
  }
  /** null when the user cancelled the file dialog. */
  importSavedSearches: { channel: 'saved:import'; args: [language: Language]; result: ImportResult | null }
  getSeenMarks: { channel: 'seen:get'; args: []; result: SeenMarks }
  markSeen: { channel: 'seen:mark'; args: [view: keyof SeenMarks]; result: SeenMarks }
  watchTrial: { channel: 'watch:add'; args: [id: string]; result: { id: string; watched: boolean } }
  unwatchTrial: { channel: 'watch:remove'; args: [id: string]; result: { id: string; watched: boolean } }
  getWatched: { channel: 'watch:list'; args: []; result: WatchedView }
  setNote: { channel: 'note:set'; args: [id: string, text: string | null]; result: { id: string; note: string | null } }
}

export type IpcCallName = keyof IpcCallMap

/** Runtime list of calls (the preload and the main process iterate it). */
export const IPC_CALLS: { [K in IpcCallName]: IpcCallMap[K]['channel'] } = {
  listTrials: 'trials:list',
  getTrial: 'trials:get',
  startSync: 'sync:start',
  cancelSync: 'sync:cancel',
  getSyncStatus: 'sync:status',
  getSyncLog: 'sync:log',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getKeyInfo: 'key:info',
  setServiceKey: 'key:set',
  clearServiceKey: 'key:clear',
  testServiceKey: 'key:test',
  exportCsv: 'export:csv',
  showExportedFile: 'export:show',
  openExternal: 'app:open-external',
  getAppInfo: 'app:info',
  listSavedSearches: 'saved:list',
  addSavedSearch: 'saved:add',
  renameSavedSearch: 'saved:rename',
  moveSavedSearch: 'saved:move',
  updateSavedSearch: 'saved:update',
  removeSavedSearch: 'saved:remove',
  openSavedSearch: 'saved:open',
  exportSavedSearches: 'saved:export',
  importSavedSearches: 'saved:import',
  getSeenMarks: 'seen:get',
  markSeen: 'seen:mark',
  watchTrial: 'watch:add',
  unwatchTrial: 'watch:remove',
  getWatched: 'watch:list',
  setNote: 'note:set',
}

/** A screen the main process can ask the renderer to show; `saved` opens the named saved search. */
export type AppNavigation =
  { screen: 'list' | 'settings' | 'log' | 'watched' } | { screen: 'saved'; savedSearch: string }

/** Main → renderer events. */
export interface IpcEventMap {
  'sync:progress': SyncProgress
  /**
   * A sync ended. `entries`: one per source (also sent with another process's new entries, e.g. a CLI sync, when the
   * app picks up its changes). `error`: the run failed as a whole and has no entries (STORE_IN_USE, NO_KEY, …), whatever
   * started it (button, menu, schedule, catch-up); show it like a failed startSync reply.
   */
  'sync:finished': { entries: SyncLogEntry[]; error?: AppError }
  'store:recovered': { message: string; corruptPath: string }
  'net:online': { online: boolean }
  /** Menu items and notification clicks ask the renderer to show a screen. */
  'app:navigate': AppNavigation
}
export type IpcEventName = keyof IpcEventMap
/** Sends a main → renderer event (the app: to the main window; the e2e bridge: to the page; tests: a recorder). */
export type EmitEvent = <E extends IpcEventName>(event: E, payload: IpcEventMap[E]) => void
export const IPC_EVENTS: readonly IpcEventName[] = [
  'sync:progress',
  'sync:finished',
  'store:recovered',
  'net:online',
  'app:navigate',
]

/** `window.api` as the renderer sees it. */
export type TrialDeskApi = {
  [K in IpcCallName]: (...args: IpcCallMap[K]['args']) => Promise<IpcResult<IpcCallMap[K]['result']>>
} & {
  on<E extends IpcEventName>(event: E, listener: (payload: IpcEventMap[E]) => void): () => void
}
