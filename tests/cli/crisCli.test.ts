import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAKE_CRIS_KEY, startFakeCris, type FakeCris } from '../fakes/crisServer'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
let cris: FakeCris

beforeAll(async () => { cris = await startFakeCris({ count: 30 }) })
afterAll(async () => { await cris.close() })

const env = () => ({
  DATA_GO_KR_SERVICE_KEY: FAKE_CRIS_KEY, TRIALS_CRIS_API: cris.url, TRIALS_CRIS_RATE: '1000',
  TRIALS_CRIS_DETAIL_BUDGET: '12', TRIALS_TIMEOUT_MS: '2000', TRIALS_RETRY_BASE_MS: '5',
})

describe('trials sync --source cris', () => {
  it('says how many details were fetched and how many are still pending, until none are', async () => {
    const store = join(tempDir(), 'trials.json')
    const expected = [[12, 18], [12, 6], [6, 0]]
    for (const [fetched, pending] of expected) {
      const run = await runCliInProcess(['sync', '--source', 'cris', '--store', store], env())
      expect(run.code, run.stderr).toBe(0)
      expect(run.stdout).toContain(`details ${fetched} fetched, ${pending} still pending`)
    }
    const list = await runCliInProcess(['list', '--store', store, '--source', 'cris', '--all', '--json'], env())
    const result = JSON.parse(list.stdout)
    expect(result.total).toBe(30)
    expect(result.items.every((t: { detailsPending?: boolean }) => !t.detailsPending)).toBe(true)
  })
})
