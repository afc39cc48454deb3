import type { ListQuery } from '../../../../shared/trials'
import type { Listings } from '../generate/listing'

/** What both engines report back, so the bench can check that they answered the same question. */
export interface ListAnswer {
  total: number
  itemIds: string[]
  /** Number of distinct values per facet field (a cheap fingerprint of the facet counts). */
  facetSizes: Record<string, number>
}

export interface DiffAnswer {
  unchanged: number
  changed: number
  created: number
  removed: number
}

/** One way of storing and querying the trials: the Trial Desk core, or the SQLite baseline. */
export interface BenchEngine {
  /** Read the store from disk and make it queryable (ours: read, parse, index; SQLite: open + first query). */
  load(): Promise<void>
  list(query: ListQuery): ListAnswer
  get(id: string): unknown
  /**
   * Ours: read the records as a sync does before its diff: each as a stub, whose fields the diff reads back from the
   * store file (SQLite reads rows inside its diff).
   */
  readRecords?(): Promise<void>
  diff(listings: Listings): DiffAnswer
  /** Ours: open a scratch copy and diff it with `listings`, untimed, so `save` measures the commit alone. */
  prepareSave?(listings: Listings): Promise<void>
  /** Write a sync's result back to disk (ours: the commit prepared above; SQLite: every row upserted). */
  save(): Promise<void>
  /** Ours: the first open of a store without its index snapshot (builds and writes it). */
  firstOpen?(): Promise<void>
  /** Bytes on disk right now (the main file(s)). */
  fileBytes(): number
  /** Ids of a few stored trials, for the get-one-trial measurement. */
  sampleIds(count: number): string[]
  /** Lets go of the store; what it held is collectable once the promise (if any) settles. */
  close(): void | Promise<void>
}

export interface EnginePaths {
  storePath: string
  sqlitePath: string
  /** Where saves go, so the measured input is never overwritten. */
  scratchDir: string
}
