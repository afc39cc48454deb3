/** One fake server per test file, started once, reset after every test, closed at the end. */
import { afterAll, afterEach } from 'vitest'
import { type FakeCris, startFakeCris } from '../fakes/crisServer'
import { type FakeCtgov, type FakeCtgovOptions, startFakeCtgov } from '../fakes/ctgovServer'
import { type FakeOdcloud, type FakeRow, startFakeOdcloud } from '../fakes/odcloudServer'

/** The fake CRIS server; after each test: in-flight requests settled, faults cleared, counters reset, no latency. */
export async function useFakeCris(options: Parameters<typeof startFakeCris>[0]): Promise<FakeCris> {
  const fake = await startFakeCris(options)
  afterAll(() => fake.close())
  afterEach(async () => {
    await fake.settle()
    fake.clearFaults()
    fake.resetCounters()
    fake.setLatency(0)
  })
  return fake
}

/** The fake odcloud server; after each test: faults off, `rows` served again (when given), request log emptied. */
export async function useFakeOdcloud(options: { rows?: FakeRow[] } = {}): Promise<FakeOdcloud> {
  const fake = await startFakeOdcloud()
  afterAll(() => fake.close())
  afterEach(() => {
    fake.resetFaults()
    if (options.rows) fake.setRows(options.rows)
    fake.requests.length = 0
  })
  return fake
}

/** The fake ClinicalTrials.gov server; after each test: in-flight requests settled, faults cleared, counters reset. */
export async function useFakeCtgov(options: FakeCtgovOptions = {}): Promise<FakeCtgov> {
  const fake = await startFakeCtgov(options)
  afterAll(() => fake.close())
  afterEach(async () => {
    await fake.settle()
    fake.clearFaults()
    fake.resetCounters()
    fake.setLatency(0)
    fake.onStudiesRequest(null)
  })
  return fake
}
