/**
 * CRIS through the whole core (engine, store on disk, queries) against the fake server with 12,500 trials:
 * a budget-limited first sync, the syncs that finish the details, a week of churn, and QUOTA mid-sync.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrialDesk } from '../../electron/core/trialDesk'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createCrisSource } from '../../electron/core/sources/cris'
import { crisStatus } from '../../electron/core/sources/cris/crisCommon'
import type { StoreData } from '../../electron/core/store/types'
import type { SyncLogEntry } from '../../shared/trials'
import { type FakeCris, startFakeCris } from '../fakes/crisServer'
import { crisTestConfig } from '../fakes/crisTestConfig'

const COUNT = 12_500
let fake: FakeCris
let dir: string
let storePath: string
let desk: TrialDesk
let budget = 2000
const DAY = 24 * 3600 * 1000
let clock = Date.parse('2026-09-01T06:00:00Z')

beforeAll(async () => {
  fake = await startFakeCris({ count: COUNT, seed: 42 })
  dir = await mkdtemp(join(tmpdir(), 'cris-sync-'))
  storePath = join(dir, 'trials.json')
  const config = crisTestConfig(fake)
  desk = await openTrialDesk({
    storePath,
    sources: [createCrisSource(config, { detailBudget: () => budget })],
    sourceConfig: config,
  })
})
afterAll(async () => {
  await desk?.close()
  await fake?.close()
  await rm(dir, { recursive: true, force: true })
})

async function syncCris(): Promise<SyncLogEntry> {
  fake.resetCounters()
  const [entry] = await desk.sync({ sources: ['cris'], now: () => new Date(clock) })
  return entry
}

const criSStatus = () => desk.status().sources.find((s) => s.source === 'cris')!
const storedTrials = async () => (JSON.parse(await readFile(storePath, 'utf8')) as StoreData).trials

describe('CRIS sync of 12,500 trials', () => {
  it('first sync: lists everything, fetches 2,000 details, leaves 10,500 pending', async () => {
    const entry = await syncCris()
    expect(entry).toMatchObject({
      ok: true,
      fetched: COUNT,
      created: COUNT,
      updated: 0,
      detailsFetched: 2000,
      detailsPending: 10_500,
    })
    expect(fake.calls).toEqual({ list: 250, detail: 2000, total: 2250 })
    expect(criSStatus().counts).toMatchObject({ total: COUNT, active: COUNT, detailsPending: 10_500 })

    expect(desk.list({ withinDays: null, sources: ['cris'], limit: 1 }).total).toBe(COUNT)
    // The first 2,000 listed (the newest registrations) got their details; the oldest wait.
    const pending = desk.get('cris:KCT0000001')
    const complete = desk.get('cris:KCT0012500')
    expect(pending.detailsPending).toBe(true)
    // A pending trial shows its list fields meanwhile; only the detail knows the recruitment status.
    expect(pending.title).toBe(fake.trial('KCT0000001')!.list.scientific_title_kr.replace(/\s+/g, ' ').trim())
    expect(pending.status).toBeUndefined()
    expect(complete.detailsPending).toBeFalsy()
    expect(complete.status).toBe(crisStatus(fake.trial('KCT0012500')!.detailOnly.recruitment_status_kr))
  })

  it('shows the attribution and the WHO ICTRP link with each record', () => {
    const trial = desk.get('cris:KCT0000145')
    expect(trial.attribution).toEqual({
      text: '출처: 질병관리청 임상연구정보서비스(CRIS), 공공누리 제2유형',
      licence: '공공누리 제2유형 (KOGL Type 2: attribution, non-commercial)',
      url: 'https://trialsearch.who.int/Trial2.aspx?TrialID=KCT0000145',
    })
  })

  it('the next syncs finish the details, without counting their arrival as updates', async () => {
    budget = 5250
    clock += DAY
    const second = await syncCris()
    expect(second).toMatchObject({
      ok: true,
      created: 0,
      updated: 0,
      unchanged: COUNT,
      detailsFetched: 5250,
      detailsPending: 5250,
    })
    clock += DAY
    const third = await syncCris()
    expect(third).toMatchObject({ ok: true, created: 0, updated: 0, detailsFetched: 5250, detailsPending: 0 })
    expect(criSStatus().counts.detailsPending).toBe(0)
    expect(desk.list({ withinDays: 1, now: new Date(clock).toISOString(), kinds: ['updated'] }).total).toBe(0)

    const completed = desk.get('cris:KCT0012000')
    expect(completed.detailsPending).toBeFalsy()
    expect(completed.status).toBe(crisStatus(fake.trial('KCT0012000')!.detailOnly.recruitment_status_kr))
    expect(completed.targetSize).toBe(String(fake.trial('KCT0012000')!.detailOnly.target_size))
    // Both intervention texts: the list's type under its own name, the detail's description beside it.
    expect(completed.fields.i_freetext_kr).toBe(fake.trial('KCT0012000')!.list.i_freetext_kr)
    expect(completed.fields['detail:i_freetext_kr']).toBe(fake.trial('KCT0012000')!.detailOnly.i_freetext_kr)
    expect(completed.history.map((h) => h.kind)).toEqual(['created'])

    clock += DAY
    const nothingNew = await syncCris()
    expect(nothingNew).toMatchObject({ ok: true, updated: 0, detailsFetched: 0 })
    expect(fake.calls.detail).toBe(0)
  })

  it('a week of churn: real changes count as updates, date_updated-only changes are stored but not counted', async () => {
    budget = 2000
    for (let day = 1; day <= 7; day++) {
      clock += DAY
      const churn = fake.churn({ dateOnly: 40, listChanged: 10, statusChanged: 5, added: 3, removed: 2 })
      const changedAtBefore = new Map(churn.dateOnly.map((id) => [id, desk.get(`cris:${id}`).changedAt]))
      const entry = await syncCris()
      expect(entry).toMatchObject({
        ok: true,
        created: 3,
        updated: 15,
        removed: 2,
        detailsFetched: 58,
        detailsPending: 0,
      })

      const now = new Date(clock).toISOString()
      const updatedToday = desk
        .list({ withinDays: 1, now, kinds: ['updated'], limit: 100 })
        .items.filter((t) => t.changedAt === now)
        .map((t) => t.sourceId)
      expect(new Set(updatedToday)).toEqual(new Set([...churn.listChanged, ...churn.statusChanged]))
      for (const id of churn.dateOnly) {
        const trial = desk.get(`cris:${id}`)
        expect(trial.fields.date_updated).toBe(fake.trial(id)!.list.date_updated)
        expect(trial.sourceUpdatedAt).toBe(fake.trial(id)!.list.date_updated)
        expect(trial.changedAt).toBe(changedAtBefore.get(id))
      }
      const statusChange = desk.get(`cris:${churn.statusChanged[0]}`)
      expect(statusChange.changeKind).toBe('updated')
      expect(statusChange.history[0].changes.map((c) => c.field)).toContain('recruitment_status_kr')
      expect(statusChange.status).toBe(crisStatus(fake.trial(churn.statusChanged[0])!.detailOnly.recruitment_status_kr))
      expect(desk.get(`cris:${churn.removed[0]}`).changeKind).toBe('removed')
      expect(desk.get(`cris:${churn.added[0]}`).changeKind).toBe('new')
    }
    // The list can sort by the registry's own update date: the trials churned last come first.
    const newest = desk.list({ withinDays: null, sources: ['cris'], sort: 'sourceUpdated', limit: 1 }).items[0]
    expect(newest.sourceUpdatedAt).toBe(fake.trial(newest.sourceId)!.list.date_updated)
    expect(newest.sourceUpdatedAt! >= '2027-01-01').toBe(true)
  })

  it('QUOTA in the middle of the details commits nothing; the next sync brings everything', async () => {
    clock += DAY
    const churn = fake.churn({ dateOnly: 20, listChanged: 30, added: 10 })
    const trialsBefore = await storedTrials()
    // The listing (251 pages now) and 20 details succeed, then the key's daily limit is reached.
    fake.addFault({ fault: { form: 'gateway-xml', status: 200, code: '22' }, afterCalls: 251 + 20 })
    const failed = await syncCris()
    await fake.settle()
    fake.clearFaults()

    expect(failed.ok).toBe(false)
    expect(failed.error?.code).toBe('QUOTA')
    expect(failed.error?.message).toMatch(/daily call limit.*Try again tomorrow.*운영계정/)
    expect(fake.calls.total).toBeLessThanOrEqual(251 + 20 + 4)
    expect(await storedTrials()).toEqual(trialsBefore)
    expect(() => desk.get(`cris:${churn.added[0]}`)).toThrow()
    expect(criSStatus().lastError?.code).toBe('QUOTA')

    clock += DAY
    const recovered = await syncCris()
    expect(recovered).toMatchObject({ ok: true, created: 10, updated: 30, detailsFetched: 60, detailsPending: 0 })
    expect(desk.get(`cris:${churn.added[0]}`).changeKind).toBe('new')
  })
})
