/**
 * Every record's search text (see recordSearchText.ts) as UTF-8 in one buffer: record p's text is
 * `bytes[starts[p] .. starts[p + 1])`, with its signature bits (see textSignature.ts). Outside the JS heap (the
 * collector never walks it), written to and read from the index snapshot as raw bytes, and searched with
 * `Buffer#indexOf`. UTF-8 is self-synchronising, so a term's bytes occur in a record's bytes exactly when the term
 * occurs in its text.
 */
export interface SearchTextColumn {
  bytes: Buffer
  starts: Float64Array
  signatures: Uint32Array
}

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

/** A record's text, either computed (a string) or copied from another column (its bytes). */
export type SearchTextPiece = string | Buffer

export function buildSearchTextColumn(pieces: readonly SearchTextPiece[], signatures: Uint32Array): SearchTextColumn {
  const starts = new Float64Array(pieces.length + 1)
  let total = 0
  for (let p = 0; p < pieces.length; p++) {
    starts[p] = total
    const piece = pieces[p]
    total += typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length
  }
  starts[pieces.length] = total
  const bytes = Buffer.allocUnsafeSlow(total)
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p]
    if (typeof piece === 'string') bytes.write(piece, starts[p], 'utf8')
    else piece.copy(bytes, starts[p])
  }
  return { bytes, starts, signatures }
}

/** Record `position`'s text bytes (a view, not a copy). */
export function searchTextBytesAt(column: SearchTextColumn, position: number): Buffer {
  return column.bytes.subarray(column.starts[position], column.starts[position + 1])
}
