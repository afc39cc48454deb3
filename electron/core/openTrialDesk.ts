import type { SyncLogQuery } from '../../shared/ipc'
import type { ListQuery, ListResult, SourceId, StatusReport, SyncLogEntry, TrialDetail } from '../../shared/trials'
import { linksOf } from './linking/indexLinks'
import type { OpenOptions, SyncOptions, TrialDesk } from './trialDesk'
import { FALLBACK_ATTRIBUTION, getTrial } from './query/getTrial'
import { listTrials, type ListExtras } from './query/listTrials'
import type { Source } from './sources/source'
import { buildStatusReport } from './store/statusReport'
import { withLastSeen } from './store/lastSeen'
import { StoreSession } from './store/storeSession'
import { runSync } from './sync/runSync'
import { filterSyncLog } from './sync/syncLog'
import { createFollowing, marksOf, notesOf, withMarks, type Following } from './userData/following'
import { userDataPathFor } from './userData/userDataFile'
import { UserDataStore } from './userData/userDataStore'

class StoreBackedTrialDesk implements TrialDesk {
  private running: Promise<SyncLogEntry[]> | null = null
  readonly following: Following

  constructor(
    private readonly session: StoreSession,
    private readonly sources: ReadonlyMap<string, Source>,
    private readonly serviceKey: () => string | undefined,
    readonly openWarnings: string[],
    private readonly userData: UserDataStore,
  ) {
    this.following = createFollowing(userData, {
      index: () => this.session.index,
      sources,
      list: (query, extras) => this.listWithNotes(query, extras),
      now: () => new Date(),
    })
  }

  get syncing(): boolean {
    return this.running !== null
  }

  /** The list over the store, where `q` also matches the user's private notes. */
  private listWithNotes(query: ListQuery, extras: ListExtras = {}): ListResult {
    const result = listTrials(this.session.index, query, Date.now, { ...extras, notes: notesOf(this.userData.data) })
    const { sources } = this.session.data
    return { ...result, items: result.items.map((item) => withLastSeen(item, sources)) }
  }

  list(query: ListQuery): ListResult {
    const result = this.listWithNotes(query)
    return { ...result, items: withMarks(result.items, this.userData.data) }
  }

  get(id: string): TrialDetail {
    const detail = getTrial(
      this.session.index,
      id,
      (source, sourceId) => this.sources.get(source)?.attribution(sourceId) ?? FALLBACK_ATTRIBUTION,
    )
    return {
      ...withLastSeen(detail, this.session.data.sources),
      linkedIds: [...(linksOf(this.session.index).byId.get(detail.id) ?? [])],
      ...marksOf(this.userData.data, detail.id),
    }
  }

  status(): StatusReport {
    return buildStatusReport(this.session, [...this.sources.keys()] as SourceId[], this.syncing)
  }

  syncLog(filter?: SyncLogQuery) {
    return filterSyncLog(this.session.data.syncLog, filter)
  }

  /** Single flight: a call while a sync runs joins it (its own options are ignored). */
  sync(options: SyncOptions): Promise<SyncLogEntry[]> {
    if (this.running) return this.running
    const run = runSync(this.session, this.sources, options, this.serviceKey).finally(() => {
      this.running = null
    })
    this.running = run
    return run
  }

  async close(): Promise<void> {
    await this.running?.catch(() => undefined)
    await this.session.close()
  }
}

async function defaultSources(options: OpenOptions): Promise<Source[]> {
  const { createSources } = await import('./sources/index')
  return createSources(options.sourceConfig)
}

/** Opens the store (recovering from a damaged file) and returns the core's API over it. */
export async function openTrialDesk(options: OpenOptions): Promise<TrialDesk> {
  const sources = options.sources ?? (await defaultSources(options))
  const session = await StoreSession.open(options.storePath)
  // The user's own data lives apart from the trials: a sync never writes it, a store recovery never touches it.
  const userData = await UserDataStore.open(options.userDataPath ?? userDataPathFor(options.storePath))
  return new StoreBackedTrialDesk(
    session,
    new Map(sources.map((s) => [s.id, s])),
    () => options.sourceConfig.getServiceKey(),
    [...session.warnings, ...userData.warnings],
    userData,
  )
}
