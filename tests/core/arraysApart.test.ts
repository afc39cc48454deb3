/** A value serialised with its typed arrays apart (the index snapshot's blob, see arraysApart.ts). */
import { describe, expect, it } from 'vitest'
import {
  arraysFor,
  bytesOfArray,
  bytesOfTable,
  deserializeApart,
  isArrayTable,
  serializeApart,
} from '../../electron/core/store/arraysApart'

const value = {
  ids: ['cris:KCT0000001', 'icreat:C100001'],
  orders: { changed: Int32Array.from([1, 0]), title: Int32Array.from([0, 1]) },
  changedAtMs: Float64Array.from([1.5e12, 1.6e12]),
  removed: Uint8Array.from([0, 1]),
  // A view into a larger array: only its own elements go apart.
  starts: new Uint32Array([9, 9, 7, 8, 9]).subarray(2, 4),
  facets: [{ values: ['서울대학교병원'], ids: Int32Array.from([0, -1]) }],
}

/** Written and read back as the snapshot does: the arrays' bytes one after the other. */
function roundTrip(input: unknown) {
  const { blob, arrays, table } = serializeApart(input)
  const raw = Buffer.concat(arrays.map(bytesOfArray))
  const json = JSON.parse(JSON.stringify(table)) as unknown
  expect(isArrayTable(json)).toBe(true)
  const fresh = arraysFor(table)
  let at = 0
  for (const array of fresh) {
    const bytes = bytesOfArray(array)
    raw.copy(bytes, 0, at, at + bytes.length)
    at += bytes.length
  }
  return { blob, raw, table, out: deserializeApart(blob, fresh) }
}

describe('a value serialised with its typed arrays apart', () => {
  it('reads back equal, each array of its own kind, and the blob holds none of their bytes', () => {
    const { raw, table, out } = roundTrip(value)
    expect(out).toEqual(value)
    expect((out as typeof value).starts).toBeInstanceOf(Uint32Array)
    expect((out as typeof value).starts).toEqual(Uint32Array.from([7, 8]))
    expect(raw.length).toBe(bytesOfTable(table))
    expect(table.map(([kind]) => kind)).toEqual([
      'Int32Array',
      'Int32Array',
      'Float64Array',
      'Uint8Array',
      'Uint32Array',
      'Int32Array',
    ])
    // A large array: the blob stays small.
    const large = roundTrip({ big: new Float64Array(100_000).fill(2) })
    expect(large.blob.length).toBeLessThan(200)
    expect((large.out as { big: Float64Array }).big[99_999]).toBe(2)
  })

  it('refuses a table naming an unknown kind or a bad length, and a blob naming an array that is missing', () => {
    expect(isArrayTable([['Int32Array', 2]])).toBe(true)
    expect(isArrayTable([['Function', 2]])).toBe(false)
    expect(isArrayTable([['Int32Array', -1]])).toBe(false)
    expect(isArrayTable([['Int32Array', 1.5]])).toBe(false)
    expect(isArrayTable({})).toBe(false)
    const { blob } = serializeApart(value)
    expect(() => deserializeApart(blob, [])).toThrow()
  })
})
