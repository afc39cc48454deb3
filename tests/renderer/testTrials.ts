/**
 * Trials for the renderer tests, in the store's own format: the source's fields as a registry sends them, mapped to
 * the common fields by that source's real mapping (its `toCommon`), with a change history oldest first.
 */
import type { ChangeKind, CommonFields, HistoryEntry, SourceId } from '../../shared/trials'
import { createSources, sourceConfigFromEnv } from '../../electron/core/sources'
import type { Source } from '../../electron/core/sources/source'
import type { StoredTrial } from '../../electron/core/store/types'

export const NOW = new Date()
const HOUR = 3600_000

/** The real sources (mappings and attributions only: nothing here fetches). */
export const SOURCES: ReadonlyMap<SourceId, Source> = new Map(
  createSources(sourceConfigFromEnv({})).map((s) => [s.id, s]),
)

export interface TrialInput {
  source: SourceId
  sourceId: string
  fields: Record<string, unknown>
  changeKind?: ChangeKind
  changedAt?: string
  firstSeenAt?: string
  detailsPending?: boolean
  /** Newest first, as the detail screen shows it; defaults to one `created` entry. */
  history?: HistoryEntry[]
  /** Common fields this test needs that the source's mapping does not produce (e.g. an English title). */
  extraCommon?: Partial<CommonFields>
}

export function storedTrial(input: TrialInput): StoredTrial {
  const source = SOURCES.get(input.source)!
  const changedAt = input.changedAt ?? NOW.toISOString()
  const firstSeenAt = input.firstSeenAt ?? changedAt
  const changeKind = input.changeKind ?? 'new'
  const history = input.history ?? [{ at: firstSeenAt, kind: 'created', changes: [] }]
  return {
    id: `${input.source}:${input.sourceId}`,
    source: input.source,
    sourceId: input.sourceId,
    fields: input.fields,
    common: { ...source.toCommon(input.fields), ...input.extraCommon },
    firstSeenAt,
    changedAt,
    lastSeenAt: changedAt,
    removedAt: changeKind === 'removed' ? changedAt : null,
    changeKind,
    ...(input.detailsPending ? { detailsPending: true } : {}),
    history: [...history].reverse(),
  }
}

const DEPARTMENTS = ['Cardiology', 'Oncology', 'Neurology']
const INSTITUTIONS = ['서울대학교병원', '세브란스병원']
const KINDS = ['new', 'updated', 'new', 'removed'] as const

/**
 * `count` iCReaT trials, trial n changed n hours before NOW: department cycles Cardiology/Oncology/Neurology,
 * change kind cycles new/updated/new/removed, every 5th has an English title.
 */
export function makeTrials(count: number): StoredTrial[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0')
    const changedAt = new Date(NOW.getTime() - (i + 1) * HOUR).toISOString()
    const firstSeenAt = new Date(NOW.getTime() - 30 * 24 * HOUR).toISOString()
    return storedTrial({
      source: 'icreat',
      sourceId: `C100${n}`,
      changeKind: KINDS[i % KINDS.length],
      changedAt,
      firstSeenAt,
      fields: {
        과제번호: `C100${n}`,
        과제명: `임상시험 과제 ${n}`,
        진료과: DEPARTMENTS[i % DEPARTMENTS.length],
        연구책임기관: INSTITUTIONS[i % INSTITUTIONS.length],
        '임상시험단계(연구모형)': '코호트',
        연구범위: '단일기관',
        연구종류: '관찰연구',
        연구기간: '1년',
        전체목표연구대상자수: '120',
        custom_column: 'raw value',
      },
      extraCommon: i % 5 === 0 ? { titleEn: `Clinical project ${n}` } : undefined,
      history: [
        {
          at: changedAt,
          kind: 'updated',
          changes: [
            { field: '전체목표연구대상자수', from: '100', to: '120' },
            {
              field: '과제명',
              from: '급성 심근경색 환자에서 심부전 발생과 그 특성 및 장기 예후를 비교하는 다기관 관찰 연구',
              to: '급성 심근경색 환자에서 심부전 발생과 그 특성 및 단기 예후를 비교하는 다기관 관찰 연구',
            },
          ],
        },
        { at: firstSeenAt, kind: 'created', changes: [] },
      ],
    })
  })
}
