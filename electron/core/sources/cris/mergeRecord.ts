/** Builds the fields stored for a CRIS trial from its list entry, its details and what the store already had. */
import type { CrisRecord } from './crisEnvelope'

/**
 * Details merge into the record, but keys the list provides keep the list's values: the list is fetched every
 * sync (and compared next time), while the detail writes dates as 2011/07/18 and uses i_freetext_kr differently.
 */
export function mergeDetail(listItem: CrisRecord, detail: CrisRecord): Record<string, unknown> {
  return { ...detail, ...listItem }
}

/** A trial whose details were not fetched this sync: the new list entry over whatever the store had. */
export function withoutNewDetail(listItem: CrisRecord, previousFields: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  return { ...(previousFields ?? {}), ...listItem }
}
