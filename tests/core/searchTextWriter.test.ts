/** The search text column written a record at a time as a store is read (no record's text kept as a string). */
import { describe, expect, it } from 'vitest'
import { buildIndexText, searchTextWriter } from '../../electron/core/query/indexText'
import { recordTextOf } from '../../electron/core/query/searchTextColumn'
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
  it('is the column built from the records afterwards: the same texts, values, ranges and signatures', () => {
    const built = buildIndexText(trials)
    // First buffers far too small (~320 KB of text): values and ids grow (copied) as records come, several times.
    const writer = searchTextWriter(100)
    for (const trial of trials) writer.add(searchTextOf(trial))
    const written = writer.finish()
    const texts = (column: typeof built) => Array.from(column.starts, (_, p) => recordTextOf(column, p))
    expect(texts(written)).toEqual(trials.map(searchTextOf))
    expect(texts(written)).toEqual(texts(built))
    expect(written.values.count).toBe(built.values.count)
    expect(written.used).toBe(built.used)
    expect(written.starts).toEqual(built.starts)
    expect(written.ends).toEqual(built.ends)
    expect(written.signatures).toEqual(built.signatures)
    expect(recordTextOf(written, 3)).toContain('비소세포폐암')
  })

  it('keeps each repeated value once, and room past the ids for the next syncs', () => {
    const writer = searchTextWriter(1 << 20)
    for (const trial of trials) writer.add(searchTextOf(trial))
    const written = writer.finish()
    // Forty records share five long summaries: each is kept once, and the values take a fraction of the texts.
    const textBytes = trials.reduce((sum, trial) => sum + Buffer.byteLength(searchTextOf(trial)), 0)
    expect(written.values.starts[written.values.count]).toBeLessThan(textBytes / 5)
    expect(written.ids.length).toBeGreaterThan(written.used)
  })
})
