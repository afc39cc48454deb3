/**
 * Measures a CRIS sync against the fake server: wall time of a first sync (list + the per-sync detail budget) and of
 * a no-change sync, and the store's size on disk. Not a test: timings depend on the machine.
 *
 *   npx tsx tests/fakes/measureCrisSync.ts [--count 12500] [--latency 100] [--rate 10] [--budget 2000]
 *
 * Defaults mirror the real service: 100 ms per call and the client's default 10 requests/s.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createCrisSource } from '../../electron/core/sources/cris'
import { sourceConfigFromEnv } from '../../electron/core/sources'
import { startFakeCris } from './crisServer'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '12500' },
    latency: { type: 'string', default: '100' },
    rate: { type: 'string' },
    budget: { type: 'string', default: '2000' },
  },
})

async function main() {
  const fake = await startFakeCris({ count: Number(values.count), latencyMs: Number(values.latency) })
  const dir = await mkdtemp(join(tmpdir(), 'cris-measure-'))
  const storePath = join(dir, 'trials.json')
  const sourceConfig = sourceConfigFromEnv({
    DATA_GO_KR_SERVICE_KEY: fake.serviceKey,
    TRIALS_CRIS_API: fake.url,
    TRIALS_CRIS_DETAIL_BUDGET: values.budget,
    ...(values.rate ? { TRIALS_CRIS_RATE: values.rate } : {}),
  })
  const open = (env: Record<string, string>) => {
    const config = { ...sourceConfig, env: { ...sourceConfig.env, ...env } }
    return openTrialDesk({ storePath, sources: [createCrisSource(config)], sourceConfig: config })
  }
  const timedSync = async (label: string, env: Record<string, string> = {}) => {
    const desk = await open(env)
    try {
      fake.resetCounters()
      const started = performance.now()
      const [entry] = await desk.sync({ sources: ['cris'] })
      const seconds = (performance.now() - started) / 1000
      if (!entry.ok) throw new Error(`${label} failed: ${entry.error?.code} ${entry.error?.message}`)
      const { size } = await stat(storePath)
      console.log(
        `${label}: ${seconds.toFixed(1)} s, ${fake.calls.list} list + ${fake.calls.detail} detail calls, ` +
          `${entry.detailsFetched} details fetched, ${entry.detailsPending} pending; store ${(size / 1024 / 1024).toFixed(1)} MB`,
      )
    } finally {
      await desk.close()
    }
  }
  try {
    console.log(
      `CRIS fake: ${values.count} trials, ${values.latency} ms per call, rate ${values.rate ?? 'default (10/s)'}, detail budget ${values.budget}`,
    )
    await timedSync('first sync')
    // Not timed: fetch every remaining detail fast, as the following days' syncs would.
    fake.setLatency(0)
    await timedSync('(untimed) finishing the details', {
      TRIALS_CRIS_RATE: '100000',
      TRIALS_CRIS_DETAIL_BUDGET: '1000000',
    })
    fake.setLatency(Number(values.latency))
    await timedSync('no-change sync (all details present)')
  } finally {
    await fake.close()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
