/** The CSV export: every row of the filtered list (all pages), UTF-8 with BOM so Excel opens Korean text correctly. */
import { writeFile } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import type { Language } from '../../../shared/settings'
import type { ListQuery, TrialSummary } from '../../../shared/trials'
import type { TrialDesk } from '../../core/trialDesk'

export const CSV_COLUMNS = [
  'id', 'source', 'title', 'titleEn', 'institution', 'department', 'phase', 'studyType', 'scope', 'status',
  'changeKind', 'changedAt', 'note',
] as const satisfies readonly (keyof TrialSummary)[]

export const CSV_HEADERS: Record<Language, Record<(typeof CSV_COLUMNS)[number], string>> = {
  ko: {
    id: 'ID', source: '출처', title: '과제명', titleEn: '영문 과제명', institution: '연구책임기관', department: '진료과',
    phase: '임상시험 단계', studyType: '연구 종류', scope: '연구 범위', status: '진행 상태', changeKind: '변경 종류',
    changedAt: '변경 일시', note: '내 메모',
  },
  en: {
    id: 'ID', source: 'Source', title: 'Title', titleEn: 'English title', institution: 'Institution',
    department: 'Department', phase: 'Phase', studyType: 'Study type', scope: 'Scope', status: 'Status',
    changeKind: 'Change', changedAt: 'Changed at', note: 'My note',
  },
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
    rows.map((row) => CSV_COLUMNS.map((column) => row[column] ?? '')),
    {
      bom: true, header: true, columns: CSV_COLUMNS.map((column) => headers[column]), record_delimiter: 'windows',
      escape_formulas: true,
    },
  )
}

export async function writeTrialsCsv(path: string, rows: readonly TrialSummary[], language: Language): Promise<void> {
  await writeFile(path, trialsToCsv(rows, language), 'utf8')
}
