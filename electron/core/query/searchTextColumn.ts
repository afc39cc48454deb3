/**
 * Every record's search text (see recordSearchText.ts) as UTF-8 in one buffer: record p's text is
 * `bytes[starts[p] .. ends[p])`, with its signature bits (see textSignature.ts). Outside the JS heap (the collector
 * never walks it), written to and read from the index snapshot as raw bytes, and searched with `Buffer#indexOf`.
 * UTF-8 is self-synchronising, so a term's bytes occur in a record's bytes exactly when the term occurs in its text.
 *
 * Bytes past `used` are room left for a sync: a record whose text changes is rewritten where it was when it fits
 * there, else at `used` (see updateIndexText), so a sync does not copy 200 MB of unchanged text into fresh memory
 * (which costs a page fault per 4 KB on first touch). The room is reserved, not touched, so it takes no memory.
 */
export interface SearchTextColumn {
  bytes: Buffer
  starts: Float64Array
  ends: Float64Array
  used: number
  signatures: Uint32Array
}

/** Room to reserve past `used` bytes of text: ~5% (8 MB at 100,000 records), the changed text of several syncs. */
export const textRoomFor = (used: number) => Math.max(64 << 10, Math.ceil(used / 20))

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
