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

function keyOfColumn(source: SourceId, field: string): ChangeFieldKey | null {
  const column = field.startsWith(DETAIL_PREFIX) ? field.slice(DETAIL_PREFIX.length) : field
  const key = COLUMN_TO_COMMON_BY_SOURCE[source]?.[column] as string | undefined
  return key !== undefined && RANK.has(key) ? (key as ChangeFieldKey) : null
}

/** keyOfColumn per source and column name, worked out once: every list item asks it for each of its changes. */
const keyCache = new Map<SourceId, Map<string, ChangeFieldKey | null>>()

function keyOf(source: SourceId, field: string): ChangeFieldKey | null {
  let bySource = keyCache.get(source)
  if (!bySource) keyCache.set(source, (bySource = new Map()))
  let key = bySource.get(field)
  if (key === undefined) bySource.set(field, (key = keyOfColumn(source, field)))
  return key
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

/** The English twin of a column (recruitment_status_en beside _kr) says the same thing: one line per key. */
const isEnglishTwin = (field: string) => (field.endsWith('_en') ? 1 : 0)

/**
 * Summarises the newest history entry: at most 3 fields, the most meaningful first (CHANGE_FIELD_KEYS order, an
 * English twin after its Korean column, then the entry's own order), one per normalised key (columns only the
 * source has are all kept). Runs for every listed item, so it orders indices instead of building and sorting objects.
 */
export function latestChangeOf(source: SourceId, history: readonly HistoryEntry[]): LatestChange | null {
  const entry = history[history.length - 1]
  if (!entry) return null
  const { changes } = entry
  const n = changes.length
  const keys: (ChangeFieldKey | null)[] = new Array(n)
  // Sort weight: rank first, then the English twin after its Korean column; ties keep the entry's order.
  const weights: number[] = new Array(n)
  const order: number[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const key = keyOf(source, changes[i].field)
    keys[i] = key
    weights[i] = (key === null ? CHANGE_FIELD_KEYS.length : RANK.get(key)!) * 2 + isEnglishTwin(changes[i].field)
    // Insertion sort (stable: a change goes after every earlier one of the same weight); entries are short.
    let j = i
    while (j > 0 && weights[order[j - 1]] > weights[i]) {
      order[j] = order[j - 1]
      j--
    }
    order[j] = i
  }
  const fields: ChangedFieldSummary[] = []
  let distinct = 0
  let seenKeys = 0 // one bit per rank
  for (let k = 0; k < n; k++) {
    const i = order[k]
    const key = keys[i]
    if (key !== null) {
      const bit = 1 << RANK.get(key)!
      if ((seenKeys & bit) !== 0) continue
      seenKeys |= bit
    }
    distinct++
    if (fields.length === MAX_SUMMARY_FIELDS) continue
    const change = changes[i]
    fields.push({
      field: change.field,
      key,
      label: NON_ASCII.test(change.field) ? change.field : key !== null ? CHANGE_KEY_LABELS[key] : change.field,
      from: readable(change.from),
      to: readable(change.to),
    })
  }
  return { at: entry.at, kind: entry.kind, fields, moreFields: distinct - fields.length }
}
