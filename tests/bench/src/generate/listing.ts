import { closeSync, openSync, readSync, writeSync } from 'node:fs'
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
 * the bench wrote before measuring, standing in for the registry), never all in memory.
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
  /** CRIS holds its list entries (15 keys each) until its rows are made (see createCrisSource). */
  held: unknown[]
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

/**
 * A file of pages, one row per line (as a registry sends a record: parsed on its own), each page read back with one
 * read and its rows parsed one at a time when the sync asks for the page.
 */
function pageFile(path: string) {
  const fd = openSync(path, 'w+')
  let end = 0
  const pages: Array<{ source: ListedSource; offset: number; length: number }> = []
  return {
    fd,
    write(source: ListedSource, rows: readonly SourceRow[]) {
      const bytes = Buffer.from(rows.map((row) => `${JSON.stringify(row)}\n`).join(''))
      writeSync(fd, bytes, 0, bytes.length, end)
      pages.push({ source, offset: end, length: bytes.length })
      end += bytes.length
    },
    listing(source: ListedSource): ListingPages {
      const own = pages.filter((p) => p.source === source)
      return {
        source,
        *pages() {
          for (const { offset, length } of own) {
            const bytes = Buffer.allocUnsafe(length)
            readSync(fd, bytes, 0, length, offset)
            const rows: SourceRow[] = []
            for (let start = 0; start < length;) {
              const newline = bytes.indexOf(10, start)
              rows.push(JSON.parse(bytes.toString('utf8', start, newline)) as SourceRow)
              start = newline + 1
            }
            yield rows
          }
        },
      }
    },
  }
}

/**
 * Streams the store file once and writes each listed source's listing, unchanged and with 1% of its rows changed,
 * as pages in the scratch folder: only a page is ever in memory (and CRIS's list entries, as its source holds them).
 */
export async function writeBenchListings(storePath: string, scratchDir: string, seed: number): Promise<BenchListings> {
  const unchanged = pageFile(join(scratchDir, 'listing-unchanged.ndjson'))
  const changed = pageFile(join(scratchDir, 'listing-changed.ndjson'))
  const filling: Record<ListedSource, SourceRow[]> = { icreat: [], cris: [] }
  const held: unknown[] = []
  let pageNumber = 0
  const flush = (source: ListedSource) => {
    const rows = filling[source]
    if (rows.length === 0) return
    unchanged.write(source, rows)
    changed.write(source, withChangedRows(rows, 0.01, seed + pageNumber++))
    filling[source] = []
  }
  await forEachStoredTrial(storePath, (trial) => {
    if (trial.removedAt !== null || !(trial.source in PAGE_SIZES)) return
    const source = trial.source as ListedSource
    const row = listedRow(trial)
    if (source === 'cris') held.push(Object.fromEntries(Object.entries(row.fields).slice(0, CRIS_LIST_ENTRY_KEYS)))
    filling[source].push(row)
    if (filling[source].length >= PAGE_SIZES[source]) flush(source)
  })
  flush('icreat')
  flush('cris')
  const sources: ListedSource[] = ['icreat', 'cris']
  return {
    unchanged: sources.map((s) => unchanged.listing(s)),
    onePercentChanged: sources.map((s) => changed.listing(s)),
    held,
    close() {
      closeSync(unchanged.fd)
      closeSync(changed.fd)
    },
  }
}
