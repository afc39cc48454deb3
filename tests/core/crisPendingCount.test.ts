/**
 * "Details pending" counts only trials still listed: a trial CRIS removed before its details arrived waits for nothing.
 * Both the sync log entry and the status report are checked.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrialDesk } from '../../electron/core/trialDesk'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createCrisSource } from '../../electron/core/sources/cris'
import type { SyncLogEntry } from '../../shared/trials'
import { type FakeCris, startFakeCris } from '../fakes/crisServer'
import { crisTestConfig } from '../fakes/crisTestConfig'

let fake: FakeCris
let dir: string
let desk: TrialDesk
let budget = 10
let afterRemoval: SyncLogEntry
let removedWhilePending: string[]

beforeAll(async () => {
  fake = await startFakeCris({ count: 100, seed: 17 })
  dir = await mkdtemp(join(tmpdir(), 'cris-pending-'))
  const config = crisTestConfig(fake)
  desk = await openTrialDesk({
    storePath: join(dir, 'trials.json'),
    sources: [createCrisSource(config, { detailBudget: () => budget })],
    sourceConfig: config,
  })
  const [first] = await desk.sync({ sources: ['cris'] })
  expect(first).toMatchObject({ ok: true, detailsFetched: 10, detailsPending: 90 })
  const { removed } = fake.churn({ removed: 8 })
  removedWhilePending = removed.filter((id) => desk.get(`cris:${id}`).detailsPending)
  budget = 0
  ;[afterRemoval] = await desk.sync({ sources: ['cris'] })
})
afterAll(async () => {
  await desk?.close()
  await fake?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('details pending after CRIS removed trials that were waiting for theirs', () => {
  it('the setup removed some pending trials, and the CRIS source warns only about the listed ones', () => {
    expect(afterRemoval).toMatchObject({ ok: true, removed: 8, detailsFetched: 0 })
    expect(removedWhilePending.length).toBeGreaterThan(0)
    const listedPending = 90 - removedWhilePending.length
    expect(afterRemoval.warnings.map((w) => w.message).join('\n')).toContain(
      `${listedPending} CRIS trials are listed but still wait for their details`,
    )
  })

  it('the sync log counts only listed trials as pending (syncOneSource.ts:59)', () => {
    expect(afterRemoval.detailsPending).toBe(90 - removedWhilePending.length)
  })

  it('the status counts only active trials as pending (statusReport.ts:13)', () => {
    const counts = desk.status().sources.find((s) => s.source === 'cris')!.counts
    expect(counts.detailsPending).toBe(90 - removedWhilePending.length)
  })
})
