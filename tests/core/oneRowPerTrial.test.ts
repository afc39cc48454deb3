/**
 * The hiding step of "one row per trial" on a small index: which record stands for a linked pair, how facet values the
 * twins do not share are counted, and that a store without links (or the option off) skips the step entirely.
 */
import { describe, expect, it } from 'vitest'
import type { RecruitmentStatus } from '../../shared/trials'
import { listTrials } from '../../electron/core/query/listTrials'
import { TwinHiding } from '../../electron/core/query/oneRowPerTrial'
import { createTrialIndex } from '../../electron/core/query/trialIndex'
import type { StoredTrial } from '../../electron/core/store/types'

const AT = '2026-11-30T00:00:00.000Z'

function record(id: string, recruitment: RecruitmentStatus, fields: Record<string, unknown> = {}): StoredTrial {
  const [source, sourceId] = id.split(':') as [StoredTrial['source'], string]
  return {
    id,
    source,
    sourceId,
    fields,
    common: { title: `Trial ${sourceId}`, recruitment },
    firstSeenAt: AT,
    changedAt: AT,
    lastSeenAt: AT,
    removedAt: null,
    changeKind: 'new',
    history: [],
  }
}

const pair = [
  record('cris:KCT0000001', 'recruiting'),
  // The study's own status differs from its CRIS twin's: selecting either status lists a row for the trial.
  record('ctgov:NCT05000001', 'completed', { secondaryIdInfos: [{ id: 'KCT0000001' }] }),
  record('ctgov:NCT05000002', 'recruiting'),
]
const all = { withinDays: null } as const
const counts = (result: ReturnType<typeof listTrials>, facet: 'source' | 'recruitment') =>
  Object.fromEntries((result.facets[facet] ?? []).map((v) => [v.value, v.count]))

describe('one row per trial (hiding step)', () => {
  it('costs nothing without links or with the option off: no hiding step at all', () => {
    const unlinked = createTrialIndex([
      record('cris:KCT0000001', 'recruiting'),
      record('ctgov:NCT05000002', 'recruiting'),
    ])
    expect(TwinHiding.forQuery(unlinked, true, 'cris')).toBeNull()
    expect(TwinHiding.forQuery(createTrialIndex(pair), false, 'cris')).toBeNull()
    expect(TwinHiding.forQuery(createTrialIndex(pair), true, 'cris')).not.toBeNull()
  })

  it('counts a facet value under the record that selecting it would list', () => {
    const index = createTrialIndex(pair)
    const result = listTrials(index, all)
    expect(result.items.map((t) => t.id).sort()).toEqual(['cris:KCT0000001', 'ctgov:NCT05000002'])
    // recruiting: the CRIS record and the other study; completed: only the study of the pair has it, and lists it.
    expect(counts(result, 'recruitment')).toEqual({ recruiting: 2, completed: 1 })
    expect(
      listTrials(index, { ...all, fields: [{ name: 'recruitment', value: 'completed' }] }).items.map((t) => t.id),
    ).toEqual(['ctgov:NCT05000001'])
    expect(listTrials(index, { ...all, fields: [{ name: 'recruitment', value: 'recruiting' }] }).total).toBe(2)
    // The source menu: each registry's count is what filtering to it lists (nothing lost).
    expect(counts(result, 'source')).toEqual({ cris: 1, ctgov: 2 })
    expect(listTrials(index, { ...all, sources: ['ctgov'] }).total).toBe(2)
  })

  it('switching the preferred registry lists the pair as the study, with the CRIS id as its link', () => {
    const result = listTrials(createTrialIndex(pair), { ...all, preferredRegistry: 'ctgov' })
    expect(result.items.map((t) => [t.id, t.linkedIds]).sort()).toEqual([
      ['ctgov:NCT05000001', ['cris:KCT0000001']],
      ['ctgov:NCT05000002', undefined],
    ])
    expect(result.total).toBe(2)
    expect(listTrials(createTrialIndex(pair), { ...all, oneRowPerTrial: false }).total).toBe(3)
  })
})
