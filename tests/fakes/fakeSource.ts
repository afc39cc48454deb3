/** An in-memory Source for core tests: serves a configurable listing, or fails / waits as told. */
import type { CommonFields, SourceId, SyncWarning } from '../../shared/trials'
import { TrialsError } from '../../electron/core/errors'
import type { FetchContext, FetchResult, Source, SourceRow } from '../../electron/core/sources/source'

export interface FakeSourceControl {
  source: Source
  rows: SourceRow[]
  /** Thrown by the next fetches (until cleared). */
  failWith: Error | null
  /** When set, fetchAll waits for this promise (or the abort signal) before answering. */
  gate: Promise<void> | null
  rejected: number
  calls: number
  lastContext: FetchContext | null
  state: Record<string, unknown> | undefined
  /** Raised through ctx.warn on every fetch that succeeds, in order. */
  warnings: Array<{ message: string; warning?: SyncWarning }>
}

export function icreatRow(sourceId: string, fields: Record<string, unknown> = {}): SourceRow {
  return {
    sourceId,
    fields: {
      과제번호: sourceId,
      과제명: `과제 ${sourceId}`,
      연구범위: '단일기관',
      연구종류: '관찰연구',
      연구책임기관: '서울대학교병원',
      '임상시험단계(연구모형)': '코호트',
      연구기간: '1년',
      전체목표연구대상자수: '120',
      진료과: 'Cardiology',
      ...fields,
    },
  }
}

function toCommon(fields: Readonly<Record<string, unknown>>): CommonFields {
  const text = (v: unknown) =>
    typeof v === 'string' && v.trim() !== '' ? v.trim().normalize('NFC') : typeof v === 'number' ? String(v) : undefined
  const common: CommonFields = { title: text(fields['과제명']) ?? '' }
  const map: Record<string, keyof CommonFields> = {
    연구책임기관: 'institution',
    진료과: 'department',
    '임상시험단계(연구모형)': 'phase',
    연구종류: 'studyType',
    연구범위: 'scope',
    연구기간: 'period',
    전체목표연구대상자수: 'targetSize',
    status: 'status',
    date_updated: 'sourceUpdatedAt',
  }
  const textFields = common as unknown as Record<string, string>
  for (const [column, name] of Object.entries(map)) {
    const v = text(fields[column])
    if (v !== undefined) textFields[name] = v
  }
  return common
}

const FAKE_PAGE_SIZE = 3

export function createFakeSource(
  options: { id?: SourceId; rows?: SourceRow[]; bookkeepingFields?: string[] } = {},
): FakeSourceControl {
  const control: FakeSourceControl = {
    rows: options.rows ?? [],
    failWith: null,
    gate: null,
    rejected: 0,
    calls: 0,
    lastContext: null,
    state: undefined,
    warnings: [],
    source: undefined as unknown as Source,
  }
  control.source = {
    id: options.id ?? 'icreat',
    bookkeepingFields: options.bookkeepingFields,
    toCommon,
    attribution: (sourceId) => ({
      text: `출처: fake ${sourceId}`,
      licence: '공공누리 제1유형',
      url: 'https://example.org/',
    }),
    async fetchAll(ctx: FetchContext): Promise<FetchResult> {
      control.calls++
      control.lastContext = ctx
      ctx.onProgress({ phase: 'list', done: 0, total: control.rows.length })
      if (control.gate) {
        await Promise.race([
          control.gate,
          new Promise<void>((_, reject) =>
            ctx.signal.addEventListener(
              'abort',
              () => reject(new TrialsError('CANCELLED', 'The sync was cancelled. Nothing was changed.')),
              { once: true },
            ),
          ),
        ])
      }
      if (control.failWith) throw control.failWith
      for (const { message, warning } of control.warnings) ctx.warn(message, warning)
      ctx.onProgress({ phase: 'list', done: control.rows.length, total: control.rows.length })
      // A page at a time, as the registries' sources hand their listings over.
      for (let i = 0; i < control.rows.length; i += FAKE_PAGE_SIZE) {
        ctx.addRows(control.rows.slice(i, i + FAKE_PAGE_SIZE).map((r) => ({ ...r, fields: { ...r.fields } })))
      }
      return {
        rejected: control.rejected,
        state: control.state,
      }
    },
  }
  return control
}

export const rowsFor = (ids: string[]) => ids.map((id) => icreatRow(id))
export const ids = (n: number, prefix = 'C1') =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(5, '0')}`)
