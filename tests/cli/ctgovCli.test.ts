/** `trials … --source ctgov`: ClinicalTrials.gov syncs without any data.go.kr key; `all` includes it. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useFakeCtgov } from '../fakes/fakeServers'
import { runCliInProcess } from '../helpers/runCliInProcess'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const fake = await useFakeCtgov({ count: 40, foreignCount: 5 })
const NOW = '2026-11-30T15:00:00Z'

/** No DATA_GO_KR_SERVICE_KEY at all; the keyed sources point nowhere (they must not even be tried). */
const env = () => ({
  TRIALS_CTGOV_API: fake.url,
  TRIALS_CTGOV_RATE: '1000',
  TRIALS_TIMEOUT_MS: '2000',
  TRIALS_RETRY_BASE_MS: '5',
  TRIALS_CRIS_API: 'http://127.0.0.1:9',
  TRIALS_ICREAT_API: 'http://127.0.0.1:9',
  TRIALS_ICREAT_DOCS: 'http://127.0.0.1:9',
})

describe('trials --source ctgov', () => {
  it('syncs without a key, then lists and shows the studies with their link', async () => {
    const store = join(tempDir(), 'trials.json')
    const sync = await runCliInProcess(['sync', '--source', 'ctgov', '--store', store, '--now', NOW, '--json'], env())
    expect(sync.code).toBe(0)
    expect(JSON.parse(sync.stdout)).toMatchObject({ source: 'ctgov', ok: true, created: 40 })

    const list = await runCliInProcess(
      ['list', '--all', '--source', 'ctgov', '--store', store, '--limit', '100', '--json'],
      env(),
    )
    const ids = (JSON.parse(list.stdout) as { items: Array<{ sourceId: string }> }).items.map((t) => t.sourceId).sort()
    expect(ids).toEqual(fake.koreanIds())

    const id = fake.koreanIds()[0]
    const show = await runCliInProcess(['show', `ctgov:${id}`, '--store', store], env())
    expect(show.stdout).toContain(`https://clinicaltrials.gov/study/${id}`)
  })

  it('--source all without a key syncs ClinicalTrials.gov and says the others need a key (exit 1)', async () => {
    const store = join(tempDir(), 'trials.json')
    const run = await runCliInProcess(['sync', '--store', store, '--now', NOW, '--json'], env())
    expect(run.code).toBe(1)
    const entries = JSON.parse(run.stdout) as Array<{ source: string; ok: boolean }>
    expect(entries).toEqual([expect.objectContaining({ source: 'ctgov', ok: true })])
    expect(run.stderr).toMatch(/NO_KEY.*icreat and cris not synced.*DATA_GO_KR_SERVICE_KEY/s)
  })

  it('--full-resync fetches everything again', async () => {
    const store = join(tempDir(), 'trials.json')
    await runCliInProcess(['sync', '--source', 'ctgov', '--store', store, '--now', NOW], env())
    fake.resetCounters()
    const again = await runCliInProcess(
      ['sync', '--source', 'ctgov', '--store', store, '--now', '2026-11-30T16:00:00Z', '--full-resync', '--json'],
      env(),
    )
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, fetched: 40, unchanged: 40 })
    expect(fake.calls.studies).toBe(1)
  })
})
