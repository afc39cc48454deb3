/** Builds the fields stored for a CRIS trial from its list entry, its details and what the store already had. */
import { sameValue } from '../../normalize/canonicalValue'
import type { CrisRecord } from './crisEnvelope'

/**
 * Where a detail value goes when the list already uses its name for something else. In /list `i_freetext_kr` is the
 * intervention TYPE (의약품, 기타); in /detail it is the free-text DESCRIPTION, stored as `detail:i_freetext_kr`.
 * Screens label `detail:<name>` as the detail's version of `<name>`.
 */
export const DETAIL_PREFIX = 'detail:'
export const detailFieldName = (name: string): string => `${DETAIL_PREFIX}${name}`

/**
 * Details merge into the record; keys the list provides keep the list's values and names (the list is fetched every
 * sync and compared next time). A detail value under such a key is kept too, as `detail:<key>`, unless it says the
 * same thing in another format (the detail writes dates as 2011/07/18, the list as 2011-07-18).
 */
export function mergeDetail(listItem: CrisRecord, detail: CrisRecord): Record<string, unknown> {
  const merged: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(detail)) {
    if (!(key in listItem)) merged[key] = value
    else if (!sameValue(value, listItem[key])) merged[detailFieldName(key)] = value
  }
  return { ...merged, ...listItem }
}

/** A trial whose details were not fetched this sync: the new list entry over whatever the store had. */
export function withoutNewDetail(
  listItem: CrisRecord,
  previousFields: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  return { ...(previousFields ?? {}), ...listItem }
}
