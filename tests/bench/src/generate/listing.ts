import { closeSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { ROWS_PER_HANDOVER as CRIS_ROWS_PER_HANDOVER } from '../../../../electron/core/sources/cris/createCrisSource'
import { PER_PAGE as ICREAT_PER_PAGE } from '../../../../electron/core/sources/icreat/fetchListing'
import type { SourceRow } from '../../../../electron/core/sources/source'
import type { StoredTrial } from '../../../../electron/core/store/types'
import type { SourceId } from '../../../../shared/trials'
import { createRandom } from './prng'
import { forEachStoredTrial } from './storeFile'

/**
 * One source's listing as a sync receives it: a page at a time, its rows parsed as it arrives (from a scratch file
 * a process of its own wrote before measuring, standing in for the registry), never all in memory.
 */
export interface ListingPages {
  source: SourceId
  pages(): Iterable<SourceRow[]>
}
export type Listings = readonly ListingPages[]

/** The two listings the sync diff is measured with, and what a sync's sources hold while they read them. */
export interface BenchListings {
  unchanged: Listings
  onePercentChanged: Listings
  /**
   * Parses CRIS's list entries (15 keys each) for the next sync (untimed): its source holds them all from its listing
   * fetch on and lets each go once its row is handed over (see createCrisSource), so here each page of them goes
   * once the diff has taken the matching page of rows, and none is held by the commit.
   */
  holdForNextSync(): void
  close(): void
}

/** The sources the bench syncs, with the page each hands over at a time (see their sources). */
const PAGE_SIZES = { icreat: ICREAT_PER_PAGE, cris: CRIS_ROWS_PER_HANDOVER } as const
type ListedSource = keyof typeof PAGE_SIZES
const CRIS_LIST_ENTRY_KEYS = 15

/** The row a full sync would fetch for a stored trial: its fields as fresh objects (as if just parsed). */
function listedRow(trial: StoredTrial): SourceRow {
  const row: SourceRow = { sourceId: trial.sourceId, fields: structuredClone(trial.fields) }
  if (trial.detailsPending !== undefined) row.detailsPending = trial.detailsPending
  return row
}

/** `share` of the rows changed (a new title; CRIS also a new `date_updated`), seeded. */
function withChangedRows(rows: readonly SourceRow[], share: number, seed: number): SourceRow[] {
  const random = createRandom(seed)
  return rows.map((row) => {
    if (!random.chance(share)) return row
    const fields = { ...row.fields }
    if ('trial_id' in fields) {
      fields.scientific_title_kr = `${String(fields.scientific_title_kr)} (개정)`
      fields.date_updated = '2026-09-01'
    } else fields['과제명'] = `${String(fields['과제명'])} (개정)`
    return { ...row, fields }
  })
}

/** Where a listing's pages lie in its file. */
interface PageTable {
  pages: Array<{ source: ListedSource; offset: number; length: number }>
}

const LISTING_FILES = {
  unchanged: 'listing-unchanged.ndjson',
  onePercentChanged: 'listing-changed.ndjson',
  /** CRIS's list entries, a page of them with each page of CRIS rows. */
  held: 'listing-held.ndjson',
  /** The three files' page tables. */
  pages: 'listing-pages.json',
} as const
type ListingFile = Exclude<keyof typeof LISTING_FILES, 'pages'>

/** A file of pages being written, one item per line (as a registry sends a record: parsed on its own). */
function pageWriter(path: string) {
  const fd = openSync(path, 'w')
  let end = 0
  const table: PageTable = { pages: [] }
  return {
    table,
    write(source: ListedSource, items: readonly unknown[]) {
      const bytes = Buffer.from(items.map((item) => `${JSON.stringify(item)}\n`).join(''))
      writeSync(fd, bytes, 0, bytes.length, end)
      table.pages.push({ source, offset: end, length: bytes.length })
      end += bytes.length
    },
    close: () => closeSync(fd),
  }
}

/** Pages of a written file, each read back with one read and its items parsed one at a time when asked for. */
function* pagesIn(fd: number, pages: PageTable['pages']): Generator<unknown[]> {
  for (const { offset, length } of pages) {
    const bytes = Buffer.allocUnsafe(length)
    readSync(fd, bytes, 0, length, offset)
    const items: unknown[] = []
    for (let start = 0; start < length;) {
      const newline = bytes.indexOf(10, start)
      items.push(JSON.parse(bytes.toString('utf8', start, newline)))
      start = newline + 1
    }
    yield items
  }
}

/**
 * Streams the store file once and writes each listed source's listing, unchanged and with 1% of its rows changed,
 * as pages in the scratch folder, with CRIS's list entries. Run in a process of its own before the measured ones:
 * making a listing from the store (every record parsed whole) is the bench's work, not the app's, and its garbage
 * would otherwise count in the measured process's peak memory.
 */
export async function writeBenchListings(storePath: string, scratchDir: string, seed: number): Promise<void> {
  const writers = {
    unchanged: pageWriter(join(scratchDir, LISTING_FILES.unchanged)),
    onePercentChanged: pageWriter(join(scratchDir, LISTING_FILES.onePercentChanged)),
    held: pageWriter(join(scratchDir, LISTING_FILES.held)),
  } satisfies Record<ListingFile, unknown>
  const filling: Record<ListedSource, SourceRow[]> = { icreat: [], cris: [] }
  let heldFilling: unknown[] = []
  let pageNumber = 0
  const flush = (source: ListedSource) => {
    const rows = filling[source]
    if (rows.length === 0) return
    writers.unchanged.write(source, rows)
    writers.onePercentChanged.write(source, withChangedRows(rows, 0.01, seed + pageNumber++))
    filling[source] = []
    if (source !== 'cris') return
    writers.held.write(source, heldFilling)
    heldFilling = []
  }
  await forEachStoredTrial(storePath, (trial) => {
    if (trial.removedAt !== null || !(trial.source in PAGE_SIZES)) return
    const source = trial.source as ListedSource
    const row = listedRow(trial)
    if (source === 'cris')
      heldFilling.push(Object.fromEntries(Object.entries(row.fields).slice(0, CRIS_LIST_ENTRY_KEYS)))
    filling[source].push(row)
    if (filling[source].length >= PAGE_SIZES[source]) flush(source)
  })
  flush('icreat')
  flush('cris')
  for (const writer of Object.values(writers)) writer.close()
  const tables = Object.fromEntries(Object.entries(writers).map(([file, writer]) => [file, writer.table]))
  writeFileSync(join(scratchDir, LISTING_FILES.pages), JSON.stringify(tables))
}

/**
 * The listings `writeBenchListings` wrote, as a sync receives them: a page at a time, with CRIS's list entries held
 * as its source holds them (see holdForNextSync).
 */
export function openBenchListings(scratchDir: string): BenchListings {
  const tables = JSON.parse(readFileSync(join(scratchDir, LISTING_FILES.pages), 'utf8')) as Record<
    ListingFile,
    PageTable
  >
  const open = (file: ListingFile) => openSync(join(scratchDir, LISTING_FILES[file]), 'r')
  /** The next sync's CRIS list entries, a page of them per page of CRIS rows (null once handed over). */
  let held: Array<unknown[] | null> = []
  const fds = { unchanged: open('unchanged'), onePercentChanged: open('onePercentChanged') }
  function* letGoOnceTaken(pages: Iterable<SourceRow[]>): Generator<SourceRow[]> {
    let page = 0
    for (const rows of pages) {
      yield rows
      held[page++] = null
    }
  }
  const listingIn = (file: keyof typeof fds, source: ListedSource): ListingPages => {
    const own = tables[file].pages.filter((p) => p.source === source)
    const pages = () => pagesIn(fds[file], own) as Iterable<SourceRow[]>
    return { source, pages: source === 'cris' ? () => letGoOnceTaken(pages()) : pages }
  }
  const sources: ListedSource[] = ['icreat', 'cris']
  return {
    unchanged: sources.map((s) => listingIn('unchanged', s)),
    onePercentChanged: sources.map((s) => listingIn('onePercentChanged', s)),
    holdForNextSync() {
      const heldFd = open('held')
      held = [...pagesIn(heldFd, tables.held.pages)]
      closeSync(heldFd)
    },
    close() {
      closeSync(fds.unchanged)
      closeSync(fds.onePercentChanged)
    },
  }
}
