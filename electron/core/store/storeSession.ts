import { statSync } from 'node:fs'
import { Low, type Adapter } from 'lowdb'
import type { SourceId, SourceStatus } from '../../../shared/trials'
import { linksOf, rememberLinks } from '../linking/indexLinks'
import { crisNumbersNamedBy, registryLinks, type LinkableRecord } from '../linking/registryLinks'
import type { SearchTextColumn, SearchTextHolder } from '../query/searchTextColumn'
import { buildIndexText, searchTextWriter } from '../query/indexText'
import { searchTextOf } from '../query/recordSearchText'
import { updateTrialIndex } from '../query/updateTrialIndex'
import {
  createTrialIndex,
  entriesOf,
  type EntriesOf,
  type IndexedTrial,
  type ListedTrial,
  type TrialIndex,
} from '../query/trialIndex'
import { type FileStamp, fileStampOf, sameFileStamp } from './durable/fileStamp'
import { CorruptFileError } from './durable/format'
import { parseJsonOrCorrupt } from './durable/lineLayout'
import { checkDocument, readDurable } from './durable/read'
import { recoverDurable } from './durable/recover'
import {
  readSnapshot,
  removeStaleSnapshotTemps,
  type SnapshotText,
  storeGenerationOf,
  writeSnapshot,
} from './indexSnapshot'
import { RecordFile, type RecordLocations } from './recordFile'
import { isRecordStub, recordStubFrom, type RecordAt, type RecordSource, type StringPool } from './recordStub'
import { storedTrialProblem } from './storeSchema'
import { TRIAL_STORE } from './trialStoreFile'
import { SCHEMA_VERSION, type StoreData, type StoredTrial } from './types'
import { dropSpare, patchGeneration, prepareSpare, type ChangedRecord } from './patchGeneration'
import {
  allCopied,
  changedOrCopied,
  headAndClosingOf,
  writeGeneration,
  type KnownRecord,
  type RecordBytes,
} from './writeGeneration'

/** Past this share of changed records, a save writes the whole file (as quick, and it gives every record room again). */
const MAX_PATCHED_SHARE = 0.25
/** Past this share of the file in blank lines (records moved to the end), a save writes the whole file again. */
const MAX_BLANK_SHARE = 0.2

/** How long records parsed at open stay held for a sync that follows at once. */
const HOLD_MS = 15_000

/** The store without its records: what a session keeps in memory besides the index. */
export type StoreMeta = Omit<StoreData, 'trials'>
export type SourceCounts = SourceStatus['counts']

/** An index entry whose record is read from the store file when asked for (a list page, a detail). */
class RecordOnDisk implements IndexedTrial {
  constructor(
    private readonly at: { file: RecordFile },
    readonly position: number,
  ) {}
  get trial(): StoredTrial {
    return this.at.file.trialAt(this.position)
  }
  get listed(): ListedTrial {
    return this.at.file.listedAt(this.position)
  }
}

/**
 * The index entries of records on disk, all reading from `at.file`. A commit that keeps every record at its
 * position (see withSourceRecords) points them at the new generation and adds entries for new records only, where
 * building 100,000 entries and their map again costs ~50 ms a save.
 */
interface EntriesOnDisk {
  at: { file: RecordFile }
  entries: RecordOnDisk[]
  byId: Map<string, IndexedTrial>
  ids: readonly string[]
}

function entriesOnDisk(previous: EntriesOnDisk | null, ids: readonly string[], records: RecordFile): EntriesOnDisk {
  // The same ids (a commit makes the entries before its index, then points the session at them): nothing to check.
  const reusable =
    previous !== null &&
    (previous.ids === ids || (previous.ids.length <= ids.length && previous.ids.every((id, p) => ids[p] === id)))
  if (!reusable) {
    const at = { file: records }
    const entries = ids.map((_, position) => new RecordOnDisk(at, position))
    return { at, entries, byId: new Map(ids.map((id, p) => [id, entries[p]])), ids }
  }
  const { at, entries, byId } = previous
  at.file = records
  for (let p = entries.length; p < ids.length; p++) {
    entries.push(new RecordOnDisk(at, p))
    byId.set(ids[p], entries[p])
  }
  return { at, entries, byId, ids }
}

function countsOf(trials: readonly StoredTrial[]): Partial<Record<SourceId, SourceCounts>> {
  const counts: Partial<Record<SourceId, SourceCounts>> = {}
  for (const trial of trials) {
    const c = (counts[trial.source] ??= { total: 0, active: 0, removed: 0, detailsPending: 0 })
    c.total++
    if (trial.removedAt === null) c.active++
    else c.removed++
    if (trial.detailsPending && trial.removedAt === null) c.detailsPending++
  }
  return counts
}

const metaOf = ({ trials: _trials, ...meta }: StoreData): StoreMeta => meta

/** The file an open's stubs read from: which file that is (the store or its backup) is known only after the read. */
class LaterRecordFile implements RecordSource {
  file: RecordFile | null = null
  trialIn(offset: number, length: number): StoredTrial {
    return this.file!.trialIn(offset, length)
  }
}

/** What a stub names when it was noted as naming nothing (see crisNamedByStub). */
const NAMES_NONE: readonly string[] = Object.freeze([])

/** A store file as read for opening: its records (stubs at this version) and where each lies. */
interface LocatedRead {
  data: StoreData
  /** Null for an older compact file (not the line layout). */
  locations: RecordLocations | null
  /** The file the stubs read their records from, once the open knows which file it keeps. */
  stubsReadFrom: LaterRecordFile
  /** The records' search text (written as each was parsed), when the records are stubs. */
  searchText: SearchTextColumn | null
}

/** The file's size in bytes; 0 when it cannot be read. */
function fileSizeOf(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/** True when the file's first line says it is at this version (its records need no migration). */
async function isCurrentSchema(path: string): Promise<boolean> {
  try {
    const current = await storeGenerationOf(path)
    const head = current && (JSON.parse(current.documentWithoutRecords) as { schemaVersion?: unknown })
    return head?.schemaVersion === SCHEMA_VERSION
  } catch {
    return false
  }
}

/**
 * The store as one process holds it: the small part of the document (sources, sync log), the query index, and the
 * records on disk — each read by its byte range when a page or a detail needs it. Opening uses the index snapshot
 * beside the store when it belongs to the store's current generation (no record is parsed), and otherwise reads
 * every record once (with recovery from a damaged file), builds the index and writes the snapshot. A sync
 * materialises the records (`readAll`), and its commit writes the new generation through lowdb, copying the bytes
 * of unchanged records from the previous one.
 */
export class StoreSession {
  private readonly db: Low<StoreData>
  private meta: StoreMeta = metaOf(TRIAL_STORE.empty())
  private records: RecordFile | null = null
  /** The index entries reading records from `records` (see entriesOnDisk). */
  private onDisk: EntriesOnDisk | null = null
  /** Record ids by index position (the records themselves are on disk). */
  private ids: readonly string[] = []
  /** The parsed records of the current generation while a sync holds them (see readAll), by id. */
  private known: Map<string, KnownRecord> | null = null
  private counts: Partial<Record<SourceId, SourceCounts>> = {}
  private stamp: FileStamp | null = null
  private currentIndex: TrialIndex = createTrialIndex([])
  private openWarnings: string[] = []
  private openCorruptPath: string | undefined
  private snapshotWrite: Promise<void> = Promise.resolve()
  /** The records a sync's commit just wrote (lying at `records`' locations), until the sync's next source reads them. */
  private committed: StoredTrial[] | null = null
  /** The spare being prepared for the next save (see prepareSpare). */
  private spare: Promise<void> = Promise.resolve()
  /** The sources whose records the next whole read parses whole (the others as stubs, see readAll); null: all. */
  private wholeSources: ReadonlySet<SourceId> | null = null
  /** The CRIS numbers each ClinicalTrials.gov stub names, for those that name any (its fields are on disk). */
  private readonly crisNamedByStub = new WeakMap<StoredTrial, readonly string[]>()
  /** The parsed records while held (see holdRecords, readAll), and whether a sync is using them. */
  private held: StoredTrial[] | null = null
  private inSync = false
  private holdTimer: NodeJS.Timeout | undefined
  /** The snapshot's search text section while it is being read. */
  private snapshotText: SnapshotText | null = null
  /** What the next lowdb write does: write `next`'s records (changed or copied), or copy them all. */
  private pendingWrite: { kind: 'records' } | { kind: 'meta' } = { kind: 'records' }

  private constructor(
    readonly path: string,
    private readonly now: () => Date,
  ) {
    const adapter: Adapter<StoreData> = {
      read: () => this.readAllRecords(),
      write: (data) => this.writeData(data),
    }
    this.db = new Low(adapter, TRIAL_STORE.empty())
  }

  /** Opens the store (recovering from a damaged file, see recoverDurable). Throws STORE_UNREADABLE. */
  static async open(path: string, now: () => Date = () => new Date()): Promise<StoreSession> {
    const session = new StoreSession(path, now)
    await session.read()
    return session
  }

  /** The sources' metadata and the sync log (the records are on disk: see index and readAll). */
  get data(): StoreMeta {
    return this.meta
  }
  get index(): TrialIndex {
    return this.currentIndex
  }
  /** Per source: records, active, removed, details pending. */
  get sourceCounts(): Partial<Record<SourceId, SourceCounts>> {
    return this.counts
  }
  /** Warnings from the last read (recovery). */
  get warnings(): string[] {
    return this.openWarnings
  }
  get corruptPath(): string | undefined {
    return this.openCorruptPath
  }

  private async read(): Promise<void> {
    if (!(await this.openFromSnapshot())) await this.openFromStoreFile()
    this.stamp = await fileStampOf(this.path)
  }

  /** The fast path: the snapshot belongs to the file's generation. False when there is none (or it is stale). */
  private async openFromSnapshot(): Promise<boolean> {
    const current = await storeGenerationOf(this.path)
    const snapshot = current && (await readSnapshot(this.path, current.generation))
    if (!current || !snapshot) return false
    let head: StoreData
    try {
      const document = parseJsonOrCorrupt(current.documentWithoutRecords) as Record<string, unknown>
      head = checkDocument(this.path, document, TRIAL_STORE)
    } catch {
      return false // the full path below reports (and recovers from) whatever is wrong
    }
    const records = new RecordFile(this.path, snapshot.locations)
    // The search text is read after the first answer (in the background), or at once by a text query that comes
    // first; from the records if the snapshot's text section turns out to be cut short.
    // Once handed to the index, the column is no longer the snapshot reader's to keep (a session that holds the
    // reader would otherwise keep the first generation's ~200 MB of text alive after a commit replaced it).
    const text: SearchTextHolder = {
      column: null,
      load: () => {
        const column = snapshot.text.now() ?? buildIndexText(index.entries.map((e) => e.trial))
        if (this.snapshotText === snapshot.text) this.snapshotText = null
        return column
      },
    }
    const index = { ...snapshot.index, text } as TrialIndex
    void this.snapshotText?.close()
    this.snapshotText = snapshot.text
    void snapshot.text.prefetch()
    this.useRecordsOnDisk(index, snapshot.ids, records)
    rememberLinks(index, new Map(snapshot.extra.links as Array<[string, string[]]>))
    this.meta = metaOf(head)
    this.counts = snapshot.extra.counts as typeof this.counts
    this.openWarnings = []
    this.openCorruptPath = undefined
    return true
  }

  /**
   * The full path: read every record (recovering a damaged file), build the index, write the snapshot. A store at
   * this version is read a line at a time into stubs (see recordStub.ts) and each record's search text, so the
   * whole store is never in memory; an older one (its records may be migrated) is parsed whole.
   */
  private async openFromStoreFile(): Promise<void> {
    const reads = new Map<string, LocatedRead>()
    const readLocated = async (path: string): Promise<StoreData | null> => {
      const read = await this.readLocated(path)
      if (read) reads.set(path, read)
      return read?.data ?? null
    }
    const recovered = await recoverDurable(this.path, TRIAL_STORE, readLocated, this.now)
    const { data } = recovered
    this.openWarnings = recovered.warnings
    this.openCorruptPath = recovered.corruptPath
    this.meta = metaOf(data)
    this.counts = countsOf(data.trials)
    const read =
      reads.get(recovered.from === 'backup' ? `${this.path}.bak` : this.path) ?? reads.get(`${this.path}.bak`)
    const locations = read?.locations ?? null
    if (!read || !locations || data.trials.length === 0) {
      this.records?.close()
      this.records = null
      this.currentIndex = createTrialIndex(data.trials) // records stay in memory until the first commit writes the line layout
      return
    }
    const records = new RecordFile(recovered.heldIn, locations)
    read.stubsReadFrom.file = records
    const index = createTrialIndex(data.trials, undefined, read.searchText ?? undefined)
    // Registry links from what each record named when it was read (a stub's fields are on disk).
    rememberLinks(index, registryLinks(data.trials, this.namedBy))
    const ids = data.trials.map((t) => t.id)
    this.useRecordsOnDisk(index, ids, records)
    if (recovered.heldIn === this.path) await this.saveSnapshot(index, ids, locations)
    // Held as stubs (a sync diffs against stubs): no record stays parsed once the index is built. Records read as
    // stubs already read from `records`; migrated ones are made stubs here.
    this.holdRecords(read.searchText ? data.trials : this.shapedFor(data.trials, new Set()), locations)
  }

  /** One store file read for opening (see openFromStoreFile); null when it does not exist. */
  private async readLocated(path: string): Promise<LocatedRead | null> {
    const stubbing = await isCurrentSchema(path)
    const stubsReadFrom = new LaterRecordFile()
    const records: StoredTrial[] = []
    // A quarter of the file reserved for the search text (~17% of a 100,000-trial store), touched only as written.
    const searchText = stubbing ? searchTextWriter(Math.ceil(fileSizeOf(path) / 4)) : null
    const offsets: number[] = []
    const lengths: number[] = []
    const pool: StringPool = new Map()
    const rest = await readDurable(path, TRIAL_STORE, (line) => {
      // Each line parsed as it is read: the file's text is never held whole beside the records.
      const trial = parseJsonOrCorrupt(line.text) as StoredTrial
      if (stubbing) {
        records.push(this.checkedStub(trial, { source: stubsReadFrom, offset: line.offset, length: line.bytes }, pool))
        searchText!.add(searchTextOf(trial))
      } else records.push(trial)
      offsets.push(line.offset)
      lengths.push(line.bytes)
    })
    if (rest === null) return null
    if (records.length === 0 && rest.trials.length > 0) {
      // not the line layout: an older compact file
      return { data: rest, locations: null, stubsReadFrom, searchText: null }
    }
    const data = checkDocument(path, { ...rest, trials: stubbing ? [] : records }, TRIAL_STORE)
    data.trials = stubbing ? records : data.trials
    const locations = { offsets: Float64Array.from(offsets), lengths: Int32Array.from(lengths) }
    return { data, locations, stubsReadFrom, searchText: searchText?.finish() ?? null }
  }

  /**
   * Keeps records just read for a short while: a sync right after opening (the CLI's `sync`, the app's catch-up)
   * then needs no second full read. Let go after HOLD_MS unless a sync has them.
   */
  private holdRecords(trials: StoredTrial[], locations: RecordLocations): void {
    const known = new Map<string, KnownRecord>()
    trials.forEach((trial, p) =>
      known.set(trial.id, { trial, offset: locations.offsets[p], length: locations.lengths[p] }),
    )
    this.known = known
    this.held = trials
    this.currentIndex = this.indexWithEntries(entriesOf(trials))
    clearTimeout(this.holdTimer)
    this.holdTimer = setTimeout(() => {
      if (!this.inSync && this.held === trials) this.release()
    }, HOLD_MS).unref()
  }

  /**
   * Writes the index snapshot for the store file's generation as it is now (read here, so the snapshot can never be
   * labelled with a later commit's generation) in the background: a commit does not wait for it; `close` does.
   */
  private async saveSnapshot(index: TrialIndex, ids: readonly string[], locations: RecordLocations): Promise<void> {
    const current = await storeGenerationOf(this.path)
    if (!current) return
    const counts = this.counts
    const links = [...linksOf(index).byId]
    this.snapshotWrite = this.snapshotWrite
      .then(() => writeSnapshot(this.path, current.generation, index, ids, locations, { counts, links }))
      .catch(() => undefined)
  }

  /**
   * Points the index's entries at the records in `records` (read on demand) and drops any parsed ones. The index
   * object itself is kept (what is cached per index, such as its registry links, stays valid).
   */
  private useRecordsOnDisk(index: TrialIndex, ids: readonly string[], records: RecordFile): void {
    // Registry links need every record: work them out while the records are still parsed (then cached per index).
    if (index.entries?.length > 0 && !(index.entries[0] instanceof RecordOnDisk)) linksOf(index)
    this.onDisk = entriesOnDisk(this.onDisk, ids, records)
    if (this.records !== records) this.records?.close()
    this.records = records
    this.ids = ids
    this.known = null
    this.held = null
    this.committed = null
    this.db.data = TRIAL_STORE.empty()
    index.entries = this.onDisk.entries
    index.byId = this.onDisk.byId
    index.fieldValueCache = new Map()
    index.fieldNames = null
    this.currentIndex = index
  }

  /** Re-reads the file if another process wrote it since we read or wrote it. Returns true when it did. */
  async reloadIfChangedOnDisk(): Promise<boolean> {
    if (sameFileStamp(this.stamp, await fileStampOf(this.path))) return false
    await this.read()
    return true
  }

  /**
   * The whole store (what a sync diffs against), read through lowdb: the records of `wholeSources` (default: every
   * source) parsed whole, the others as stubs (see recordStub.ts), so a sync of one source does not hold every other
   * source's fields in memory. The records stay held (and the index points at them) until the next commit or
   * `release`.
   */
  async readAll(wholeSources?: ReadonlySet<SourceId>): Promise<StoreData> {
    this.inSync = true
    if (this.records === null) return { ...this.meta, trials: this.currentIndex.entries.map((e) => e.trial) }
    // Records in hand (a previous source's commit, or parsed at open) are shaped for this sync, not read again.
    const inHand = this.committed ?? (this.known ? this.held : null)
    this.committed = null
    if (inHand) {
      const shaped = this.shapedFor(inHand, wholeSources)
      this.holdRecords(shaped, this.records.locations)
      return { ...this.meta, trials: shaped }
    }
    this.wholeSources = wholeSources ?? null
    await this.db.read()
    this.held = this.db.data.trials
    return this.db.data
  }

  /**
   * Records held (in index position order, lying at `records`' locations) made whole for `wholeSources` and stubs
   * for the others. Every stub is made afresh, reading from the current generation: one kept from before a commit
   * reads from the generation that commit replaced.
   */
  private shapedFor(trials: readonly StoredTrial[], wholeSources: ReadonlySet<SourceId> | undefined): StoredTrial[] {
    const records = this.records!
    return trials.map((trial, p) => {
      if (!wholeSources || wholeSources.has(trial.source)) return isRecordStub(trial) ? records.trialAt(p) : trial
      return this.stubOf(trial, records, records.locations.offsets[p], records.locations.lengths[p])
    })
  }

  /** A stub of `trial` reading the whole record at `offset` of `records`, with the CRIS numbers it names. */
  private stubOf(trial: StoredTrial, records: RecordFile, offset: number, length: number): StoredTrial {
    return this.stubReading(trial, { source: records, offset, length })
  }

  private stubReading(trial: StoredTrial, at: RecordAt, pool?: StringPool): StoredTrial {
    const named = this.crisNumbersNamedBy(trial)
    const stub = recordStubFrom(trial, at, pool)
    // Only a record that names some (most name none: a shared empty answer, not an array and an entry per stub).
    if (named.length > 0) this.crisNamedByStub.set(stub, named)
    return stub
  }

  /**
   * A stub of a record just parsed from the file, checked first while whole (the document's check reads only the
   * records kept whole), its small parts' strings taken from the read's `pool`. Throws CorruptFileError for a
   * malformed record.
   */
  private checkedStub(trial: StoredTrial, at: RecordAt, pool: StringPool): StoredTrial {
    const problem = storedTrialProblem(trial)
    if (problem) throw new CorruptFileError(`not a Trial Desk trial store (a record: ${problem})`)
    return this.stubReading(trial, at, pool)
  }

  /**
   * The current index reading its records through `entries` (the same records, held). Its registry links carry over:
   * worked out again, they would read every ClinicalTrials.gov stub back from the file.
   */
  private indexWithEntries(entries: EntriesOf): TrialIndex {
    const links = linksOf(this.currentIndex).byId
    const index = { ...this.currentIndex, ...entries }
    rememberLinks(index, links)
    return index
  }

  /** The CRIS numbers a record names: a stub's as noted when it was made, a whole record's from its fields. */
  private crisNumbersNamedBy(trial: StoredTrial): readonly string[] {
    return this.crisNamedByStub.get(trial) ?? (isRecordStub(trial) ? NAMES_NONE : crisNumbersNamedBy(trial))
  }

  /** crisNumbersNamedBy for registryLinks, whose records are the store's. */
  private readonly namedBy = (record: LinkableRecord) => this.crisNumbersNamedBy(record as StoredTrial)

  /** Lets go of the records `readAll` parsed (after a sync that did not commit them). */
  release(): void {
    this.inSync = false
    this.held = null
    this.committed = null
    if (this.known === null || this.records === null) return
    this.useRecordsOnDisk(this.currentIndex, this.ids, this.records)
  }

  private async readAllRecords(): Promise<StoreData> {
    const records = this.records!
    const known = new Map<string, KnownRecord>()
    const trials: StoredTrial[] = []
    const whole = this.wholeSources
    const pool: StringPool = new Map()
    const rest = await readDurable(records.path, TRIAL_STORE, (line) => {
      let trial = parseJsonOrCorrupt(line.text) as StoredTrial
      if (whole && !whole.has(trial.source)) {
        trial = this.checkedStub(trial, { source: records, offset: line.offset, length: line.bytes }, pool)
      }
      trials.push(trial)
      known.set(trial.id, { trial, offset: line.offset, length: line.bytes })
    })
    const data = checkDocument(this.path, { ...rest, trials: trials.filter((t) => !isRecordStub(t)) }, TRIAL_STORE)
    data.trials = this.inPositionOrder(trials)
    this.known = known
    // The index now points at the parsed records, so the index built after the commit reuses their search text.
    this.currentIndex = this.indexWithEntries(entriesOf(data.trials))
    return data
  }

  /**
   * The records in index position order: a save that moved a record to the end of the file (see patchGeneration)
   * keeps its position, so the file's order can differ from the index's. In file order when they do not match.
   */
  private inPositionOrder(trials: StoredTrial[]): StoredTrial[] {
    const { ids } = this
    if (ids.length !== trials.length || ids.every((id, p) => trials[p].id === id)) return trials
    const inFile = new Map(trials.map((trial) => [trial.id, trial]))
    const ordered = ids.map((id) => inFile.get(id))
    return ordered.every((trial) => trial !== undefined) ? (ordered as StoredTrial[]) : trials
  }

  /** Saves `next` as the new generation; on failure the in-memory state stays as it was. */
  async commit(next: StoreData): Promise<void> {
    this.pendingWrite = { kind: 'records' }
    await this.writeThroughLowdb(next)
  }

  /** Saves new sources metadata and sync log with the records exactly as they are on disk (copied, not parsed). */
  async commitMeta(meta: StoreMeta): Promise<void> {
    this.pendingWrite = { kind: 'meta' }
    await this.writeThroughLowdb({ ...meta, trials: [] })
  }

  private async writeThroughLowdb(next: StoreData): Promise<void> {
    const previous = this.db.data
    this.db.data = next
    try {
      await this.db.write()
    } catch (e) {
      this.db.data = previous
      throw e
    }
    this.db.data = TRIAL_STORE.empty()
    this.stamp = await fileStampOf(this.path)
  }

  private async writeData(data: StoreData): Promise<void> {
    await removeStaleSnapshotTemps(this.path)
    await this.spare
    const meta = metaOf(data)
    const previousFd = this.records?.descriptor ?? null
    if (this.pendingWrite.kind === 'meta' && this.records) {
      const records = this.records
      const locations =
        (await this.patched(meta, [], records.locations.offsets.length)) ??
        (await this.writtenWhole(meta, records.locations.offsets.length, allCopied(records.locations), previousFd))
      const { ids } = this
      this.meta = meta
      this.useRecordsOnDisk(this.currentIndex, ids, new RecordFile(this.path, locations))
      await this.saveSnapshot(this.currentIndex, ids, locations)
      return
    }
    const trials = this.pendingWrite.kind === 'meta' ? this.currentIndex.entries.map((e) => e.trial) : data.trials
    const changed = this.pendingWrite.kind === 'records' ? this.changedRecordsOf(trials) : null
    const locations =
      (changed && (await this.patched(meta, changed, trials.length))) ??
      (await this.writtenWhole(meta, trials.length, changedOrCopied(trials, this.known ?? new Map()), previousFd))
    const ids = trials.map((t) => t.id)
    const records = new RecordFile(this.path, locations)
    // The entries the new index reads its records through, made before it so the update need not make any.
    this.onDisk = entriesOnDisk(this.onDisk, ids, records)
    const index =
      trials === data.trials || this.records === null
        ? await this.indexAfterSync(trials, this.onDisk)
        : this.currentIndex
    this.meta = meta
    this.counts = countsOf(trials)
    this.useRecordsOnDisk(index, ids, records)
    await this.saveSnapshot(this.currentIndex, ids, locations)
    // The next source of this sync diffs against these records: kept, so it does not parse the store file again.
    if (this.inSync && trials === data.trials) this.committed = data.trials
  }

  /**
   * What a sync changed, as the records' new JSON by position: null when records moved or more than
   * MAX_PATCHED_SHARE changed (then the whole file is written), or when there is no generation on disk to patch.
   */
  private changedRecordsOf(trials: readonly StoredTrial[]): ChangedRecord[] | null {
    const known = this.known
    if (!this.records || !known || trials.length < this.ids.length) return null
    const changed: ChangedRecord[] = []
    // The records read for the sync, by position: comparing with them is one array read per record, where a lookup
    // by id costs ~0.1 s at 100,000 records (the map is only asked about records not found at their position).
    const held = this.held ?? []
    for (let p = 0; p < trials.length; p++) {
      if (p < this.ids.length && trials[p].id !== this.ids[p]) return null
      if (held[p] !== trials[p] && known.get(trials[p].id)?.trial !== trials[p])
        changed.push({ position: p, json: Buffer.from(JSON.stringify(trials[p])) })
      if (changed.length > trials.length * MAX_PATCHED_SHARE) return null
    }
    return changed
  }

  /**
   * The new generation made from the spare (see patchGeneration), or null when there is none to make it from, or
   * when more than MAX_BLANK_SHARE of the file is blank lines left by moved records (a whole-file save drops them).
   */
  private async patched(meta: StoreMeta, changed: ChangedRecord[], count: number): Promise<RecordLocations | null> {
    if (!this.records) return null
    const { locations } = this.records
    let recordBytes = 0
    for (let p = 0; p < locations.lengths.length; p++) recordBytes += locations.lengths[p]
    const size = this.fileSize()
    if (size - recordBytes > size * MAX_BLANK_SHARE) return null
    const { head, closing } = headAndClosingOf(meta)
    return patchGeneration({ storePath: this.path, locations, changed, count, head, closing })
  }

  /** The new generation written whole (the spare, if any, no longer copies the store: see patchGeneration). */
  private async writtenWhole(
    meta: StoreMeta,
    count: number,
    recordBytes: RecordBytes,
    previousFd: number | null,
  ): Promise<RecordLocations> {
    await dropSpare(this.path)
    return writeGeneration(this.path, meta, count, recordBytes, previousFd)
  }

  /**
   * Prepares a spare for the next save in the background (see prepareSpare), so a sync's commit writes what changed
   * instead of the whole file. Called by a sync holding the writer lock; the commit waits for it.
   */
  prepareSpare(): Promise<void> {
    this.spare = this.spare.then(() => prepareSpare(this.path))
    return this.spare
  }

  /**
   * The index of a sync's records: updated from the current one when the sync kept every record at its position
   * (see withSourceRecords) and changed few, else built afresh (reusing unchanged records' search text). Queries
   * wait meanwhile (the update is synchronous), so none reads the current index while its text is rewritten.
   */
  private async indexAfterSync(trials: readonly StoredTrial[], entries: EntriesOf): Promise<TrialIndex> {
    // The update reuses the current index's search text in place: a snapshot still being written from it goes first.
    await this.snapshotWrite
    const held = this.held
    // The index's columns are in the order of `ids`: only records held in that order can be compared with them.
    const inIndexOrder = held !== null && held.length === this.ids.length && held.every((t, p) => t.id === this.ids[p])
    // Built afresh, it takes the search text of every record the sync kept (a stub: its fields are on disk) from the
    // current index, and works out only the changed records'.
    const index =
      (inIndexOrder && updateTrialIndex(this.currentIndex, held, trials, entries)) ||
      createTrialIndex(trials, this.currentIndex)
    // Its entries read their records from disk: the registry links are worked out from the records in hand.
    rememberLinks(index, registryLinks(trials, this.namedBy))
    return index
  }

  fileSize(): number {
    return fileSizeOf(this.path)
  }

  /**
   * Waits for the index snapshot being written, then closes the store file and lets go of any parsed records (the
   * hold timer would otherwise keep a whole parsed store alive for HOLD_MS after the session is gone).
   */
  async close(): Promise<void> {
    await this.spare
    await this.snapshotWrite
    clearTimeout(this.holdTimer)
    this.held = null
    this.known = null
    this.committed = null
    await this.snapshotText?.close()
    this.records?.close()
    this.records = null
    this.onDisk = null
  }
}
