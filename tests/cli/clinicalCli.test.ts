import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { crisToCommon } from '../../electron/core/sources/cris/crisCommon'
import { icreatToCommon } from '../../electron/core/sources/icreat/icreatCommon'
import type { StoredTrial } from '../../electron/core/store/types'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { storedTrial, storeWith } from '../helpers/storeData'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const NOW = '2026-12-01T00:00:00.000Z'
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86_400_000).toISOString()
const {
  resultCode: _c,
  resultMsg: _m,
  ...realDetail
} = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'cris', 'detail.json'), 'utf8'))

function cris(id: string, days: number, overrides: Record<string, unknown>, pending = false): StoredTrial {
  const fields = {
    ...(pending ? {} : realDetail),
    trial_id: id,
    scientific_title_kr: `과제 ${id}`,
    primary_sponsor_kr: '동화약품(주)',
    ...overrides,
  }
  return storedTrial(id, {
    id: `cris:${id}`,
    source: 'cris',
    changedAt: daysAgo(days),
    changeKind: 'updated',
    fields,
    common: crisToCommon(fields),
    ...(pending ? { detailsPending: true } : {}),
    history: [
      { at: daysAgo(60), kind: 'created', changes: [] },
      {
        at: daysAgo(days),
        kind: 'updated',
        changes: [
          { field: 'recruitment_status_kr', from: '모집전', to: String(overrides.recruitment_status_kr ?? '') },
        ],
      },
    ],
  })
}

function writeStore(): string {
  const icreatFields = {
    과제번호: 'C1',
    과제명: '폐암 코호트',
    연구책임기관: '서울대병원',
    '임상시험단계(연구모형)': 'Phase 2',
    진료과: 'Pulmonology',
  }
  const trials = [
    cris('KCT1', 1, {
      recruitment_status_kr: '모집중',
      phase_kr: '2상/3상',
      hc_code_kr: '제2형 당뇨병',
      research_items: [{ site_name_kr: '서울대학교병원' }],
    }),
    cris('KCT2', 2, {
      recruitment_status_kr: '모집종료',
      phase_kr: '3상',
      research_items: [{ site_name_kr: '세브란스병원' }],
    }),
    cris('KCT3', 30, {
      recruitment_status_kr: '모집 중',
      phase_kr: '1상',
      scientific_title_en: 'Diabetes registry',
      research_items: [{ site_name_kr: 'Seoul National University Hospital' }],
    }),
    cris('KCT4', 3, { phase_kr: '2상' }, true),
    storedTrial('C1', { changedAt: daysAgo(4), fields: icreatFields, common: icreatToCommon(icreatFields) }),
  ]
  const path = join(tempDir(), 'trials.json')
  writeFileSync(path, JSON.stringify(storeWith(trials)))
  return path
}

async function listJson(store: string, ...args: string[]) {
  const run = await runCliInProcess(['list', '--store', store, '--now', NOW, '--json', ...args])
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout)
}
const idsOf = (result: { items: Array<{ id: string }> }) => result.items.map((t) => t.id).sort()

describe('trials list: the clinical contract', () => {
  it('list --json items carry recruitment, phases, sites, sponsor, conditions and the latest change', async () => {
    const store = writeStore()
    const result = await listJson(store, '--all')
    const kct1 = result.items.find((t: { id: string }) => t.id === 'cris:KCT1')
    expect(kct1).toMatchObject({
      recruitment: 'recruiting',
      phases: ['phase2', 'phase3'],
      sponsor: '동화약품(주)',
      conditions: ['제2형 당뇨병'],
      sites: [{ name: '서울대학교병원', nameEn: 'Seoul National University Hospital', sourceName: '서울대학교병원' }],
      latestChange: {
        at: daysAgo(1),
        kind: 'updated',
        moreFields: 0,
        fields: [
          { field: 'recruitment_status_kr', key: 'recruitment', label: '모집 상태', from: '모집전', to: '모집중' },
        ],
      },
    })
    // One facet entry per phase; the pending trial is counted as not yet classified.
    expect(result.facets.phase.map((v: { value: string }) => v.value).sort()).toEqual(['phase1', 'phase2', 'phase3'])
    expect(result.unclassified).toMatchObject({ recruitment: 1, site: 1 })
  })

  it('--field recruitment / phase / site / condition take any spelling; --recruiting is the toggle', async () => {
    const store = writeStore()
    expect(idsOf(await listJson(store, '--all', '--field', 'recruitment=recruiting'))).toEqual([
      'cris:KCT1',
      'cris:KCT3',
    ])
    expect(idsOf(await listJson(store, '--all', '--field', 'recruitment=모집중'))).toEqual(['cris:KCT1', 'cris:KCT3'])
    expect(idsOf(await listJson(store, '--all', '--field', 'phase=phase2'))).toEqual([
      'cris:KCT1',
      'cris:KCT4',
      'icreat:C1',
    ])
    expect(idsOf(await listJson(store, '--all', '--field', 'phase=3상'))).toEqual(['cris:KCT1', 'cris:KCT2'])
    expect(idsOf(await listJson(store, '--all', '--field', 'site=서울대병원'))).toEqual([
      'cris:KCT1',
      'cris:KCT3',
      'icreat:C1',
    ])
    expect(idsOf(await listJson(store, '--all', '--field', 'site=서울대병원', '--field', 'site=세브란스'))).toEqual([
      'cris:KCT1',
      'cris:KCT2',
      'cris:KCT3',
      'icreat:C1',
    ])
    expect(idsOf(await listJson(store, '--all', '--field', 'condition=type 2 diabetes'))).toEqual(['cris:KCT1'])
    expect(idsOf(await listJson(store, '--all', '--recruiting'))).toEqual(['cris:KCT1', 'cris:KCT3'])
    expect(idsOf(await listJson(store, '--all', '--recruiting', '--field', 'phase=phase1'))).toEqual(['cris:KCT3'])
    // Facets stay disjunctive: the recruitment menu under a recruitment filter still lists the other statuses.
    const filtered = await listJson(store, '--all', '--field', 'recruitment=recruiting')
    expect(filtered.facets.recruitment).toContainEqual({ value: 'active_not_recruiting', count: 1 })
  })

  it('says how many the window hides, and finds records across languages', async () => {
    const store = writeStore()
    const windowed = await listJson(store, '--within-days', '7', '--field', 'site=서울대병원')
    expect(windowed).toMatchObject({ total: 2, totalAllTime: 3 })
    const table = await runCliInProcess([
      'list',
      '--store',
      store,
      '--now',
      NOW,
      '--within-days',
      '7',
      '--field',
      'site=서울대병원',
    ])
    expect(table.stdout).toMatch(/^2 trials \(changed within 7 days\) \(3 in all time: --all\)/)
    expect(idsOf(await listJson(store, '--all', '--q', 'diabetes'))).toEqual(['cris:KCT1', 'cris:KCT3'])
    expect(idsOf(await listJson(store, '--all', '--q', '당뇨'))).toEqual(['cris:KCT1', 'cris:KCT3'])
  })

  it('show --json carries the normalised fields beside the source fields', async () => {
    const store = writeStore()
    const run = await runCliInProcess(['show', 'cris:KCT1', '--store', store, '--json'])
    expect(JSON.parse(run.stdout)).toMatchObject({
      recruitment: 'recruiting',
      phases: ['phase2', 'phase3'],
      sponsor: '동화약품(주)',
      institution: '전북대학교병원',
      sites: [{ name: '서울대학교병원' }],
      conditions: ['제2형 당뇨병'],
      fields: { recruitment_status_kr: '모집중', phase_kr: '2상/3상' },
    })
    const text = await runCliInProcess(['show', 'cris:KCT1', '--store', store])
    expect(text.stdout).toContain('recruitment: recruiting (모집중)')
    expect(text.stdout).toContain('phases: phase2, phase3 (2상/3상)')
  })
})
