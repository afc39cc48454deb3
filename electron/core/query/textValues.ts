/**
 * The distinct values of every record's search text, each kept once as UTF-8 (see searchTextColumn.ts): a hospital,
 * a city, a condition or a sponsor that thousands of records name is one value here, and a record's text is the list
 * of its values' ids. Outside the JS heap, found by a hash table over the bytes (a Map of strings would put every
 * value on the heap). Values are only ever added: a value no record names any more stays until the store is next
 * read from its file (its ids must stay valid for every index sharing the values).
 */
export interface TextValues {
  /** Value v is `bytes[starts[v] .. starts[v + 1])`; bytes past `starts[count]` are room. */
  bytes: Buffer
  /** Room for more values past `count + 1`. */
  starts: Uint32Array
  count: number
  /** Open addressing: a value's id + 1 at its hash (or the next free slot), 0 where free. A power of two long. */
  slots: Int32Array
}

/** A table at most half full (probes stay short). */
const slotCountFor = (values: number) => {
  let slots = 1024
  while (slots < values * 2) slots *= 2
  return slots
}

export function createTextValues(byteRoom: number, valueRoom: number): TextValues {
  const starts = new Uint32Array(Math.max(16, valueRoom) + 1)
  return {
    bytes: Buffer.allocUnsafeSlow(Math.max(1024, byteRoom)),
    starts,
    count: 0,
    slots: new Int32Array(slotCountFor(valueRoom)),
  }
}

/** FNV-1a over `bytes[start .. end)`. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193)
  return hash >>> 0
}

function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (a[aStart + i] !== b[bStart + i]) return false
  return true
}

/** Puts value `id` (already in `values.bytes`) into `slots`. */
function place(values: TextValues, slots: Int32Array, id: number): void {
  const mask = slots.length - 1
  let slot = hashOf(values.bytes, values.starts[id], values.starts[id + 1]) & mask
  while (slots[slot] !== 0) slot = (slot + 1) & mask
  slots[slot] = id + 1
}

/** A larger copy of `from` (its first `used` elements), at least `needed` long. */
function grown<T extends Buffer | Uint32Array>(from: T, used: number, needed: number, make: (n: number) => T): T {
  const into = make(Math.max(needed, Math.ceil(from.length * 1.5)))
  into.set(from.subarray(0, used))
  return into
}

/** The id of the value `source[start .. end)`, added to `values` if it is new (the arrays may be replaced). */
export function internValue(values: TextValues, source: Uint8Array, start: number, end: number): number {
  const length = end - start
  const mask = values.slots.length - 1
  let slot = hashOf(source, start, end) & mask
  for (let held = values.slots[slot]; held !== 0; held = values.slots[slot]) {
    const at = values.starts[held - 1]
    if (values.starts[held] - at === length && sameBytes(values.bytes, at, source, start, length)) return held - 1
    slot = (slot + 1) & mask
  }
  const id = values.count
  const at = values.starts[id]
  if (at + length > values.bytes.length)
    values.bytes = grown(values.bytes, at, at + length, (n) => Buffer.allocUnsafeSlow(n))
  if (id + 2 > values.starts.length) values.starts = grown(values.starts, id + 1, id + 2, (n) => new Uint32Array(n))
  values.bytes.set(source.subarray(start, end), at)
  values.starts[id + 1] = at + length
  values.count = id + 1
  if (values.count * 2 > values.slots.length) {
    const slots = new Int32Array(slotCountFor(values.count))
    for (let v = 0; v < values.count; v++) place(values, slots, v)
    values.slots = slots
  } else values.slots[slot] = id + 1
  return id
}

/** A record's text as UTF-8, and its value ids: buffers kept for the purpose (see internText). */
let scratch = Buffer.allocUnsafeSlow(64 << 10)
let scratchIds = new Uint32Array(4096)

/**
 * The ids of the values of `text` (a record's search text: values separated by U+0001, see recordSearchText.ts),
 * new values interned. A view of a buffer the next call overwrites: copy it before calling again.
 */
export function internText(values: TextValues, text: string): Uint32Array {
  const length = Buffer.byteLength(text, 'utf8')
  if (length > scratch.length) scratch = Buffer.allocUnsafeSlow(length)
  // At most one value per byte, and one more.
  if (length + 1 > scratchIds.length) scratchIds = new Uint32Array(length + 1)
  scratch.write(text, 0, 'utf8')
  let n = 0
  let start = 0
  for (let i = 0; i <= length; i++) {
    // U+0001 is the byte 1 in UTF-8 and no other character's bytes contain it.
    if (i === length || scratch[i] === 1) {
      scratchIds[n++] = internValue(values, scratch, start, i)
      start = i + 1
    }
  }
  return scratchIds.subarray(0, n)
}

/** The record text of the values `ids[start .. end)`, joined by U+0001 (as recordSearchText.ts made it). */
export function textOfValues(values: TextValues, ids: Uint32Array, start: number, end: number): string {
  let length = 0
  for (let k = start; k < end; k++) length += values.starts[ids[k] + 1] - values.starts[ids[k]] + 1
  if (length > scratch.length) scratch = Buffer.allocUnsafeSlow(length)
  let at = 0
  for (let k = start; k < end; k++) {
    if (k > start) scratch[at++] = 1
    at += values.bytes.copy(scratch, at, values.starts[ids[k]], values.starts[ids[k] + 1])
  }
  return scratch.toString('utf8', 0, at)
}
