import { describe, expect, it } from 'vitest'
import { createIcreatSource as createIcreatSourceOf, testIcreatKey } from '../../electron/core/sources/icreat'
import { sourceConfigFromEnv } from '../../electron/core/sources/config'
import type { SourceConfig } from '../../electron/core/sources/source'
import { listingOf, type ListedResult, type ListingContext } from '../helpers/listingOf'
import type { SyncProgress, SyncWarning } from '../../shared/trials'
import {
  FAKE_ICREAT_NEW_PATH,
  FAKE_ICREAT_OLD_PATH,
  FAKE_ODCLOUD_KEY,
  FAKE_ODCLOUD_KEY_ENCODED,
  loadIcreatFixtureRows,
} from '../fakes/odcloudServer'
import { useFakeOdcloud } from '../fakes/fakeServers'
import { everythingAbout, failureOf } from '../helpers/failures'

const createIcreatSource = (config: SourceConfig) => listingOf(createIcreatSourceOf(config))

const FIXTURE_ROWS = loadIcreatFixtureRows()
const fake = await useFakeOdcloud({ rows: FIXTURE_ROWS })

function config(extraEnv: Record<string, string> = {}, key: string | null = FAKE_ODCLOUD_KEY): SourceConfig {
  return sourceConfigFromEnv(
    { ...fake.env, TRIALS_RETRY_BASE_MS: '5', TRIALS_TIMEOUT_MS: '3000', ...extraEnv },
    () => key ?? undefined,
  )
}

interface Run {
  warnings: string[]
  details: Array<SyncWarning | null>
  progress: Array<Omit<SyncProgress, 'source'>>
  ctx: ListingContext
}

function run(state: Record<string, unknown> = {}, signal = new AbortController().signal): Run {
  const warnings: string[] = []
  const details: Run['details'] = []
  const progress: Run['progress'] = []
  const ctx: ListingContext = {
    signal,
    onProgress: (p) => progress.push(p),
    warn: (m, w) => {
      warnings.push(m)
      details.push(w ?? null)
    },
    previous: new Map(),
    state,
    at: new Date().toISOString(),
    fullResync: false,
  }
  return { warnings, details, progress, ctx }
}

const dataRequests = () => fake.requests.filter((r) => r.path.startsWith('/api/'))

describe('icreat fetchAll against the fake odcloud', () => {
  it('fetches all 145 real rows from the newest revision and remembers it', async () => {
    const { ctx, warnings, progress } = run()
    const result = await createIcreatSource(config()).fetchAll(ctx)
    expect(result.rows).toHaveLength(145)
    expect(result.rejected).toBe(0)
    expect(new Set(result.rows.map((r) => r.sourceId)).size).toBe(145)
    expect(result.rows.find((r) => r.sourceId === 'C100002')?.fields).toEqual(FIXTURE_ROWS[1])
    expect(dataRequests().map((r) => r.path)).toEqual([`/api${FAKE_ICREAT_NEW_PATH}`])
    expect(result.state).toMatchObject({ revisionPath: FAKE_ICREAT_NEW_PATH, revisionFileDate: '20240730' })
    expect(warnings).toEqual([])
    expect(progress.at(-1)).toEqual({ phase: 'list', done: 145, total: 145 })
  })

  it('accepts the Encoding form of the key and sends it encoded once', async () => {
    const { ctx } = run()
    const result = await createIcreatSource(config({}, FAKE_ODCLOUD_KEY_ENCODED)).fetchAll(ctx)
    expect(result.rows).toHaveLength(145)
    expect(dataRequests()[0].receivedKey).toBe(FAKE_ODCLOUD_KEY_ENCODED)
  })

  it('reads the key from DATA_GO_KR_SERVICE_KEY when no key getter is given', async () => {
    const env = { ...fake.env, DATA_GO_KR_SERVICE_KEY: FAKE_ODCLOUD_KEY, TRIALS_RETRY_BASE_MS: '5' }
    const result = await createIcreatSource(sourceConfigFromEnv(env)).fetchAll(run().ctx)
    expect(result.rows).toHaveLength(145)
  })

  it('gets every row when the server caps perPage', async () => {
    fake.setFaults({ perPageCap: 40 })
    const { ctx, progress } = run()
    const result = await createIcreatSource(config()).fetchAll(ctx)
    expect(result.rows).toHaveLength(145)
    expect(dataRequests().map((r) => r.query.page)).toEqual(['1', '2', '3', '4'])
    expect(progress.filter((p) => p.phase === 'list').map((p) => p.done)).toEqual([40, 80, 120, 145])
    // Each page is handed to the sync as it arrives: the source never holds the listing.
    expect(result.handovers).toEqual([40, 40, 40, 25])
  })

  it('fails as BAD_RESPONSE, not forever, when the server repeats the same page', async () => {
    fake.setFaults({ repeatPages: true })
    const error = await failureOf(createIcreatSource(config()).fetchAll(run().ctx))
    expect(error.code).toBe('BAD_RESPONSE')
    expect(dataRequests().length).toBeLessThanOrEqual(3)
  })

  it('stops at an empty page even if totalCount promised more, reads the listing once more, and reports it incomplete', async () => {
    fake.setFaults({ perPageCap: 50, reportTotalCount: 145 })
    fake.setRows(FIXTURE_ROWS.slice(0, 100))
    const { ctx, warnings, details } = run()
    const result = await createIcreatSource(config()).fetchAll(ctx)
    expect(result.rows).toHaveLength(100)
    expect(dataRequests().map((r) => r.query.page)).toEqual(['1', '2', '3', '1', '2', '3'])
    // The second reading starts the listing afresh: the first reading's rows no longer count.
    expect(result).toMatchObject({ restarts: 2, handovers: [50, 50] })
    expect(result.listing).toMatchObject({ consistent: false, expected: 145, received: 100 })
    expect(warnings).toEqual([expect.stringMatching(/reported 145 rows but sent 100/)])
    expect(details).toEqual([{ code: 'ICREAT_SHORT_LISTING', values: { expected: 145, received: 100 } }])
  })

  it('returns an empty listing as empty, without error (the sync decides whether it is suspicious)', async () => {
    fake.setFaults({ emptyListing: true })
    const { ctx, warnings } = run()
    const result = await createIcreatSource(config()).fetchAll(ctx)
    expect(result.rows).toEqual([])
    expect(result.rejected).toBe(0)
    expect(dataRequests()).toHaveLength(1)
    expect(warnings).toEqual([])
  })

  it('counts rows without a 과제번호 as rejected and keeps an unknown extra column', async () => {
    const rows = FIXTURE_ROWS.slice(0, 10).map((row, i) =>
      i === 0 ? { ...row, 연구내용요약: '새 열 (2024 revision)' } : row,
    )
    rows.push({ 과제명: '번호 없는 과제' }, { 과제번호: '   ', 과제명: '빈 번호' }, { 과제번호: null })
    fake.setRows(rows)
    const { ctx, warnings } = run()
    const result = await createIcreatSource(config()).fetchAll(ctx)
    expect(result.rows).toHaveLength(10)
    expect(result.rejected).toBe(3)
    expect(result.rows[0].fields['연구내용요약']).toBe('새 열 (2024 revision)')
    expect(warnings.join('\n')).toMatch(/3 iCReaT rows had no 과제번호/)
  })

  it('fetches a numeric target size as sent (number) and maps it to the same common value as a string', async () => {
    fake.setFaults({ numbersAsNumbers: true })
    const source = createIcreatSource(config())
    const result = await source.fetchAll(run().ctx)
    const numeric = result.rows.find((r) => typeof r.fields['전체목표연구대상자수'] === 'number')
    expect(numeric).toBeDefined()
    const asString = FIXTURE_ROWS.find((r) => r['과제번호'] === numeric?.sourceId) as Record<string, unknown>
    expect(source.toCommon(numeric!.fields).targetSize).toBe(source.toCommon(asString).targetSize)
  })

  describe('when the Swagger document is down', () => {
    it('falls back to the last revision that worked, with a warning', async () => {
      fake.setFaults({ docsDown: true })
      const { ctx, warnings, details } = run({ revisionPath: FAKE_ICREAT_NEW_PATH })
      const result = await createIcreatSource(config()).fetchAll(ctx)
      expect(result.rows).toHaveLength(145)
      expect(dataRequests()[0].path).toBe(`/api${FAKE_ICREAT_NEW_PATH}`)
      expect(result.state?.revisionPath).toBe(FAKE_ICREAT_NEW_PATH)
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(/last revision that worked/)
      expect(details).toEqual([
        { code: 'ICREAT_REVISION_REMEMBERED', values: { reason: 'SERVER', path: FAKE_ICREAT_NEW_PATH } },
      ])
    })

    it('falls back to the 2022 revision when nothing worked before, with a warning', async () => {
      fake.setFaults({ docsDown: true })
      const { ctx, warnings } = run()
      const result = await createIcreatSource(config()).fetchAll(ctx)
      expect(dataRequests()[0].path).toBe(`/api${FAKE_ICREAT_OLD_PATH}`)
      expect(result.state?.revisionPath).toBe(FAKE_ICREAT_OLD_PATH)
      expect(warnings[0]).toMatch(/2022 revision/)
    })

    it('ignores a remembered path that is not a revision path', async () => {
      fake.setFaults({ docsDown: true })
      const { ctx } = run({ revisionPath: '/elsewhere?serviceKey=x' })
      await createIcreatSource(config()).fetchAll(ctx)
      expect(dataRequests()[0].path).toBe(`/api${FAKE_ICREAT_OLD_PATH}`)
    })

    it('falls back when the document URL does not answer at all', async () => {
      const { ctx, warnings, details } = run()
      const result = await createIcreatSource(config({ TRIALS_ICREAT_DOCS: 'http://127.0.0.1:9/oas/docs' })).fetchAll(
        ctx,
      )
      expect(result.rows).toHaveLength(145)
      expect(warnings[0]).toMatch(/NETWORK/)
      expect(details[0]).toMatchObject({ code: 'ICREAT_REVISION_DEFAULT', values: { reason: 'NETWORK' } })
    })
  })

  it.each([
    ['html200', { html200: true }],
    ['xml200', { xml200: true }],
    ['text200', { text200: true }],
    ['badJson', { badJson: true }],
    ['missingData', { missingData: true }],
  ] as const)('treats a 200 with %s as BAD_RESPONSE', async (_name, faults) => {
    fake.setFaults(faults)
    const error = await failureOf(createIcreatSource(config()).fetchAll(run().ctx))
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toMatch(/cannot read.*try again later/i)
  })

  it('fails as AUTH on a wrong key, sends one data request, and never shows the key', async () => {
    const wrong = 'Wr0ng+Key/Value=='
    const error = await failureOf(createIcreatSource(config({}, wrong)).fetchAll(run().ctx))
    expect(error.code).toBe('AUTH')
    expect(dataRequests()).toHaveLength(1)
    const everything = everythingAbout(error)
    for (const form of [wrong, encodeURIComponent(wrong), 'Wr0ng']) expect(everything).not.toContain(form)
  })

  it('fails as SERVER when page 2 keeps answering 500, after retrying it 3 times', async () => {
    fake.setFaults({ perPageCap: 100, status500OnPage: 2 })
    const error = await failureOf(createIcreatSource(config()).fetchAll(run().ctx))
    expect(error.code).toBe('SERVER')
    expect(dataRequests().map((r) => r.query.page)).toEqual(['1', '2', '2', '2', '2'])
  })

  it('fails as TIMEOUT when the data server never answers', async () => {
    fake.setFaults({ hang: true })
    const error = await failureOf(createIcreatSource(config({ TRIALS_TIMEOUT_MS: '100' })).fetchAll(run().ctx))
    expect(error.code).toBe('TIMEOUT')
  })

  it('fails as NO_KEY without sending a data request when no key is set', async () => {
    const error = await failureOf(createIcreatSource(config({}, null)).fetchAll(run().ctx))
    expect(error.code).toBe('NO_KEY')
    expect(dataRequests()).toHaveLength(0)
  })

  it('is CANCELLED when aborted mid-listing', async () => {
    fake.setFaults({ hang: true })
    const controller = new AbortController()
    const pending: Promise<ListedResult> = createIcreatSource(config()).fetchAll(run({}, controller.signal).ctx)
    setTimeout(() => controller.abort(), 150)
    const error = await failureOf(pending)
    expect(error.code).toBe('CANCELLED')
    expect(dataRequests()).toHaveLength(1)
  })
})

describe('testIcreatKey', () => {
  it('resolves the reported row count with one tiny data request', async () => {
    await expect(testIcreatKey(config())).resolves.toEqual({ totalCount: 145 })
    expect(dataRequests()).toHaveLength(1)
    expect(dataRequests()[0].query).toMatchObject({ page: '1', perPage: '1' })
  })

  it('throws AUTH for a rejected key', async () => {
    fake.setFaults({ wrongKey: 403 })
    const error = await failureOf(testIcreatKey(config()))
    expect(error.code).toBe('AUTH')
  })
})
