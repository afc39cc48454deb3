/** The search text column written a record at a time as a store is read (no record's text kept as a string). */
import { describe, expect, it } from 'vitest'
import { buildIndexText, searchTextWriter } from '../../electron/core/query/indexText'
import { searchTextOf } from '../../electron/core/query/recordSearchText'
import { storedTrial } from '../helpers/storeData'

const trials = Array.from({ length: 40 }, (_, i) =>
  storedTrial(`C${i}`, {
    fields: {
      과제번호: `C${i}`,
      과제명:
        i % 3 === 0 ? `비소세포폐암 환자에서 표적치료제 ${i}` : `A phase ${1 + (i % 3)} study of drug-${i} in NSCLC`,
      요약: '항암화학요법 후 진행된 환자 '.repeat(100 + (i % 5) * 50),
    },
  }),
)

describe('a search text column written as records are read', () => {
  it('is the column built from the records afterwards: the same bytes, ranges and signatures', () => {
    const built = buildIndexText(trials)
    // A reserve far too small (~320 KB of text): the buffer grows (copied) as records come, several times.
    const writer = searchTextWriter(100)
    for (const trial of trials) writer.add(searchTextOf(trial))
    const written = writer.finish()
    expect(written.used).toBe(built.used)
    expect(written.bytes.subarray(0, written.used).equals(built.bytes.subarray(0, built.used))).toBe(true)
    expect(written.starts).toEqual(built.starts)
    expect(written.ends).toEqual(built.ends)
    expect(written.signatures).toEqual(built.signatures)
    expect(written.bytes.toString('utf8', written.starts[3], written.ends[3])).toContain('비소세포폐암')
  })

  it('keeps the rest of a large reserve as room for the next syncs', () => {
    const writer = searchTextWriter(1 << 20)
    for (const trial of trials) writer.add(searchTextOf(trial))
    const written = writer.finish()
    expect(written.bytes.length).toBe(1 << 20)
    expect(written.used).toBeLessThan(1 << 20)
  })
})
