/**
 * Measures ClinicalTrials.gov syncs against the fake server at the client's defaults (1 request/s): a first sync,
 * a daily sync before the registry refreshed (only /version), a daily sync after a refresh with a day of changes,
 * and the weekly one with the ids-only listing; calls, wall time, bytes received and the store's size.
 * Not a test: timings depend on the machine.
 *
 *   npx tsx tests/fakes/measureCtgovSync.ts [--count 14000] [--latency 300] [--rate 1]
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { sourceConfigFromEnv } from '../../electron/core/sources'
import { createCtgovSource } from '../../electron/core/sources/ctgov'
import { startFakeCtgov } from './ctgovServer'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '14000' },
    latency: { type: 'string', default: '300' },
    rate: { type: 'string' },
  },
})

const DAY = 24 * 3600 * 1000

async function main() {
  const fake = await startFakeCtgov({
    count: Number(values.count),
    foreignCount: 100,
    latencyMs: Number(values.latency),
  })
  const dir = await mkdtemp(join(tmpdir(), 'ctgov-measure-'))
  const storePath = join(dir, 'trials.json')
  const sourceConfig = sourceConfigFromEnv({
    TRIALS_CTGOV_API: fake.url,
    ...(values.rate ? { TRIALS_CTGOV_RATE: values.rate } : {}),
  })
  const desk = await openTrialDesk({ storePath, sources: [createCtgovSource(sourceConfig)], sourceConfig })
  let clock = Date.parse('2026-11-30T15:00:00Z')
  const day = () => new Date(clock).toISOString().slice(0, 10)
  const timedSync = async (label: string) => {
    fake.resetCounters()
    const started = performance.now()
    const [entry] = await desk.sync({ sources: ['ctgov'], now: () => new Date(clock) })
    const seconds = (performance.now() - started) / 1000
    if (!entry.ok) throw new Error(`${label} failed: ${entry.error?.code} ${entry.error?.message}`)
    const { size } = await stat(storePath)
    console.log(
      `${label}: ${seconds.toFixed(1)} s, ${fake.calls.total} calls (${fake.calls.version} version + ${fake.calls.studies} studies), ` +
        `${entry.fetched} fetched, ${entry.created} new, ${entry.updated} updated, ${entry.removed} removed; store ${(size / 1024 / 1024).toFixed(1)} MB`,
    )
  }
  const nextDay = (days: number) => {
    clock += days * DAY
    fake.setToday(day())
    fake.refresh(`${day()}T09:00:04`)
  }
  try {
    console.log(
      `ClinicalTrials.gov fake: ${values.count} Korean-site studies, ${values.latency} ms per call, rate ${values.rate ?? 'default (1/s)'}`,
    )
    await timedSync('first sync')
    clock += 3 * 3600 * 1000
    await timedSync('daily sync, no data refresh since')
    nextDay(1)
    fake.churn({ changed: 40, bookkeepingOnly: 20, added: 10 })
    await timedSync('daily sync after a refresh (70 studies posted)')
    nextDay(6)
    fake.churn({ changed: 40, added: 10, removed: 5 })
    await timedSync('weekly sync (incremental + ids-only listing)')
  } finally {
    await desk.close()
    await fake.close()
    await rm(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
