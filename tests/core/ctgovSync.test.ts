/**
 * ClinicalTrials.gov through the whole core (engine, store on disk, queries) against the fake server: a full first
 * sync, a day without a data refresh (only /version), incremental days with real and bookkeeping-only changes, the
 * weekly ids-only listing that decides removals and restorations, the mass-removal guard, a renumbered study whose
 * old id resolves to the new record, and "full resync".
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrialDesk } from '../../electron/core/trialDesk'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createCtgovSource } from '../../electron/core/sources/ctgov'
import type { StoreData } from '../../electron/core/store/types'
import type { SyncLogEntry } from '../../shared/trials'
import type { FakeStudy } from '../fakes/ctgovData'
import { type FakeCtgov, startFakeCtgov } from '../fakes/ctgovServer'
import { ctgovTestConfig } from '../fakes/ctgovTestConfig'

const COUNT = 1200
const DAY = 24 * 3600 * 1000
let fake: FakeCtgov
let dir: string
let storePath: string
let desk: TrialDesk
let clock = Date.parse('2026-11-30T15:00:00Z')
const today = () => new Date(clock).toISOString().slice(0, 10)

beforeAll(async () => {
  fake = await startFakeCtgov({ count: COUNT, foreignCount: 30, seed: 3 })
  dir = await mkdtemp(join(tmpdir(), 'ctgov-sync-'))
  storePath = join(dir, 'trials.json')
  const config = ctgovTestConfig(fake)
  desk = await openTrialDesk({ storePath, sources: [createCtgovSource(config)], sourceConfig: config })
})
afterAll(async () => {
  await desk?.close()
  await fake?.close()
  await rm(dir, { recursive: true, force: true })
})

async function sync(options: { fullResync?: boolean; allowMassRemoval?: boolean } = {}): Promise<SyncLogEntry> {
  fake.resetCounters()
  const [entry] = await desk.sync({ sources: ['ctgov'], now: () => new Date(clock), ...options })
  return entry
}
/** The next day: ClinicalTrials.gov refreshed its data (new dataTimestamp) and posts today's changes. */
function nextDay(days = 1) {
  clock += days * DAY
  fake.setToday(today())
  fake.refresh(`${today()}T09:00:04`)
}
const studiesParams = () => fake.requests.filter((r) => r.path.endsWith('/studies')).map((r) => r.params)
const stored = async () => (JSON.parse(await readFile(storePath, 'utf8')) as StoreData).trials
const ctgovCounts = () => desk.status().sources.find((s) => s.source === 'ctgov')!.counts

describe('ClinicalTrials.gov sync', () => {
  it('first sync fetches every Korean-site study: 3 pages of 500 after /version', async () => {
    const entry = await sync()
    expect(entry).toMatchObject({ ok: true, fetched: COUNT, created: COUNT, updated: 0, removed: 0 })
    expect(fake.calls).toEqual({ version: 1, studies: 3, total: 4 })
    expect(ctgovCounts()).toMatchObject({ total: COUNT, active: COUNT })
    const id = fake.koreanIds()[0]
    const trial = desk.get(`ctgov:${id}`)
    expect(trial.title).toBe(fake.study(id)!.protocolSection.identificationModule.briefTitle)
    expect(trial.attribution.url).toBe(`https://clinicaltrials.gov/study/${id}`)
  })

  it('a sync before ClinicalTrials.gov refreshed its data asks /version only and changes nothing', async () => {
    clock += 3 * 3600 * 1000
    const entry = await sync()
    expect(fake.calls).toEqual({ version: 1, studies: 0, total: 1 })
    expect(entry).toMatchObject({ ok: true, fetched: 0, created: 0, updated: 0, removed: 0, unchanged: COUNT })
  })

  it('the next day fetches only studies posted since the last success minus two days; bookkeeping-only re-posts are not updates', async () => {
    const lastSuccess = new Date(clock).toISOString().slice(0, 10)
    nextDay()
    const churn = fake.churn({ changed: 4, bookkeepingOnly: 5, added: 2, removed: 3 })
    const entry = await sync()
    const since = new Date(Date.parse(lastSuccess) - 2 * DAY).toISOString().slice(0, 10)
    const [query] = studiesParams()
    expect(query['filter.advanced']).toBe(
      `(AREA[LocationCountry]"South Korea" OR AREA[LocationCountry]"Korea, Republic of") AND AREA[LastUpdatePostDate]RANGE[${since},MAX]`,
    )
    expect(studiesParams().every((p) => p.fields !== 'NCTId')).toBe(true)
    expect(entry).toMatchObject({ ok: true, fetched: 11, created: 2, updated: 4, removed: 0 })

    const updatedNow = desk.list({
      withinDays: 1,
      now: new Date(clock).toISOString(),
      sources: ['ctgov'],
      kinds: ['updated'],
      limit: 100,
    })
    expect(updatedNow.items.map((t) => t.sourceId).sort()).toEqual([...churn.changed].sort())
    // The re-posted study's new post date is stored, but it is not shown as updated and has no history entry for it.
    const reposted = desk.get(`ctgov:${churn.bookkeepingOnly[0]}`)
    expect(reposted.changeKind).toBe('new')
    expect(reposted.history.filter((h) => h.kind === 'updated')).toEqual([])
    expect((reposted.fields.lastUpdatePostDateStruct as { date: string }).date).toBe(today())
    // Removed at the registry, but no complete listing yet: still active.
    expect(desk.get(`ctgov:${churn.removed[0]}`).removedAt).toBeNull()
    removedIds = churn.removed
    removedStudies = churn.removedStudies
  })

  it('within the week no ids listing runs; after seven days the ids-only listing marks removals', async () => {
    nextDay(6)
    const entry = await sync()
    const listing = studiesParams().filter((p) => p.fields === 'NCTId')
    expect(listing).toHaveLength(2)
    expect(listing[0]).toMatchObject({ format: 'json', pageSize: '1000', countTotal: 'true' })
    expect(listing[1].pageToken).toBeDefined()
    expect(entry).toMatchObject({ ok: true, removed: 3 })
    for (const id of removedIds) expect(desk.get(`ctgov:${id}`).removedAt).not.toBeNull()
    expect(ctgovCounts()).toMatchObject({ active: COUNT + 2 - 3, removed: 3 })
  })

  it('a removed study that comes back is restored at the next listing, fetched by id', async () => {
    const back = removedIds[0]
    fake.putStudy(removedStudies.find((s) => s.protocolSection.identificationModule.nctId === back)!)
    nextDay(7)
    const entry = await sync()
    expect(studiesParams().some((p) => p['filter.ids'] === back)).toBe(true)
    expect(entry).toMatchObject({ ok: true, restored: 1 })
    expect(desk.get(`ctgov:${back}`).removedAt).toBeNull()
  })

  it('a listing that would remove more than 20% is refused and changes nothing; allowed, it removes them', async () => {
    const ids = fake.koreanIds()
    const gone = ids.slice(0, Math.ceil(ids.length * 0.25))
    for (const id of gone) fake.removeStudy(id)
    nextDay(7)
    const before = await readFile(storePath, 'utf8')
    const refused = await sync()
    expect(refused).toMatchObject({ ok: false, error: { code: 'SUSPICIOUS_LISTING' } })
    expect(JSON.parse(await readFile(storePath, 'utf8')).trials).toEqual(JSON.parse(before).trials)
    const allowed = await sync({ allowMassRemoval: true })
    expect(allowed).toMatchObject({ ok: true, removed: gone.length })
  })

  it('a renumbered study: the new id replaces the old record, and the old id still opens it', async () => {
    const old = fake.koreanIds()[10]
    nextDay()
    const renumbered = fake.renumber(old, today())
    const entry = await sync()
    expect(entry).toMatchObject({ ok: true, created: 1, removed: 1 })
    expect(desk.get(`ctgov:${old}`).id).toBe(`ctgov:${renumbered}`)
    expect(desk.get(`ctgov:${renumbered}`).fields.nctIdAliases).toEqual([old])
  })

  it('full resync fetches every study and lists them, whatever the data timestamp', async () => {
    clock += 3600 * 1000
    const entry = await sync({ fullResync: true })
    expect(entry).toMatchObject({ ok: true, fetched: fake.koreanIds().length, created: 0, updated: 0, removed: 0 })
    expect(studiesParams()[0]['filter.advanced']).not.toContain('LastUpdatePostDate')
  })

  it('a failed incremental sync commits nothing and the next one still covers its window', async () => {
    nextDay()
    const churn = fake.churn({ changed: 2 })
    fake.addFault({ fault: { kind: 'status', status: 500 }, op: 'studies' })
    expect(await sync()).toMatchObject({ ok: false, error: { code: 'SERVER' } })
    fake.clearFaults()
    nextDay()
    const entry = await sync()
    expect(entry).toMatchObject({ ok: true, updated: 2 })
    expect(
      (await stored())
        .filter((t) => churn.changed.includes(t.sourceId))
        .every((t) => t.history.at(-1)?.kind === 'updated'),
    ).toBe(true)
  })
})

let removedIds: string[] = []
let removedStudies: FakeStudy[] = []
