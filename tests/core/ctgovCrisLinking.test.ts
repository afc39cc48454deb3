/**
 * CRIS and ClinicalTrials.gov synced into one store: studies naming a CRIS number are linked to that CRIS record both
 * ways (`show --json` carries linkedIds), and the list shows each linked pair once (one row per trial, preferred
 * registry CRIS by default) with counts and facets following that choice.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrialDesk } from '../../electron/core/trialDesk'
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createCrisSource } from '../../electron/core/sources/cris'
import { createCtgovSource } from '../../electron/core/sources/ctgov'
import { startFakeCris, type FakeCris } from '../fakes/crisServer'
import { crisTestConfig } from '../fakes/crisTestConfig'
import { startFakeCtgov, type FakeCtgov } from '../fakes/ctgovServer'
import { ctgovTestConfig } from '../fakes/ctgovTestConfig'
import { runCliInProcess } from '../helpers/runCliInProcess'

let cris: FakeCris
let ctgov: FakeCtgov
let dir: string
let storePath: string
let desk: TrialDesk
/** ClinicalTrials.gov studies whose secondary ids name a CRIS number, with that number. */
let twins: Array<{ nctId: string; crisId: string }>

beforeAll(async () => {
  cris = await startFakeCris({ count: 1100, seed: 8 })
  ctgov = await startFakeCtgov({ count: 40, foreignCount: 5, crisEvery: 5 })
  dir = await mkdtemp(join(tmpdir(), 'ctgov-links-'))
  storePath = join(dir, 'trials.json')
  const crisConfig = crisTestConfig(cris)
  const ctgovConfig = ctgovTestConfig(ctgov)
  desk = await openTrialDesk({
    storePath,
    sources: [createCrisSource(crisConfig), createCtgovSource(ctgovConfig)],
    sourceConfig: crisConfig,
  })
  const entries = await desk.sync({ sources: ['cris', 'ctgov'] })
  expect(entries.every((e) => e.ok)).toBe(true)
  twins = ctgov.koreanIds().flatMap((nctId) => {
    const infos = ctgov.study(nctId)!.protocolSection.identificationModule.secondaryIdInfos as
      Array<{ id: string }> | undefined
    return infos ? [{ nctId, crisId: infos[0].id }] : []
  })
})
afterAll(async () => {
  await desk?.close()
  await cris?.close()
  await ctgov?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('one trial in two registries', () => {
  it('links each study naming a CRIS number to that CRIS record, both ways', () => {
    expect(twins).toHaveLength(8)
    for (const { nctId, crisId } of twins) {
      expect(desk.get(`ctgov:${nctId}`).linkedIds).toEqual([`cris:${crisId}`])
      expect(desk.get(`cris:${crisId}`).linkedIds).toEqual([`ctgov:${nctId}`])
    }
    const unlinked = ctgov.koreanIds().find((id) => !twins.some((t) => t.nctId === id))!
    expect(desk.get(`ctgov:${unlinked}`).linkedIds).toEqual([])
  })

  it('show --json carries linkedIds; the text form names the other registration', async () => {
    const { nctId, crisId } = twins[0]
    const env = { TRIALS_CTGOV_API: ctgov.url, TRIALS_CRIS_API: cris.url }
    const json = await runCliInProcess(['show', `ctgov:${nctId}`, '--store', storePath, '--json'], env)
    expect(JSON.parse(json.stdout).linkedIds).toEqual([`cris:${crisId}`])
    const text = await runCliInProcess(['show', `cris:${crisId}`, '--store', storePath], env)
    expect(text.stdout).toContain(`also registered as: ctgov:${nctId}`)
  })
})

describe('one row per trial', () => {
  const all = { withinDays: null, limit: 100 } as const
  const ids = (query: object) => {
    const found: string[] = []
    for (let offset = 0; ; offset += 100) {
      const page = desk.list({ ...all, ...query, offset })
      found.push(...page.items.map((t) => t.id))
      if (offset + 100 >= page.total) return found
    }
  }

  it('lists a linked pair once, as the CRIS record carrying both registries; totals follow', () => {
    const everyRow = desk.list({ ...all, oneRowPerTrial: false })
    const oneRow = desk.list(all)
    expect(oneRow.total).toBe(everyRow.total - twins.length)
    const listed = new Set(ids({}))
    expect(listed.size).toBe(oneRow.total)
    for (const { nctId, crisId } of twins) {
      expect(listed.has(`ctgov:${nctId}`)).toBe(false)
      expect(listed.has(`cris:${crisId}`)).toBe(true)
    }
    const twin = desk.list({ ...all, q: twins[0].crisId })
    expect(twin.items.map((t) => [t.id, t.linkedIds])).toEqual([
      [`cris:${twins[0].crisId}`, [`ctgov:${twins[0].nctId}`]],
    ])
    // A study without a twin is listed as itself, without linked ids.
    const unlinked = ctgov.koreanIds().find((id) => !twins.some((t) => t.nctId === id))!
    expect(listed.has(`ctgov:${unlinked}`)).toBe(true)
    expect(desk.list({ ...all, q: unlinked }).items[0].linkedIds).toBeUndefined()
  })

  it('filtering to one registry loses no trial: the ClinicalTrials.gov records of linked pairs are listed there', () => {
    const ctgovOnly = new Set(ids({ sources: ['ctgov'] }))
    expect(ctgovOnly.size).toBe(ctgov.koreanIds().length)
    for (const { nctId } of twins) expect(ctgovOnly.has(`ctgov:${nctId}`)).toBe(true)
    expect(desk.list({ ...all, sources: ['cris'] }).total).toBe(
      desk.list({ ...all, sources: ['cris'], oneRowPerTrial: false }).total,
    )
  })

  it('each facet count is what selecting that value lists, after hiding', () => {
    const result = desk.list(all)
    for (const field of ['source', 'recruitment', 'phase'] as const) {
      const values = result.facets[field] ?? []
      expect(values.length).toBeGreaterThan(0)
      for (const { value, count } of values) {
        const query =
          field === 'source' ? { sources: [value as 'cris' | 'ctgov'] } : { fields: [{ name: field, value }] }
        expect({ field, value, count }).toEqual({ field, value, count: desk.list({ ...all, ...query }).total })
      }
    }
    const sources = Object.fromEntries((result.facets.source ?? []).map((v) => [v.value, v.count]))
    expect(sources.ctgov).toBe(ctgov.koreanIds().length)
  })

  it('with ClinicalTrials.gov preferred, the pair is listed as the study instead', () => {
    const listed = new Set(ids({ preferredRegistry: 'ctgov' }))
    expect(listed.size).toBe(desk.list(all).total)
    for (const { nctId, crisId } of twins) {
      expect(listed.has(`ctgov:${nctId}`)).toBe(true)
      expect(listed.has(`cris:${crisId}`)).toBe(false)
    }
  })

  it('the window hint (all-time total) counts a pair once too', () => {
    const now = new Date(Date.now() + 86_400_000).toISOString()
    const windowed = desk.list({ withinDays: 30, now })
    expect(windowed.totalAllTime).toBe(desk.list(all).total)
  })
})

describe('one row per trial on the command line', () => {
  const cli = (args: string[]) =>
    runCliInProcess(['list', '--store', storePath, '--all', '--limit', '100', ...args], {
      TRIALS_CTGOV_API: ctgov.url,
      TRIALS_CRIS_API: cris.url,
    })

  it('list --json: one row per pair by default, items carry linkedIds; --all-rows lists both records', async () => {
    const { nctId, crisId } = twins[0]
    const oneRow = JSON.parse((await cli(['--q', crisId, '--json'])).stdout)
    expect(oneRow.items.map((t: { id: string; linkedIds?: string[] }) => [t.id, t.linkedIds])).toEqual([
      [`cris:${crisId}`, [`ctgov:${nctId}`]],
    ])
    const everyRow = JSON.parse((await cli(['--q', crisId, '--json', '--all-rows'])).stdout)
    expect(everyRow.items.map((t: { id: string }) => t.id).sort()).toEqual([`cris:${crisId}`, `ctgov:${nctId}`])
    const ctgovFirst = JSON.parse((await cli(['--q', crisId, '--json', '--prefer', 'ctgov'])).stdout)
    expect(ctgovFirst.items.map((t: { id: string }) => t.id)).toEqual([`ctgov:${nctId}`])
  })

  it('the table names the other registration beside the id; a wrong --prefer is a usage error', async () => {
    const { nctId, crisId } = twins[0]
    expect((await cli(['--q', crisId])).stdout).toContain(`cris:${crisId} (= ctgov:${nctId})`)
    const wrong = await cli(['--prefer', 'icreat'])
    expect(wrong.code).not.toBe(0)
    expect(wrong.stderr).toContain('--prefer must be one of cris, ctgov')
  })
})
