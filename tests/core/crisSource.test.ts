/** The CRIS source against the fake CRIS server: paging, detail planning, merging, rate and parallelism. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrisSource as createCrisSourceOf } from '../../electron/core/sources/cris'
import type { SourceConfig } from '../../electron/core/sources/source'
import { listingOf } from '../helpers/listingOf'
import { FAKE_CRIS_KEY, startFakeCris, type FakeCris } from '../fakes/crisServer'
import { crisTestConfig, fetchContext, previousFromRows } from '../fakes/crisTestConfig'
import { useFakeCris } from '../fakes/fakeServers'

const createCrisSource = (config: SourceConfig) => listingOf(createCrisSourceOf(config))

const shared = await useFakeCris({ count: 120, seed: 7 })
/** The server the helpers below talk to: the shared one, or a test's own (see 'later fetches'). */
let fake: FakeCris = shared

const source = (env: Record<string, string> = {}) => createCrisSource(crisTestConfig(fake, env))
const queryOf = (url: string) => new URL(url, 'http://x').searchParams
const detailUrls = () => fake.requestUrls.filter((u) => u.includes('/detail?'))

describe('first fetch', () => {
  it('lists every trial 50 at a time, then fetches details up to the budget and marks the rest pending', async () => {
    const ctx = fetchContext()
    const result = await source({ TRIALS_CRIS_DETAIL_BUDGET: '30' }).fetchAll(ctx)

    expect(result.rows.map((r) => r.sourceId).sort()).toEqual(fake.trialIds().sort())
    expect(result.rows.filter((r) => r.detailsPending)).toHaveLength(90)
    expect(result.detailsFetched).toBe(30)
    expect(fake.calls).toEqual({ list: 3, detail: 30, total: 33 })
    expect(ctx.phases).toEqual(['list', 'details'])
    expect(ctx.warnings.map((w) => w.message).join('\n')).toMatch(/90 CRIS trials .*wait for their details/)
  })

  it('asks with crisNumber, numOfRows=50, resultType=json and the key encoded exactly once', async () => {
    await source({ TRIALS_CRIS_DETAIL_BUDGET: '2' }).fetchAll(fetchContext())
    const listQueries = fake.requestUrls.filter((u) => u.includes('/list?')).map(queryOf)
    expect(listQueries.map((q) => [q.get('numOfRows'), q.get('pageNo'), q.get('resultType')])).toEqual([
      ['50', '1', 'json'],
      ['50', '2', 'json'],
      ['50', '3', 'json'],
    ])
    expect(detailUrls()).toHaveLength(2) // the budget: the loop below checks something
    for (const q of detailUrls().map(queryOf)) {
      expect(q.get('crisNumber')).toMatch(/^KCT\d{7}$/)
      expect(q.has('trial_id')).toBe(false)
    }
    for (const url of fake.requestUrls) expect(url).toContain(`serviceKey=${encodeURIComponent(FAKE_CRIS_KEY)}&`)
  })

  it('also works when the user pasted the Encoding form of the key', async () => {
    const config = crisTestConfig(fake, { TRIALS_CRIS_DETAIL_BUDGET: '0' }, encodeURIComponent(FAKE_CRIS_KEY))
    const result = await createCrisSource(config).fetchAll(fetchContext())
    expect(result.rows).toHaveLength(120)
  })

  it('merges details into the record: list keys keep the list values, a different detail value is kept as detail:<key>', async () => {
    const result = await source({ TRIALS_CRIS_DETAIL_BUDGET: '120' }).fetchAll(fetchContext())
    const row = result.rows.find((r) => r.sourceId === 'KCT0000007')!
    const trial = fake.trial('KCT0000007')!
    expect(row.detailsPending).toBeUndefined()
    expect(row.fields.date_updated).toBe(trial.list.date_updated) // list style 2024-01-30, not 2024/01/30
    // The same date in the detail's 2024/01/30 style is not stored twice.
    expect(row.fields).not.toHaveProperty('detail:date_updated')
    // /list's i_freetext_kr is the intervention type; /detail's is the description: both are kept.
    expect(row.fields.i_freetext_kr).toBe(trial.list.i_freetext_kr)
    expect(row.fields['detail:i_freetext_kr']).toBe(trial.detailOnly.i_freetext_kr)
    expect(row.fields.recruitment_status_kr).toBe(trial.detailOnly.recruitment_status_kr)
    expect(row.fields.sponsor_items).toEqual([
      expect.objectContaining({ primary_sponsor_kr: trial.list.primary_sponsor_kr }),
    ])
    expect(row.fields).not.toHaveProperty('resultCode')
  })

  it('reads a last page that holds a single item as an object', async () => {
    const single = await startFakeCris({ count: 51, seed: 3 })
    try {
      const result = await createCrisSource(crisTestConfig(single, { TRIALS_CRIS_DETAIL_BUDGET: '0' })).fetchAll(
        fetchContext(),
      )
      expect(result.rows.map((r) => r.sourceId)).toContain('KCT0000001')
      expect(result.rows).toHaveLength(51)
    } finally {
      await single.close()
    }
  })
})

describe('later fetches', () => {
  // These tests change the fake's data: each gets its own server.
  beforeEach(async () => {
    fake = await startFakeCris({ count: 120, seed: 11 })
  })
  afterEach(async () => {
    await fake.close()
    fake = shared
  })

  it('fetch pending trials first, then new and changed ones, and nothing for unchanged ones', async () => {
    const first = await source({ TRIALS_CRIS_DETAIL_BUDGET: '100' }).fetchAll(fetchContext())
    const pendingBefore = first.rows.filter((r) => r.detailsPending).map((r) => r.sourceId)
    expect(pendingBefore).toHaveLength(20)
    const churned = fake.churn({ listChanged: 10, added: 5 })
    fake.resetCounters()

    const second = await source({ TRIALS_CRIS_DETAIL_BUDGET: '25' }).fetchAll(
      fetchContext(previousFromRows(first.rows)),
    )
    const asked = detailUrls().map((u) => queryOf(u).get('crisNumber'))
    expect(asked).toHaveLength(25)
    // All 20 pending trials fit in the 25 calls although the 15 new or changed trials are listed before them.
    for (const id of pendingBefore) expect(asked).toContain(id)
    const stillPending = second.rows.filter((r) => r.detailsPending).map((r) => r.sourceId)
    const needed = new Set([...pendingBefore, ...churned.listChanged, ...churned.added])
    expect(stillPending).toHaveLength(needed.size - 25)
    for (const id of stillPending) expect([...churned.listChanged, ...churned.added]).toContain(id)

    fake.resetCounters()
    const third = await source({ TRIALS_CRIS_DETAIL_BUDGET: '100' }).fetchAll(
      fetchContext(previousFromRows(second.rows)),
    )
    expect(fake.calls.detail).toBe(needed.size - 25)
    expect(third.rows.filter((r) => r.detailsPending)).toHaveLength(0)

    fake.resetCounters()
    await source({ TRIALS_CRIS_DETAIL_BUDGET: '100' }).fetchAll(fetchContext(previousFromRows(third.rows)))
    expect(fake.calls.detail).toBe(0)
  })

  it('re-fetches the details of a trial whose date_updated alone moved', async () => {
    const first = await source({ TRIALS_CRIS_DETAIL_BUDGET: '1000' }).fetchAll(fetchContext())
    const churned = fake.churn({ dateOnly: 3 })
    fake.resetCounters()
    const second = await source().fetchAll(fetchContext(previousFromRows(first.rows)))
    expect(new Set(detailUrls().map((u) => queryOf(u).get('crisNumber')))).toEqual(new Set(churned.dateOnly))
    expect(second.detailsFetched).toBe(3)
  })

  it('treats formatting-only differences as no change (slashes vs hyphens, CRLF vs LF, absent vs empty)', async () => {
    const first = await source({ TRIALS_CRIS_DETAIL_BUDGET: '1000' }).fetchAll(fetchContext())
    const reformatted = first.rows.map((r) => {
      const fields = { ...r.fields }
      fields.date_updated = String(fields.date_updated).replaceAll('-', '/')
      fields.scientific_title_kr = String(fields.scientific_title_kr).replace(/\r?\n/g, '\r\n')
      if (fields.phase_kr === '') delete fields.phase_kr
      else if (!('phase_kr' in fields)) fields.phase_kr = ''
      return { ...r, fields }
    })
    fake.resetCounters()
    await source().fetchAll(fetchContext(previousFromRows(reformatted)))
    expect(fake.calls.detail).toBe(0)
  })

  it('keeps listed trials whose details CRIS does not have (03) pending, with one warning naming them', async () => {
    fake.addFault({ op: 'detail', fault: { form: 'result-code', code: '03' }, times: 2 })
    const ctx = fetchContext()
    const result = await source({ TRIALS_CRIS_DETAIL_BUDGET: '5' }).fetchAll(ctx)
    expect(result.detailsFetched).toBe(3)
    expect(result.rows.filter((r) => r.detailsPending)).toHaveLength(fake.trialIds().length - 3)
    const missing = ctx.warnings.filter((w) => /has no details/.test(w.message))
    expect(missing).toEqual([
      {
        code: 'CRIS_DETAILS_MISSING',
        values: { count: 2, trialIds: expect.stringMatching(/^KCT\d{7}, KCT\d{7}$/) },
        message: expect.stringMatching(/listed 2 trial\(s\) but has no details for them yet \(KCT\d{7}, KCT\d{7}\)/),
      },
    ])
    expect(ctx.warnings).toContainEqual(
      expect.objectContaining({
        code: 'CRIS_DETAILS_PENDING',
        values: { count: fake.trialIds().length - 3, budget: 5 },
      }),
    )

    // They are asked for first next time, and complete once CRIS has them.
    fake.resetCounters()
    const next = await source({ TRIALS_CRIS_DETAIL_BUDGET: '2' }).fetchAll(fetchContext(previousFromRows(result.rows)))
    expect(next.detailsFetched).toBe(2)
    const askedFirst = detailUrls().map((u) => queryOf(u).get('crisNumber'))
    expect(missing[0]!.message).toContain(askedFirst[0]!)
    expect(missing[0]!.message).toContain(askedFirst[1]!)
  })
})

describe('rate and parallelism', () => {
  it('spaces requests at TRIALS_CRIS_RATE per second', async () => {
    await source({ TRIALS_CRIS_RATE: '20', TRIALS_CRIS_DETAIL_BUDGET: '37' }).fetchAll(fetchContext())
    const times = fake.arrivals
    expect(times).toHaveLength(40)
    // 40 calls at 20/s are 39 gaps of 50 ms: they cannot arrive faster (a loaded machine only makes them slower).
    // A small allowance for timer and socket jitter; without throttling they would arrive within a few ms.
    expect(times.at(-1)! - times[0]).toBeGreaterThanOrEqual(39 * 50 * 0.9)
  })

  it('keeps a few requests in flight, never more than four', async () => {
    fake.setLatency(15)
    await source({ TRIALS_CRIS_DETAIL_BUDGET: '40' }).fetchAll(fetchContext())
    expect(fake.maxInFlight).toBeGreaterThan(1)
    expect(fake.maxInFlight).toBeLessThanOrEqual(4)
  })
})
