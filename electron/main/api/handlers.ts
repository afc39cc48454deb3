/**
 * The IPC API as plain async functions: one per IpcCallMap method (shared/ipc.ts), each validating its arguments
 * with zod and answering with an IpcResult envelope. Electron-free on purpose: createAppServices (../appServices.ts)
 * builds them for the app, which registers them with ipcMain (../ipc/registerIpc.ts, after checking the sender
 * frame), and for the e2e bridge and the main-process tests, which call the same functions in-process.
 *
 * Results never carry the service key (redactKey on every result; KeyInfo has only the last 4 characters).
 */
import type {
  AppInfo,
  IpcCallMap,
  IpcCallName,
  IpcResult,
  KeyTestResult,
  KeyTestSourceResult,
} from '../../../shared/ipc'
import type { Language } from '../../../shared/settings'
import { sourceNeedsKey, type SourceId } from '../../../shared/trials'
import type { CoreApi } from '../../core/process/coreApi'
import type { SettingsStore } from '../../core/settings/settingsStore'
import { redactKey } from '../key/redactKey'
import type { ServiceKeyStore } from '../key/serviceKeyStore'
import { isAllowedExternalUrl } from '../window/externalLinks'
import { enabledSources } from '../../core/settings/enabledSources'
import type { SyncCoordinator } from '../sync/syncCoordinator'
import { noKeyError } from '../sync/syncRefusals'
import { ARG_SCHEMAS, type ParsedArgs } from './argSchemas'
import { followingHandlers } from './followingHandlers'
import { toIpcError } from './toIpcError'

export interface ApiHandlerDeps {
  /** The store, its queries, the CSV export and the following: in the app, answered by the core's utility process. */
  core: CoreApi
  settings: SettingsStore
  keyStore: ServiceKeyStore
  sync: Pick<SyncCoordinator, 'run' | 'cancel' | 'progress' | 'online' | 'nextScheduledAt'>
  /** Checks a key against one source's API (the app: createKeyTester); resolves the reported row count or throws TrialsError. */
  testKey: (key: string, signal: AbortSignal, source: SourceId) => Promise<{ totalCount: number }>
  /** Asks where to save; null when the user cancels. */
  saveDialog: (options: { defaultFileName: string; language: Language }) => Promise<string | null>
  /** Opens an already allow-listed https URL in the system browser. */
  openExternal: (url: string) => Promise<void>
  /** Shows a file in the system file manager (the app: shell.showItemInFolder). */
  showItemInFolder: (path: string) => void
  appInfo: Pick<AppInfo, 'version' | 'platform' | 'logFolder'>
  now?: () => Date
  /** How long "test connection" may take. Default 30 s. */
  keyTestTimeoutMs?: number
  /** Runs before every call that reads the store (the app: pick up a CLI's writes, LiveTrialDesk). */
  beforeRead?: () => Promise<unknown>
  /** File dialogs for sharing saved searches (JSON); null when the user cancels. Absent: export/import unavailable. */
  savedSearchesDialogs?: {
    save: (options: { defaultFileName: string; language: Language }) => Promise<string | null>
    open: (options: { language: Language }) => Promise<string | null>
  }
}

/** Calls answered from the store's contents. */
const STORE_READS: ReadonlySet<IpcCallName> = new Set([
  'listTrials',
  'getTrial',
  'getSyncStatus',
  'getSyncLog',
  'exportCsv',
  'getAppInfo',
  'listSavedSearches',
  'openSavedSearch',
  'getWatched',
  'watchTrial',
  'unwatchTrial',
  'setNote',
])

/** What IPC delivers is untrusted, hence `unknown[]`. */
export type ApiHandlers = {
  [K in IpcCallName]: (...args: unknown[]) => Promise<IpcResult<IpcCallMap[K]['result']>>
}

export type Implementations = {
  [K in IpcCallName]: (args: ParsedArgs<K>) => Promise<IpcCallMap[K]['result']> | IpcCallMap[K]['result']
}

function validationError(name: string, issues: { path: PropertyKey[]; message: string }[]): IpcResult<never> {
  const first = issues[0]
  const where = first && first.path.length > 0 ? ` (argument ${first.path.map(String).join('.')})` : ''
  return {
    ok: false,
    error: {
      code: 'VALIDATION',
      message: `Trial Desk received an invalid request (${name}${where}: ${first?.message ?? 'invalid'}). Reload the window and try again.`,
    },
  }
}

export function createApiHandlers(deps: ApiHandlerDeps): ApiHandlers {
  const now = deps.now ?? (() => new Date())
  // Only the file this window just exported may be shown: the renderer never names arbitrary paths.
  let lastExportPath: string | null = null

  const impl: Implementations = {
    listTrials: ([query]) => deps.core.list(query),
    getTrial: ([id]) => deps.core.get(id),
    startSync: ([options]) => deps.sync.run('manual', options?.sources, { fullResync: options?.fullResync }),
    cancelSync: () => ({ cancelled: deps.sync.cancel() }),
    getSyncStatus: async () => ({
      ...(await deps.core.status()),
      online: deps.sync.online(),
      progress: deps.sync.progress(),
      nextScheduledAt: deps.sync.nextScheduledAt(),
    }),
    getSyncLog: ([query]) => deps.core.syncLog(query ?? {}),
    getSettings: () => deps.settings.get(),
    updateSettings: ([patch]) => deps.settings.update(patch),
    getKeyInfo: () => deps.keyStore.info(),
    setServiceKey: ([key]) => deps.keyStore.set(key),
    clearServiceKey: () => deps.keyStore.clear(),
    testServiceKey: () => testKey(),
    exportCsv: async ([request]) => {
      const path = await deps.saveDialog({
        defaultFileName: `trials-${now().toISOString().slice(0, 10)}.csv`,
        language: request.language,
      })
      if (path === null) return { path: null, rows: 0 }
      // Building 100,000 rows is the core's work; the main process only asked where to save them.
      const { rows } = await deps.core.exportCsv({ path, query: request.query, language: request.language })
      lastExportPath = path
      return { path, rows }
    },
    showExportedFile: ([path]) => {
      if (path !== lastExportPath) return { shown: false }
      deps.showItemInFolder(path)
      return { shown: true }
    },
    openExternal: async ([url]) => {
      if (!isAllowedExternalUrl(url)) return { opened: false }
      await deps.openExternal(url)
      return { opened: true }
    },
    getAppInfo: async () => {
      const { storePath, storeBytes } = await deps.core.status()
      return { ...deps.appInfo, storePath, storeBytes }
    },
    ...followingHandlers(deps),
  }

  async function testKey(): Promise<KeyTestResult> {
    const key = deps.keyStore.get()
    if (!key) return { ok: false, error: noKeyError().toJSON() }
    // ClinicalTrials.gov has no key to test: the key test stays per data.go.kr dataset.
    const enabled = enabledSources(deps.settings.get()).filter(sourceNeedsKey)
    const signal = AbortSignal.timeout(deps.keyTestTimeoutMs ?? 30_000)
    const results: KeyTestSourceResult[] = await Promise.all(
      (enabled.length > 0 ? enabled : (['icreat'] as SourceId[])).map(async (source) => {
        try {
          const { totalCount } = await deps.testKey(key, signal, source)
          return { source, ok: true, totalCount }
        } catch (e) {
          return { source, ok: false, error: toIpcError(e) }
        }
      }),
    )
    const failed = results.find((r) => !r.ok)
    const icreat = results.find((r) => r.source === 'icreat')
    return failed
      ? { ok: false, error: failed.error, sources: results }
      : { ok: true, totalCount: icreat?.totalCount ?? results[0]?.totalCount, sources: results }
  }

  const handlers = {} as Record<IpcCallName, (...args: unknown[]) => Promise<IpcResult<unknown>>>
  for (const name of Object.keys(ARG_SCHEMAS) as IpcCallName[]) {
    handlers[name] = async (...args: unknown[]) => {
      // Trailing `undefined`s are how optional arguments arrive; drop them so the tuple schemas stay exact.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop()
      const parsed = ARG_SCHEMAS[name].safeParse(args)
      if (!parsed.success) return validationError(name, parsed.error.issues)
      try {
        if (STORE_READS.has(name)) await deps.beforeRead?.()
        const run = impl[name] as (a: unknown) => unknown
        const data = await run(parsed.data)
        return redactKey({ ok: true, data }, deps.keyStore.get())
      } catch (e) {
        return redactKey({ ok: false, error: toIpcError(e) }, deps.keyStore.get())
      }
    }
  }
  return handlers as ApiHandlers
}
