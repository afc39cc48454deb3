/** `npm run trials -- sync --source cris|all`, list, show and status end to end against the fake CRIS and odcloud servers. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { crisStatus } from '../../electron/core/sources/cris/crisCommon'
import { type FakeCris, startFakeCris } from '../fakes/crisServer'
import { type FakeCtgov, startFakeCtgov } from '../fakes/ctgovServer'
import { FAKE_ODCLOUD_KEY, type FakeOdcloud, startFakeOdcloud } from '../fakes/odcloudServer'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { useTempDir } from '../helpers/tempStore'

const COUNT = 300
const tempDir = useTempDir()
let cris: FakeCris
let odcloud: FakeOdcloud
let ctgov: FakeCtgov
const CTGOV_COUNT = 40

beforeAll(async () => {
  // One data.go.kr key serves both datasets.
  cris = await startFakeCris({ count: COUNT, seed: 21, serviceKey: FAKE_ODCLOUD_KEY })
  odcloud = await startFakeOdcloud()
  ctgov = await startFakeCtgov({ count: CTGOV_COUNT })
})
afterAll(async () => {
  await cris?.close()
  await odcloud?.close()
  await ctgov?.close()
})
afterEach(async () => {
  await cris.settle()
  cris.clearFaults()
})

const env = (extra: Record<string, string> = {}) => ({
  ...odcloud.env,
  TRIALS_CRIS_API: cris.url,
  TRIALS_CTGOV_API: ctgov.url,
  TRIALS_CTGOV_RATE: '100000',
  DATA_GO_KR_SERVICE_KEY: FAKE_ODCLOUD_KEY,
  TRIALS_CRIS_RATE: '100000',
  TRIALS_RETRY_BASE_MS: '1',
  TRIALS_TIMEOUT_MS: '5000',
  ...extra,
})
const cli = (args: string[], extra: Record<string, string> = {}) => runCliInProcess(args, env(extra))
const json = async (args: string[], extra: Record<string, string> = {}) => {
  const run = await cli([...args, '--json'], extra)
  return { run, value: JSON.parse(run.stdout) }
}

function expectNoKey(texts: string[], dir: string) {
  const files = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))
  for (const text of [...texts, ...files]) {
    for (const form of [FAKE_ODCLOUD_KEY, encodeURIComponent(FAKE_ODCLOUD_KEY)]) expect(text).not.toContain(form)
  }
}

describe('trials CLI with CRIS', () => {
  it('--source cris syncs within the detail budget, then list, show and status see the trials; the next sync finishes them', async () => {
    const dir = tempDir()
    const store = join(dir, 'trials.json')
    const first = await json(['sync', '--source', 'cris', '--store', store], { TRIALS_CRIS_DETAIL_BUDGET: '100' })
    expect(first.run.code, first.run.stderr).toBe(0)
    expect(first.value).toMatchObject({
      source: 'cris',
      ok: true,
      fetched: COUNT,
      created: COUNT,
      detailsFetched: 100,
      detailsPending: 200,
    })
    expect(first.run.stderr).toMatch(/warning \(cris\): 200 CRIS trials .*wait for their details/)

    const listed = await json(['list', '--all', '--source', 'cris', '--store', store])
    expect(listed.value.total).toBe(COUNT)
    const status = await json(['status', '--store', store])
    expect(JSON.stringify(status.value)).toMatch(/"detailsPending":200/)

    const trial = cris.trial('KCT0000300')!
    const shown = await json(['show', 'cris:KCT0000300', '--store', store])
    expect(shown.value).toMatchObject({
      id: 'cris:KCT0000300',
      status: crisStatus(trial.detailOnly.recruitment_status_kr),
      attribution: { url: 'https://trialsearch.who.int/Trial2.aspx?TrialID=KCT0000300' },
    })
    expect(shown.value.fields['detail:i_freetext_kr']).toBe(trial.detailOnly.i_freetext_kr)
    const readable = await cli(['show', 'cris:KCT0000300', '--store', store])
    expect(readable.stdout).toContain('출처: 질병관리청 임상연구정보서비스(CRIS), 공공누리 제2유형')

    const second = await json(['sync', '--source', 'cris', '--store', store], { TRIALS_CRIS_DETAIL_BUDGET: '1000' })
    expect(second.value).toMatchObject({ ok: true, created: 0, updated: 0, detailsFetched: 200, detailsPending: 0 })
    expectNoKey([first.run.stdout, first.run.stderr, second.run.stdout, second.run.stderr, readable.stdout], dir)
  })

  it('--source all syncs iCReaT, CRIS and ClinicalTrials.gov into one store (exit 0)', async () => {
    const store = join(tempDir(), 'trials.json')
    const { run, value } = await json(['sync', '--source', 'all', '--store', store])
    expect(run.code, run.stderr).toBe(0)
    expect(value.map((e: { source: string; ok: boolean }) => [e.source, e.ok])).toEqual([
      ['icreat', true],
      ['cris', true],
      ['ctgov', true],
    ])
    expect(value[1]).toMatchObject({ created: COUNT, detailsPending: 0 })
    expect(value[2].created).toBeGreaterThan(0)
    const listed = await json(['list', '--all', '--store', store])
    expect(listed.value.total).toBe(value[0].created + COUNT + value[2].created)
  })

  it('--source all: CRIS at its daily limit does not stop iCReaT (or ClinicalTrials.gov); the message says so and names the next step (exit 1)', async () => {
    const dir = tempDir()
    const store = join(dir, 'trials.json')
    cris.addFault({ fault: { form: 'gateway-xml', status: 200, code: '22' } })
    const run = await cli(['sync', '--source', 'all', '--store', store])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^icreat: \d+ fetched/m)
    expect(run.stderr).toMatch(/cris: sync failed \[QUOTA\] The daily call limit .*Try again tomorrow/)
    const listed = await json(['list', '--all', '--store', store])
    const bySource = Object.fromEntries(
      listed.value.facets.source.map((f: { value: string; count: number }) => [f.value, f.count]),
    )
    expect(bySource.icreat).toBeGreaterThan(0)
    expect(bySource.cris ?? 0).toBe(0)
    expectNoKey([run.stdout, run.stderr], dir)
  })
})
