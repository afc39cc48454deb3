/** Both registries in one store: synced together, listed together, each failing on its own; the key never stored. */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrialDesk } from '../../electron/core/trialDesk'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { sourceConfigFromEnv } from '../../electron/core/sources'
import { type FakeCris, startFakeCris } from '../fakes/crisServer'
import { FAKE_ODCLOUD_KEY, type FakeOdcloud, startFakeOdcloud } from '../fakes/odcloudServer'

let cris: FakeCris
let odcloud: FakeOdcloud
let dir: string
let storePath: string
let desk: TrialDesk

beforeAll(async () => {
  // One data.go.kr key serves both datasets.
  cris = await startFakeCris({ count: 300, seed: 9, serviceKey: FAKE_ODCLOUD_KEY })
  odcloud = await startFakeOdcloud()
  dir = await mkdtemp(join(tmpdir(), 'both-sources-'))
  storePath = join(dir, 'trials.json')
  const sourceConfig = sourceConfigFromEnv({
    DATA_GO_KR_SERVICE_KEY: FAKE_ODCLOUD_KEY,
    TRIALS_RETRY_BASE_MS: '1',
    TRIALS_CRIS_RATE: '100000',
    TRIALS_CRIS_API: cris.url,
    ...odcloud.env,
  })
  // The built-in registry: both sources come from createSources.
  desk = await openTrialDesk({ storePath, sourceConfig })
})
afterAll(async () => {
  await desk?.close()
  await cris?.close()
  await odcloud?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('iCReaT and CRIS in one store', () => {
  it('syncs both and lists them together with their own attribution', async () => {
    const entries = await desk.sync({ sources: ['icreat', 'cris'] })
    expect(entries.map((e) => [e.source, e.ok])).toEqual([
      ['icreat', true],
      ['cris', true],
    ])
    const cristEntry = entries[1]
    expect(cristEntry).toMatchObject({ created: 300, detailsFetched: 300, detailsPending: 0 })

    const all = desk.list({ withinDays: null, limit: 1 })
    const bySource = Object.fromEntries(all.facets.source!.map((f) => [f.value, f.count]))
    expect(bySource.cris).toBe(300)
    expect(bySource.icreat).toBe(entries[0].created)
    expect(all.total).toBe(300 + entries[0].created)
    // Facets include CRIS's recruitment status, normalised: one entry per meaning although CRIS spells some two ways.
    const statuses = all.facets.recruitment!.map((f) => f.value)
    expect(statuses).toContain('recruiting')
    expect(statuses).toContain('not_yet_recruiting')
    expect(statuses.every((s) => /^[a-z_]+$/.test(s))).toBe(true)

    expect(desk.get('cris:KCT0000001').attribution.text).toContain('CRIS')
    const icreatId = desk.list({ withinDays: null, sources: ['icreat'], limit: 1 }).items[0].id
    expect(desk.get(icreatId).attribution.text).not.toContain('CRIS')
  })

  it('a failing CRIS does not stop iCReaT, and the key is in no log line or stored file', async () => {
    cris.addFault({ fault: { form: 'gateway-xml', status: 403, code: '30' } })
    const entries = await desk.sync({ sources: ['icreat', 'cris'] })
    cris.clearFaults()
    expect(entries.map((e) => [e.source, e.ok, e.error?.code])).toEqual([
      ['icreat', true, undefined],
      ['cris', false, 'AUTH'],
    ])
    expect(desk.list({ withinDays: null, sources: ['cris'], limit: 1 }).total).toBe(300)

    const stored = await readFile(storePath, 'utf8')
    const logText = JSON.stringify(desk.syncLog())
    for (const form of [FAKE_ODCLOUD_KEY, encodeURIComponent(FAKE_ODCLOUD_KEY)]) {
      expect(stored).not.toContain(form)
      expect(logText).not.toContain(form)
    }
  })
})
