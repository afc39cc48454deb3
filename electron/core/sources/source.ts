import type { CommonFields, SourceId, SyncProgress, SyncWarning } from '../../../shared/trials'
import type { HttpConfig } from '../http/createHttpClient'
import type { ListingVerdict } from './listingConsistency'

/** A row as one source delivered it, keyed by the source's own id (과제번호, trial_id). */
export interface SourceRow {
  sourceId: string
  /** The source's fields as received, under its own column names (every column it sent). */
  fields: Record<string, unknown>
  /** CRIS: listed but /detail not fetched yet (or not re-fetched after a change). */
  detailsPending?: boolean
}

/** What a source sees of the store while it fetches: enough to decide what to re-fetch (CRIS details). */
export interface PreviousRecordView {
  sourceId: string
  fields: Readonly<Record<string, unknown>>
  detailsPending: boolean
  removed: boolean
}

export interface FetchContext {
  signal: AbortSignal
  onProgress: (p: Omit<SyncProgress, 'source'>) => void
  /**
   * Warnings that end up in the sync log entry: the English message (CLI, log) and, when given, its code and values
   * for the renderer's dictionaries. Values hold counts, dates and ids — never the service key.
   */
  warn: (message: string, warning?: SyncWarning) => void
  /** Records of this source already in the store, by sourceId. */
  previous: ReadonlyMap<string, PreviousRecordView>
  /** Per-source state persisted in the store between syncs (e.g. icreat's last working revision path). */
  state: Readonly<Record<string, unknown>>
  /** This sync's timestamp (ISO; fixed by `--now` in the CLI and tests): what an incremental source remembers. */
  at: string
  /** "Full resync" (settings, CLI --full-resync): an incremental source fetches and lists everything. */
  fullResync: boolean
  /**
   * Hands rows of the listing over as soon as they are ready (a page at a time, or all at the end): the engine
   * compares each at once with the stored record and keeps only what changed, so a source that hands a page over
   * as it reads it never holds its whole listing (nor the engine the store's records whole). A row for an id
   * handed over before replaces it; rejected rows are not handed over.
   */
  addRows(rows: readonly SourceRow[]): void
  /**
   * Stored records (by sourceId) the listing holds exactly as stored, without fetching them: what an incremental
   * source says of the records it did not fetch again. Nothing is read: an active record stays as it is.
   */
  keepRows(sourceIds: Iterable<string>): void
  /** Ids handed over earlier that the listing does not hold after all (a study now answering under another id). */
  dropRows(sourceIds: Iterable<string>): void
  /** The listing is being read again from the start (a re-crawl): the rows handed over so far no longer count. */
  restartListing(): void
}

/** How a fetch ended; the rows themselves went to `FetchContext.addRows`. */
export interface FetchResult {
  /**
   * The listing's consistency (judgeListing in listingConsistency.ts). When it is not consistent the sync commits
   * creations and updates but marks nothing removed. Absent: the source vouches that the listing is complete.
   */
  listing?: ListingVerdict
  /** Rows dropped by validation (e.g. no 과제번호). */
  rejected: number
  /** New per-source state to persist if the sync commits. */
  state?: Record<string, unknown>
  detailsFetched?: number
  /**
   * Records actually received this sync, when the rows handed over also carry stored ones (an incremental source
   * hands over every record it knows; default: the rows handed over since the last restart).
   */
  fetched?: number
}

/** What a sync of a source is expected to cost: it sets the sync's ceiling (sync/syncCeiling.ts). */
export interface SyncPlan {
  /** Requests a sync is expected to make (including a re-crawl of a shifting listing). */
  calls: number
  /** Expected time per request at the source's pace (its rate limit, or the idle timeout for sequential paging). */
  msPerCall: number
  /** The per-request idle timeout (TRIALS_TIMEOUT_MS). */
  timeoutMs: number
}

/** One registry. The sync engine is source-agnostic; everything wire-specific lives behind this. */
export interface Source {
  id: SourceId
  /** The expected cost of a sync, given how many of its records the store holds (sets the sync's ceiling). */
  plan?(storedRecords: number): SyncPlan
  /** Fetch a complete listing, handing its rows to `ctx.addRows`. Throws TrialsError (AUTH, QUOTA, TIMEOUT, NETWORK, SERVER, BAD_RESPONSE, CANCELLED). */
  fetchAll(ctx: FetchContext): Promise<FetchResult>
  /** Map the source's columns onto the common fields. */
  toCommon(fields: Readonly<Record<string, unknown>>): CommonFields
  /**
   * Fields whose change alone is bookkeeping, not an update (CRIS `date_updated`): the new value is stored
   * but the record is not counted or badged as updated.
   */
  bookkeepingFields?: readonly string[]
  /**
   * The source column behind each common field (column name → common name), the mapping toCommon implements. Not
   * read by the query: `--field 진료과=…` filters on the stored column itself, as the source sent it.
   */
  columnToCommon?: Readonly<Record<string, keyof CommonFields>>
  attribution(sourceId: string): { text: string; licence: string; url: string }
}

/** Configuration every source client receives: what its HTTP client needs. The key is only read through `getServiceKey`. */
export type SourceConfig = HttpConfig
