/**
 * Listings that shift while they are crawled (CRIS and odcloud page by position): a trial deleted during the crawl
 * must not make another, live trial look removed. The listing is re-read once; if it keeps moving, creations and
 * updates are committed but nothing is marked removed, and the sync log says so.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createCrisSource } from '../../electron/core/sources/cris'
import { createIcreatSource } from '../../electron/core/sources/icreat'
import { judgeListing } from '../../electron/core/sources/listingConsistency'
import { FAKE_ODCLOUD_KEY, loadIcreatFixtureRows } from '../fakes/odcloudServer'
import { crisTestConfig } from '../fakes/crisTestConfig'
import { useFakeCris, useFakeOdcloud } from '../fakes/fakeServers'
import { useTempDir } from '../helpers/tempStore'

const tempDir = useTempDir()
const COUNT = 300 // six pages of 50
const cris = await useFakeCris({ count: COUNT, seed: 7 })
const odcloud = await useFakeOdcloud({ rows: loadIcreatFixtureRows() })
const T1 = () => new Date('2026-09-01T06:00:00Z')
const T2 = () => new Date('2026-09-02T06:00:00Z')

async function crisDesk() {
  const config = crisTestConfig(cris)
  const desk = await openTrialDesk({
    storePath: join(tempDir(), 'trials.json'),
    sources: [createCrisSource(config, { detailBudget: () => 1000 })],
    sourceConfig: config,
  })
  const [first] = await desk.sync({ sources: ['cris'], now: T1 })
  expect(first).toMatchObject({ ok: true, created: cris.trialIds().length })
  cris.resetCounters()
  return desk
}

const isRemoved = (desk: Awaited<ReturnType<typeof crisDesk>>, id: string) => desk.get(`cris:${id}`).removedAt !== null

describe('the shared consistency rule', () => {
  it('trusts a listing only when the unique ids reach the announced total and the total never moved', () => {
    expect(judgeListing({ announcedTotals: [500, 500], uniqueIds: 500, rejected: 0 }).consistent).toBe(true)
    expect(judgeListing({ announcedTotals: [500, 500], uniqueIds: 498, rejected: 2 }).consistent).toBe(true)
    expect(judgeListing({ announcedTotals: [501, 501], uniqueIds: 500, rejected: 0 })).toMatchObject({
      consistent: false,
      reason: 'short',
    })
    expect(judgeListing({ announcedTotals: [501, 500], uniqueIds: 501, rejected: 0 })).toMatchObject({
      consistent: false,
      reason: 'totalChanged',
    })
    expect(judgeListing({ announcedTotals: [], uniqueIds: 3, rejected: 0 }).consistent).toBe(true)
  })
})

describe('CRIS: a trial deleted while the pages are read', () => {
  it('re-reads the listing, removes only the deleted trial and never the live one that shifted out of a page', async () => {
    const desk = await crisDesk()
    const before = cris.trialIds()
    const shiftedOut = before[100] // first of page 3: after the deletion it slides onto page 2, already read
    let deleted = ''
    cris.onListCall((call) => {
      if (call === 3) deleted = cris.removeAt(0)
    })

    const [entry] = await desk.sync({ sources: ['cris'], now: T2 })

    expect(entry).toMatchObject({ ok: true, removed: 1 })
    expect(isRemoved(desk, deleted)).toBe(true)
    expect(isRemoved(desk, shiftedOut)).toBe(false)
    expect(desk.get(`cris:${shiftedOut}`).history.map((h) => h.kind)).toEqual(['created'])
    // Read twice at most: the second, consistent listing is the one applied.
    expect(cris.calls.list).toBeLessThanOrEqual(2 * 7)
    expect(entry.warnings).not.toContainEqual(expect.objectContaining({ code: 'LISTING_INCONSISTENT' }))
  })

  it('when the listing keeps moving, commits new and updated trials but marks nothing removed, and says so', async () => {
    const desk = await crisDesk()
    const { added, listChanged } = cris.churn({ added: 1, listChanged: 1 })
    const deleted: string[] = []
    // The registry keeps deleting its oldest trial while the client reads: every page announces a different total.
    cris.onListCall(() => {
      deleted.push(cris.removeAt(-1))
    })

    const [entry] = await desk.sync({ sources: ['cris'], now: T2 })

    expect(entry).toMatchObject({ ok: true, created: 1, removed: 0 })
    expect(entry.updated).toBeGreaterThanOrEqual(1)
    expect(desk.get(`cris:${added[0]}`).removedAt).toBeNull()
    expect(desk.get(`cris:${listChanged[0]}`).changeKind).toBe('updated')
    for (const id of deleted) expect(isRemoved(desk, id)).toBe(false)
    const inconsistent = entry.warnings.find((w) => w.code === 'LISTING_INCONSISTENT')
    expect(inconsistent?.values).toMatchObject({ kept: expect.any(Number) })
    expect(Number(inconsistent!.values!.kept)).toBeGreaterThan(0)
    expect(inconsistent!.message).toMatch(/not marked removed/)
    // Bounded: two full readings of the listing at most.
    expect(cris.calls.list).toBeLessThanOrEqual(2 * 8)
  })
})

describe('iCReaT: a listing that falls short of its announced total', () => {
  it('marks nothing removed and says so', async () => {
    const config = {
      getServiceKey: () => FAKE_ODCLOUD_KEY,
      timeoutMs: 2000,
      env: { ...odcloud.env, TRIALS_RETRY_BASE_MS: '1' },
    }
    const desk = await openTrialDesk({
      storePath: join(tempDir(), 'trials.json'),
      sources: [createIcreatSource(config)],
      sourceConfig: config,
    })
    const rows = loadIcreatFixtureRows()
    const [first] = await desk.sync({ sources: ['icreat'], now: T1 })
    expect(first).toMatchObject({ ok: true, created: rows.length })

    // One row goes missing while the server still announces the full total.
    odcloud.setRows(rows.slice(1))
    odcloud.setFaults({ reportTotalCount: rows.length })
    const [entry] = await desk.sync({ sources: ['icreat'], now: T2 })

    expect(entry).toMatchObject({ ok: true, removed: 0 })
    expect(desk.get(`icreat:${String(rows[0]['과제번호'])}`).removedAt).toBeNull()
    expect(entry.warnings).toContainEqual({
      code: 'LISTING_INCONSISTENT',
      values: { expected: rows.length, received: rows.length - 1, kept: 1 },
      message: expect.any(String),
    })
  })
})
