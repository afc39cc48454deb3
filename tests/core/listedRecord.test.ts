/**
 * List rows of a store whose records are on disk parse only what a row shows (the record from its `common` on):
 * they must equal rows built from the whole records, also for records whose own fields contain the key bytes.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listTrials } from '../../electron/core/query/listTrials'
import { createTrialIndex } from '../../electron/core/query/trialIndex'
import { StoreSession } from '../../electron/core/store/storeSession'
import { saveStore } from '../../electron/core/store/trialStoreFile'
import { storedTrial, storeWith } from '../helpers/storeData'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()

const trials = [
  storedTrial('P1', {
    changeKind: 'updated',
    history: [
      { at: '2026-01-01T00:00:00.000Z', kind: 'created', changes: [] },
      {
        at: '2026-01-02T00:00:00.000Z',
        kind: 'updated',
        changes: [{ field: '과제명', from: '옛 제목', to: '과제 P1' }],
      },
    ],
  }),
  // A source field named "common" (an object) and text holding the key bytes: the fast path must not be fooled.
  storedTrial('P2', {
    fields: { 과제번호: 'P2', common: { title: 'not the common fields' }, 요약: 'text with ,"common":{ inside' },
    common: { title: '과제 P2', phases: ['phase2'] },
  }),
  storedTrial('P3', { detailsPending: true, removedAt: '2026-01-03T00:00:00.000Z', changeKind: 'removed' }),
]

describe('list rows from records on disk', () => {
  it('equal the rows built from the whole records', async () => {
    const path = join(tempDir(), 'trials.json')
    await saveStore(path, storeWith(trials))
    await (await StoreSession.open(path)).close() // writes the snapshot
    const session = await StoreSession.open(path) // records on disk
    const query = { withinDays: null, limit: 10, sort: 'id' as const }
    const fromDisk = listTrials(session.index, query).items
    expect(fromDisk).toEqual(listTrials(createTrialIndex(trials), query).items)
    expect(fromDisk.map((row) => row.title)).toEqual(['과제 P1', '과제 P2']) // P3 is removed
    expect(fromDisk[0].latestChange?.fields[0]).toMatchObject({ from: '옛 제목', to: '과제 P1' })
    await session.close()
  })

  it('are kept for the next query, and a commit shows the new values (a generation never changes once written)', async () => {
    const path = join(tempDir(), 'trials.json')
    await saveStore(path, storeWith(trials))
    await (await StoreSession.open(path)).close()
    const session = await StoreSession.open(path)
    const query = { withinDays: null, limit: 10, sort: 'id' as const }
    const first = listTrials(session.index, query).items
    const again = listTrials(session.index, query).items
    expect(again).toEqual(first)
    // Rows are shared between queries: a caller cannot change what the next query shows.
    expect(() => {
      ;(session.index.entries[1].listed!.common.phases as string[]).push('phase3')
    }).toThrow(TypeError)
    const renamed = trials.map((t) => (t.sourceId === 'P1' ? { ...t, common: { ...t.common, title: '새 제목' } } : t))
    await session.commit(storeWith(renamed))
    expect(listTrials(session.index, query).items.map((row) => row.title)).toEqual(['새 제목', '과제 P2'])
    await session.close()
  })
})
