/** The newest history entry of a trial as one line for the list ("모집 상태 모집중 → 모집종료 · +2 항목"). */
import {
  CHANGE_FIELD_KEYS,
  type ChangedFieldSummary,
  type ChangeFieldKey,
  type LatestChange,
} from '../../../shared/clinical'
import type { HistoryEntry, SourceId } from '../../../shared/trials'
import { COLUMN_TO_COMMON_BY_SOURCE } from '../sources/mappings'
import { DETAIL_PREFIX } from '../sources/cris/mergeRecord'

export const MAX_SUMMARY_FIELDS = 3

/** Korean labels in the registries' terms, for columns whose own name is an English identifier (CRIS). */
export const CHANGE_KEY_LABELS: Readonly<Record<ChangeFieldKey, string>> = {
  recruitment: '모집 상태',
  phases: '임상시험 단계',
  title: '과제명',
  sites: '연구 실시기관',
  targetSize: '목표 대상자 수',
  conditions: '대상 질환',
  titleEn: '영문 과제명',
  institution: '연구책임기관',
  sponsor: '연구 의뢰기관',
  department: '진료과',
  studyType: '연구 종류',
  scope: '연구 범위',
  period: '연구 기간',
  registeredAt: '등록일',
}

const RANK: ReadonlyMap<string, number> = new Map(CHANGE_FIELD_KEYS.map((key, i) => [key, i]))
const NON_ASCII = /[^\x00-\x7f]/

function keyOf(source: SourceId, field: string): ChangeFieldKey | null {
  const column = field.startsWith(DETAIL_PREFIX) ? field.slice(DETAIL_PREFIX.length) : field
  const key = COLUMN_TO_COMMON_BY_SOURCE[source]?.[column] as string | undefined
  return key !== undefined && RANK.has(key) ? (key as ChangeFieldKey) : null
}

/** Lists of objects (CRIS research_items, sponsor_items) read as their names; everything else as sent. */
function readable(value: unknown): unknown {
  if (!Array.isArray(value) || !value.some((v) => typeof v === 'object' && v !== null)) return value
  const names = value
    .map((item) => {
      if (typeof item !== 'object' || item === null) return String(item)
      const first = Object.values(item as Record<string, unknown>).find((v) => typeof v === 'string' && v.trim() !== '')
      return typeof first === 'string' ? first.trim() : ''
    })
    .filter(Boolean)
  return names.join(', ')
}

/** Summarises the newest history entry: at most 3 fields, the most meaningful first (CHANGE_FIELD_KEYS order). */
export function latestChangeOf(source: SourceId, history: readonly HistoryEntry[]): LatestChange | null {
  const entry = history[history.length - 1]
  if (!entry) return null
  const ranked = entry.changes.map((change, order) => {
    const key = keyOf(source, change.field)
    return { change, key, rank: key === null ? CHANGE_FIELD_KEYS.length : RANK.get(key)!, order }
  })
  // The English twin of a column (recruitment_status_en beside _kr) says the same thing: one line per key.
  const isEnglishTwin = (field: string) => (/_en$/.test(field) ? 1 : 0)
  ranked.sort(
    (a, b) => a.rank - b.rank || isEnglishTwin(a.change.field) - isEnglishTwin(b.change.field) || a.order - b.order,
  )
  const seenKeys = new Set<ChangeFieldKey>()
  const distinct = ranked.filter(({ key }) => key === null || (!seenKeys.has(key) && (seenKeys.add(key), true)))
  const fields: ChangedFieldSummary[] = distinct.slice(0, MAX_SUMMARY_FIELDS).map(({ change, key }) => ({
    field: change.field,
    key,
    label: NON_ASCII.test(change.field) ? change.field : key !== null ? CHANGE_KEY_LABELS[key] : change.field,
    from: readable(change.from),
    to: readable(change.to),
  }))
  return { at: entry.at, kind: entry.kind, fields, moreFields: distinct.length - fields.length }
}
