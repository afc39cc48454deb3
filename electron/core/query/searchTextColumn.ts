import { textOfValues, type TextValues } from './textValues'

/**
 * Every record's search text (see recordSearchText.ts) as the ids of its values: record p's text is the values
 * `ids[starts[p] .. ends[p])` (see textValues.ts, where each distinct value is kept once as UTF-8), with its signature
 * bits (see textSignature.ts). Outside the JS heap (the collector never walks it), written to and read from the index
 * snapshot as raw bytes. A term matches a record when one of its values contains the term's UTF-8 bytes (UTF-8 is
 * self-synchronising; a term never spans two values, as it never spanned the U+0001 between two fields).
 *
 * Ids past `used` are room left for a sync: a record whose values change is rewritten where it was when it fits
 * there, else at `used` (see updateIndexText), so a sync does not copy every unchanged record's ids into fresh
 * memory (a page fault per 4 KB on first touch). The room is reserved, not touched, so it takes no memory.
 */
export interface SearchTextColumn {
  values: TextValues
  ids: Uint32Array
  starts: Float64Array
  ends: Float64Array
  used: number
  signatures: Uint32Array
}

/** Room to reserve past `used` ids or bytes: ~5%, the changed text of several syncs. */
export const textRoomFor = (used: number) => Math.max(16 << 10, Math.ceil(used / 20))

/** Record p's search text as recordSearchText.ts made it. */
export const recordTextOf = (column: SearchTextColumn, p: number): string =>
  textOfValues(column.values, column.ids, column.starts[p], column.ends[p])

/**
 * The column, or how to get it: an index opened from its snapshot answers its first (default) query without the
 * search text and reads it afterwards (see StoreSession), since reading ~200 MB is most of a 100,000-trial open.
 * Shared by reference between an index and its shallow copies, so it is read once.
 */
export interface SearchTextHolder {
  column: SearchTextColumn | null
  load: (() => SearchTextColumn) | null
}

export const heldText = (column: SearchTextColumn): SearchTextHolder => ({ column, load: null })

/** The column, read now if it has not been yet. */
export function searchTextColumnOf(holder: SearchTextHolder): SearchTextColumn {
  if (!holder.column) {
    holder.column = holder.load!()
    holder.load = null
  }
  return holder.column
}
