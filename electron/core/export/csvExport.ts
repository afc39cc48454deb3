/** The CSV export: every row of the filtered list (all pages), UTF-8 with BOM so Excel opens Korean text correctly. */
import { writeFile } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import type { Language } from '../../../shared/settings'
import type { ListQuery, TrialSummary } from '../../../shared/trials'
import type { TrialDesk } from '../trialDesk'

/**
 * The columns, in order: the normalised clinical fields (vocabulary values such as `recruiting`, `phase2`, canonical
 * hospital names) beside the source's own wording (`phase`, `status`), then the change and the user's note.
 */
export const CSV_COLUMNS = [
  'id',
  'source',
  'title',
  'titleEn',
  'recruitment',
  'phases',
  'conditions',
  'sites',
  'sponsor',
  'institution',
  'department',
  'phase',
  'status',
  'studyType',
  'scope',
  'targetSize',
  'linkedIds',
  'changeKind',
  'latestChange',
  'changedAt',
  'note',
] as const satisfies readonly (keyof TrialSummary)[]
type CsvColumn = (typeof CSV_COLUMNS)[number]

export const CSV_HEADERS: Record<Language, Record<CsvColumn, string>> = {
  ko: {
    id: 'ID',
    source: '출처',
    title: '과제명',
    titleEn: '영문 과제명',
    recruitment: '모집 상태',
    phases: '임상시험 단계',
    conditions: '대상 질환',
    sites: '연구 실시기관',
    sponsor: '연구 의뢰기관',
    institution: '연구책임기관',
    department: '진료과',
    phase: '단계(출처 표기)',
    status: '모집 상태(출처 표기)',
    studyType: '연구 종류',
    scope: '연구 범위',
    targetSize: '목표 대상자 수',
    linkedIds: '다른 등록',
    changeKind: '변경 종류',
    latestChange: '최근 변경',
    changedAt: '변경 일시',
    note: '내 메모',
  },
  en: {
    id: 'ID',
    source: 'Source',
    title: 'Title',
    titleEn: 'English title',
    recruitment: 'Recruitment',
    phases: 'Phases',
    conditions: 'Conditions',
    sites: 'Sites',
    sponsor: 'Sponsor',
    institution: 'Institution',
    department: 'Department',
    phase: 'Phase (as registered)',
    status: 'Status (as registered)',
    studyType: 'Study type',
    scope: 'Scope',
    targetSize: 'Target size',
    linkedIds: 'Also registered as',
    changeKind: 'Change',
    latestChange: 'Latest change',
    changedAt: 'Changed at',
    note: 'My note',
  },
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An ISO time as the local date and time of this computer's time zone (Asia/Seoul for a Korean clinic): the same
 * calendar day the screen shows, never a UTC time that falls on the day before.
 */
export function localDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)

/** One cell: lists joined with "; ", sites by canonical name, the change line as "label from → to". */
function cell(row: TrialSummary, column: CsvColumn): string {
  switch (column) {
    case 'phases':
    case 'conditions':
    case 'linkedIds':
      return (row[column] ?? []).join('; ')
    case 'sites':
      return (row.sites ?? []).map((s) => s.name).join('; ')
    case 'changedAt':
      return localDateTime(row.changedAt)
    case 'latestChange': {
      const change = row.latestChange
      if (!change) return ''
      const parts = change.fields.map((f) => `${f.label} ${text(f.from)} → ${text(f.to)}`)
      if (change.moreFields > 0) parts.push(`+${change.moreFields}`)
      return parts.join(' · ')
    }
    default:
      return text(row[column])
  }
}

const PAGE = 100

/** Walks the list page by page (the core caps a page at 100). */
export function collectAllRows(core: Pick<TrialDesk, 'list'>, query: ListQuery): TrialSummary[] {
  const rows: TrialSummary[] = []
  const base = { ...query, offset: 0, limit: PAGE }
  for (let offset = 0; ; offset += PAGE) {
    const page = core.list({ ...base, offset })
    rows.push(...page.items)
    if (page.items.length === 0 || offset + PAGE >= page.total) break
  }
  return rows
}

/**
 * Registry text is untrusted: a cell starting with = + - @ tab or CR is a formula when the file is opened in a
 * spreadsheet (OWASP "CSV injection"). `escape_formulas` prefixes such cells with `'`, so they show as text; every
 * other character stays as the registry sent it.
 */
export function trialsToCsv(rows: readonly TrialSummary[], language: Language): string {
  const headers = CSV_HEADERS[language]
  return stringify(
    rows.map((row) => CSV_COLUMNS.map((column) => cell(row, column))),
    {
      bom: true,
      header: true,
      columns: CSV_COLUMNS.map((column) => headers[column]),
      record_delimiter: 'windows',
      escape_formulas: true,
    },
  )
}

export async function writeTrialsCsv(path: string, rows: readonly TrialSummary[], language: Language): Promise<void> {
  await writeFile(path, trialsToCsv(rows, language), 'utf8')
}
