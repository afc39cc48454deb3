/**
 * The core behind CoreApi: the live store (picking up a CLI's writes), the sources, the CSV export and the key test.
 * The app runs it in its utility process (serveCore.ts answers the main process's messages with it); the e2e bridge
 * and the main-process tests call it in-process. Every call waits until the store is open, so the window can ask
 * before it is.
 */
import { collectAllRows, writeTrialsCsv } from '../export/csvExport'
import { openTrialDesk } from '../openTrialDesk'
import { createSources, sourceConfigFromEnv } from '../sources'
import { createKeyTester } from '../sources/keyTester'
import type { SourceConfig } from '../sources/source'
import type { TrialDesk } from '../trialDesk'
import type { CoreApi, CoreFollowing } from './coreApi'
import { openLiveTrialDesk, type LiveTrialDesk } from './liveTrialDesk'

export interface CoreServiceConfig {
  storePath: string
  /** TRIALS_* overrides for the sources' endpoints and timeouts. */
  env: Readonly<Record<string, string | undefined>>
  /** The HTTP transport (the app: Electron's net.fetch, so the system proxy applies). Default: Node's fetch. */
  fetchImpl?: typeof fetch
  onReloadFailed?: (error: unknown) => void
}

/** Only what a running sync or key test was given: nothing is kept once it ends. */
interface SyncScope {
  serviceKey?: string
  crisDetailBudget?: number
}

/** The core over a store file (the app's utility process, the e2e bridge). */
export function openCoreService(config: CoreServiceConfig): CoreApi {
  let scope: SyncScope = {}
  const sourceConfig: SourceConfig = {
    ...sourceConfigFromEnv(config.env, () => scope.serviceKey),
    ...(config.fetchImpl ? { fetchImpl: config.fetchImpl } : {}),
  }
  const desk = openLiveTrialDesk({
    storePath: config.storePath,
    // Opening reads without the writer lock, so it works while a CLI is syncing.
    open: () =>
      openTrialDesk({
        storePath: config.storePath,
        sourceConfig,
        sources: createSources(sourceConfig, { cris: { detailBudget: () => scope.crisDetailBudget } }),
      }),
    onReloadFailed: config.onReloadFailed,
  })
  return createCoreService(desk, {
    testKey: createKeyTester(sourceConfig),
    withScope: async (next, run) => {
      scope = next
      try {
        return await run()
      } finally {
        scope = {}
      }
    },
  })
}

export interface CoreServiceOptions {
  testKey?: ReturnType<typeof createKeyTester>
  /** Makes the key and budget of one sync visible to the sources while it runs. */
  withScope?: <T>(scope: SyncScope, run: () => Promise<T>) => Promise<T>
}

/** The core over any TrialDesk (the store-backed one, or the main-process tests' in-memory one). */
export function createCoreService(
  opening: Promise<TrialDesk | LiveTrialDesk>,
  options: CoreServiceOptions = {},
): CoreApi {
  // Once open, calls go straight to the desk (a sync starts in the same tick it was asked for, as in-process).
  let open: TrialDesk | LiveTrialDesk | null = null
  // Rejections surface through opened() and every call; never as an unhandled rejection.
  opening.then(
    (desk) => (open = desk),
    () => undefined,
  )
  const withScope = options.withScope ?? ((_scope, run) => run())
  const following = new Proxy({} as CoreFollowing, {
    get:
      (_target, name: string) =>
      async (...args: unknown[]) => {
        const desk = await opening
        return (desk.following[name as keyof CoreFollowing] as (...a: unknown[]) => unknown)(...args)
      },
  })
  return {
    opened: async () => ({ openWarnings: [...(await opening).openWarnings] }),
    list: async (query) => (await opening).list(query),
    get: async (id) => (await opening).get(id),
    status: async () => (await opening).status(),
    syncLog: async (filter) => (await opening).syncLog(filter),
    following,
    async sync({ serviceKey, crisDetailBudget, ...options }) {
      const desk = open ?? (await opening)
      return withScope({ serviceKey, crisDetailBudget }, () => desk.sync(options))
    },
    async testKey({ key, source, timeoutMs }) {
      if (!options.testKey) throw new Error('no key tester in this core')
      return options.testKey(key, AbortSignal.timeout(timeoutMs), source)
    },
    async exportCsv({ path, query, language }) {
      const rows = collectAllRows(await opening, query)
      await writeTrialsCsv(path, rows, language)
      return { rows: rows.length }
    },
    async refreshIfChangedOnDisk() {
      const desk = await opening
      return 'refreshIfChangedOnDisk' in desk ? desk.refreshIfChangedOnDisk() : null
    },
    close: async () => (await opening.catch(() => null))?.close(),
  }
}
