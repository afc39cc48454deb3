import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../../electron/core/openTrialDesk'
import { loadStore } from '../../../electron/core/store/trialStoreFile'
import { SCHEMA_VERSION } from '../../../electron/core/store/types'
import { useTempDir } from '../../helpers/tempStore'

const tempDir = useTempDir()
const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', name), 'utf8')
const detail = JSON.parse(fixture('cris/detail.json')) as Record<string, unknown>
const at = '2026-11-20T00:00:00.000Z'

/** A store as the previous version wrote it: schema 1, common fields without the clinical model. */
function versionOneStore() {
  const { resultCode: _c, resultMsg: _m, ...crisFields } = detail
  const trial = (
    source: string,
    sourceId: string,
    fields: Record<string, unknown>,
    common: Record<string, unknown>,
  ) => ({
    id: `${source}:${sourceId}`,
    source,
    sourceId,
    fields,
    common,
    firstSeenAt: at,
    changedAt: at,
    lastSeenAt: at,
    removedAt: null,
    changeKind: 'updated',
    history: [
      { at: '2026-01-01T00:00:00.000Z', kind: 'created', changes: [] },
      { at, kind: 'updated', changes: [{ field: 'recruitment_status_kr', from: '모집중', to: '연구종결' }] },
    ],
  })
  return {
    schemaVersion: 1,
    trials: [
      trial(
        'cris',
        'KCT0000145',
        { ...crisFields, primary_sponsor_kr: '동화약품(주)' },
        { title: String(detail.scientific_title_kr), institution: '동화약품(주)', status: '연구종결' },
      ),
      trial(
        'icreat',
        'C100001',
        {
          과제번호: 'C100001',
          과제명: '심부전 연구',
          연구책임기관: '고려대안암병원',
          '임상시험단계(연구모형)': 'Phase 4',
        },
        { title: '심부전 연구', institution: '고려대안암병원', phase: 'Phase 4' },
      ),
    ],
    sources: {},
    syncLog: [],
  }
}

describe('store migration to the clinical model', () => {
  it('gives a store of the previous version the normalised fields on load, from its stored fields, offline', async () => {
    const path = join(tempDir(), 'trials.json')
    writeFileSync(path, JSON.stringify(versionOneStore()))
    const { data } = await loadStore(path)
    expect(data.schemaVersion).toBe(SCHEMA_VERSION)
    const [cris, icreat] = data.trials
    expect(cris.common).toMatchObject({
      recruitment: 'completed',
      sponsor: '동화약품(주)',
      institution: '전북대학교병원',
      sites: [{ name: '전북대학교병원', sourceName: '전북대학교병원' }],
    })
    expect(icreat.common).toMatchObject({
      phases: ['phase4'],
      institution: '고려대학교안암병원',
      sites: [{ name: '고려대학교안암병원', sourceName: '고려대안암병원' }],
    })
    // The source's fields and the history stay exactly as stored.
    expect(cris.fields).toEqual(versionOneStore().trials[0].fields)
    expect(cris.history).toEqual(versionOneStore().trials[0].history)
  })

  it('answers clinical filters on the migrated store without any source or network', async () => {
    const path = join(tempDir(), 'trials.json')
    writeFileSync(path, JSON.stringify(versionOneStore()))
    let fetched = 0
    const noNetwork = (() => {
      fetched++
      throw new Error('no network in this test')
    }) as unknown as typeof fetch
    const desk = await openTrialDesk({
      storePath: path,
      sourceConfig: { getServiceKey: () => undefined, timeoutMs: 1000, env: {}, fetchImpl: noNetwork },
    })
    try {
      const recruiting = desk.list({ withinDays: null, fields: [{ name: 'recruitment', value: 'completed' }] })
      expect(recruiting.items.map((t) => t.id)).toEqual(['cris:KCT0000145'])
      expect(
        desk
          .list({ withinDays: null, fields: [{ name: 'site', value: '고려대학교 안암병원' }] })
          .items.map((t) => t.id),
      ).toEqual(['icreat:C100001'])
      expect(desk.get('cris:KCT0000145')).toMatchObject({ recruitment: 'completed', sponsor: '동화약품(주)' })
      expect(fetched).toBe(0)
    } finally {
      await desk.close()
    }
  })
})
