/**
 * What text search looks in: what a trial is about and who runs it where, not its eligibility prose, contacts or
 * dates (see recordSearchText.ts) — and the same answers from an index built from records and one read back from
 * the snapshot (where the search text is stored raw: its values and their ids).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listTrials } from '../../electron/core/query/listTrials'
import { recordTextOf, searchTextColumnOf } from '../../electron/core/query/searchTextColumn'
import { createTrialIndex } from '../../electron/core/query/trialIndex'
import { StoreSession } from '../../electron/core/store/storeSession'
import { saveStore } from '../../electron/core/store/trialStoreFile'
import { storedTrial, storeWith } from '../helpers/storeData'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()

const trials = [
  storedTrial('NCT1', {
    fields: {
      briefTitle: 'Osimertinib in EGFR-mutant lung cancer',
      eligibilityCriteria: 'Exclusion Criteria:\n* Uncontrolled diabetes mellitus\n* Pregnancy',
      locations: [
        {
          facility: 'Samsung Medical Center',
          city: 'Seoul',
          country: 'Korea, Republic of',
          status: 'RECRUITING',
          contacts: [{ name: 'Jane Kim', phone: '+82-2-3410-0000', email: 'jane.kim@example.org' }],
          geoPoint: { lat: 37.488, lon: 127.085 },
        },
      ],
      startDateStruct: { date: '2025-04' },
    },
    common: { title: 'Osimertinib in EGFR-mutant lung cancer' },
  }),
  storedTrial('KCT1', {
    fields: {
      scientific_title_kr: '제2형 당뇨병 환자에서 신약의 효과',
      i_freetext_kr: '메트포르민 병용',
      outcome_items: [{ primary_outcome_kr: '당화혈색소 변화', primary_outcome_time_kr: '24주' }],
      irb_committee_kr: '서울대학교병원 연구윤리심의위원회',
      irb_number: 'H-2401-001-1234',
      date_registration: '2024-01-15',
    },
    common: { title: '제2형 당뇨병 환자에서 신약의 효과' },
  }),
]

/** Each record's search text as the index holds it. */
const textsOf = (index: ReturnType<typeof createTrialIndex>) => {
  const column = searchTextColumnOf(index.text)
  return Array.from(column.starts, (_, p) => recordTextOf(column, p))
}
const found = (index: ReturnType<typeof createTrialIndex>, q: string) =>
  listTrials(index, { q, withinDays: null, limit: 10 }).items.map((item) => item.sourceId)

describe('text search scope', () => {
  const index = createTrialIndex(trials)

  it('finds trials by what they study, their sites and their ids, in Korean and English', () => {
    expect(found(index, 'osimertinib')).toEqual(['NCT1'])
    expect(found(index, 'samsung medical')).toEqual(['NCT1'])
    expect(found(index, '메트포르민')).toEqual(['KCT1'])
    expect(found(index, 'h-2401-001')).toEqual(['KCT1']) // a coordinator looks up their own trial by IRB number
    expect(found(index, 'diabetes')).toEqual(['KCT1']) // the synonym table: 당뇨병
  })

  it('does not match a disease named only in the exclusion criteria, nor contacts, coordinates, dates or outcomes', () => {
    expect(found(index, 'mellitus')).toEqual([])
    expect(found(index, 'pregnancy')).toEqual([])
    expect(found(index, 'jane kim')).toEqual([])
    expect(found(index, '3410')).toEqual([])
    expect(found(index, 'example.org')).toEqual([])
    expect(found(index, '37.488')).toEqual([])
    expect(found(index, '2024-01-15')).toEqual([])
    expect(found(index, '당화혈색소')).toEqual([])
    expect(found(index, '연구윤리심의위원회')).toEqual([])
  })

  it('answers the same from the index snapshot (search text stored raw: its values and their ids) as from the records', async () => {
    const path = join(tempDir(), 'trials.json')
    await saveStore(path, storeWith(trials))
    const first = await StoreSession.open(path) // reads the records, writes the snapshot
    await first.close()
    const reopened = await StoreSession.open(path) // from the snapshot
    for (const q of ['osimertinib', '메트포르민', '당뇨', 'seoul', 'mellitus', '병원 연구'])
      expect(found(reopened.index, q)).toEqual(found(index, q))
    expect(textsOf(reopened.index)).toEqual(textsOf(index))
    await reopened.close()
  })

  it('answers a text query that comes before the search text has been read in the background', async () => {
    const path = join(tempDir(), 'trials.json')
    await saveStore(path, storeWith(trials))
    await (await StoreSession.open(path)).close()
    const reopened = await StoreSession.open(path)
    expect(reopened.index.text.column).toBeNull() // the first answer did not wait for it
    expect(found(reopened.index, '메트포르민')).toEqual(['KCT1'])
    await reopened.close()
  })

  it('reuses the text and signatures of unchanged records after a sync exactly as computing them afresh', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      storedTrial(`T${i}`, { fields: { 과제번호: `T${i}`, 과제명: `${i % 2 ? '폐암' : 'asthma'} study ${i}` } }),
    )
    const before = createTrialIndex(many)
    // A sync: one record changed, the rest the same objects, a block moved to the end (as each source's records are).
    const changed = { ...many[5], fields: { ...many[5].fields, 과제명: '당뇨병 신약' } }
    const after = [...many.slice(10, 40), ...many.slice(0, 5), changed, ...many.slice(6, 10)]
    const rebuilt = createTrialIndex(after, before)
    const fresh = createTrialIndex(after)
    expect(textsOf(rebuilt)).toEqual(textsOf(fresh))
    expect(searchTextColumnOf(rebuilt.text).signatures).toEqual(searchTextColumnOf(fresh.text).signatures)
  })
})
