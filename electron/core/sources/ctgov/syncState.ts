/** What the ctgov source remembers between syncs (the store keeps it; it is written only when a sync commits). */
import { ID_LISTING_EVERY_DAYS, OVERLAP_DAYS } from './ctgovConfig'

export interface CtgovState {
  /** `/version`'s dataTimestamp at the last successful sync: unchanged means nothing new to fetch. */
  dataTimestamp?: string
  /** The last successful sync's time: the incremental window starts OVERLAP_DAYS before it. */
  lastSyncAt?: string
  /** The last complete listing (full fetch or ids-only): removals are only decided on one. */
  lastListingAt?: string
}

const DAY_MS = 24 * 3600 * 1000

function isoOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined
}

export function readCtgovState(state: Readonly<Record<string, unknown>>): CtgovState {
  return {
    dataTimestamp: typeof state.dataTimestamp === 'string' ? state.dataTimestamp : undefined,
    lastSyncAt: isoOrUndefined(state.lastSyncAt),
    lastListingAt: isoOrUndefined(state.lastListingAt),
  }
}

/** `yyyy-MM-dd` OVERLAP_DAYS before the last success (UTC: LastUpdatePostDate is a date without zone). */
export function updatedSinceDate(lastSyncAt: string): string {
  return new Date(Date.parse(lastSyncAt) - OVERLAP_DAYS * DAY_MS).toISOString().slice(0, 10)
}

export function listingDue(state: CtgovState, at: string): boolean {
  if (!state.lastListingAt) return true
  return Date.parse(at) - Date.parse(state.lastListingAt) >= ID_LISTING_EVERY_DAYS * DAY_MS
}
