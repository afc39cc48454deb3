import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_CRIS_KEY, startFakeCris, type FakeCris } from '../fakes/crisServer'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
let cris: FakeCris

beforeAll(async () => {
  cris = await startFakeCris({ count: 30 })
})
afterAll(async () => {
  await cris.close()
})

const env = () => ({
  DATA_GO_KR_SERVICE_KEY: FAKE_CRIS_KEY,
  TRIALS_CRIS_API: cris.url,
  TRIALS_CRIS_RATE: '1000',
  TRIALS_CRIS_DETAIL_BUDGET: '12',
  TRIALS_TIMEOUT_MS: '2000',
  TRIALS_RETRY_BASE_MS: '5',
})

describe('trials sync --source cris', () => {
  it('says how many details were fetched and how many are still pending, until none are', async () => {
    const store = join(tempDir(), 'trials.json')
    const expected = [
      [12, 18],
      [12, 6],
      [6, 0],
    ]
    for (const [fetched, pending] of expected) {
      const run = await runCliInProcess(['sync', '--source', 'cris', '--store', store], env())
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain(`details ${fetched} fetched, ${pending} still pending`)
      const status = await runCliInProcess(['status', '--store', store], env())
      expect(status.stdout).toContain('DETAILS PENDING')
      expect(status.stdout.split('\n').find((l) => l.startsWith('cris'))).toMatch(
        new RegExp(`\\b30\\s+0\\s+${pending}\\b`),
      )
    }
    const list = await runCliInProcess(['list', '--store', store, '--source', 'cris', '--all', '--json'], env())
    const result = JSON.parse(list.stdout)
    expect(result.total).toBe(30)
    expect(result.items.every((t: { detailsPending?: boolean }) => !t.detailsPending)).toBe(true)
  })

  it('show marks a trial whose details are pending and links its WHO ICTRP copy', async () => {
    const store = join(tempDir(), 'trials.json')
    await runCliInProcess(['sync', '--source', 'cris', '--store', store], env())
    const list = JSON.parse(
      (await runCliInProcess(['list', '--store', store, '--all', '--limit', '100', '--json'], env())).stdout,
    )
    const pending = list.items.find((t: { detailsPending?: boolean }) => t.detailsPending)
    const show = await runCliInProcess(['show', pending.id, '--store', store], env())
    expect(show.code).toBe(0)
    expect(show.stdout).toContain('details pending')
    expect(show.stdout).toContain(`https://trialsearch.who.int/Trial2.aspx?TrialID=${pending.sourceId}`)
    expect(show.stdout).toContain('공공누리 제2유형')
  })

  it('without a key, says how to get one for both datasets', async () => {
    const run = await runCliInProcess(['sync', '--source', 'cris', '--store', join(tempDir(), 't.json')], {
      ...env(),
      DATA_GO_KR_SERVICE_KEY: '',
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('NO_KEY')
    expect(run.stderr).toMatch(/3074271[\s\S]*3033869/)
  })
})
