/**
 * The ClinicalTrials.gov source against the fake server: the request shape (Korea filter with both spellings,
 * limited fields, paging tokens with identical parameters, countTotal on the first page), the key never sent,
 * every failure form with its stable code, the rate, and the fake's own strictness.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createCtgovSource as createCtgovSourceOf } from '../../electron/core/sources/ctgov'
import type { SourceConfig } from '../../electron/core/sources/source'
import { listingOf } from '../helpers/listingOf'
import { resolveCtgovSettings } from '../../electron/core/sources/ctgov/ctgovConfig'
import { STUDY_FIELDS } from '../../electron/core/sources/ctgov/ctgovQuery'
import type { ErrorCode } from '../../shared/errors'
import type { FakeStudy } from '../fakes/ctgovData'
import type { CtgovFault } from '../fakes/ctgovServer'
import { ctgovTestConfig, DATA_GO_KR_KEY_IN_ENV } from '../fakes/ctgovTestConfig'
import { fetchContext } from '../fakes/crisTestConfig'
import { useFakeCtgov } from '../fakes/fakeServers'
import { everythingAbout, failureOf } from '../helpers/failures'

const createCtgovSource = (config: SourceConfig) => listingOf(createCtgovSourceOf(config))

const COUNT = 1200
const fake = await useFakeCtgov({ count: COUNT, foreignCount: 40, seed: 7 })

function fetchAll(env: Record<string, string> = {}) {
  return createCtgovSource(ctgovTestConfig(fake, env)).fetchAll(fetchContext())
}
const studyRequests = () => fake.requests.filter((r) => r.path.endsWith('/studies'))

describe('first sync', () => {
  it('fetches every study with a site in Korea, under either spelling, and no other', async () => {
    const result = await fetchAll()
    const ids = result.rows.map((r) => r.sourceId).sort()
    expect(ids).toEqual(fake.koreanIds())
    expect(ids).toHaveLength(COUNT)
    const countries = new Set(
      result.rows.flatMap((r) => (r.fields.locations as Array<{ country: string }>).map((l) => l.country)),
    )
    expect(countries).toEqual(new Set(['South Korea', 'Korea, Republic of']))
    expect(result.fetched).toBe(COUNT)
    // Each page goes to the sync as it arrives: the source never holds every study.
    expect(result.handovers).toEqual([500, 500, 200])
  })

  it('asks /version, then pages with format=json, the Korea filter, limited fields and identical parameters', async () => {
    await fetchAll()
    expect(fake.requests[0].path).toBe('/api/v2/version')
    const pages = studyRequests()
    expect(pages).toHaveLength(Math.ceil(COUNT / 500))
    const { pageToken: _t, countTotal, ...first } = pages[0].params
    expect(first).toEqual({
      format: 'json',
      'filter.advanced': '(AREA[LocationCountry]"South Korea" OR AREA[LocationCountry]"Korea, Republic of")',
      fields: STUDY_FIELDS.join(','),
      pageSize: '500',
    })
    expect(countTotal).toBe('true')
    for (const later of pages.slice(1)) {
      const { pageToken, countTotal: again, ...rest } = later.params
      expect(pageToken).toMatch(/\S/)
      expect(again).toBeUndefined()
      expect(rest).toEqual(first)
    }
  })

  it("stores a study under the registry's field names, with only its Korean sites and a count of the others", async () => {
    const result = await fetchAll()
    const multinational = result.rows.find((r) => (r.fields.locationsOutsideKorea as number) > 0)!
    const study = fake.study(multinational.sourceId)!
    const all = study.protocolSection.contactsLocationsModule.locations as Array<{ country: string }>
    const korean = all.filter((l) => l.country === 'South Korea' || l.country === 'Korea, Republic of')
    expect(multinational.fields.locations).toEqual(korean)
    expect(multinational.fields.locationsOutsideKorea).toBe(all.length - korean.length)
    expect(multinational.fields).toMatchObject({
      nctId: multinational.sourceId,
      briefTitle: study.protocolSection.identificationModule.briefTitle,
      overallStatus: study.protocolSection.statusModule.overallStatus,
      leadSponsor: study.protocolSection.sponsorCollaboratorsModule.leadSponsor,
      conditionMeshes: study.derivedSection.conditionBrowseModule.meshes,
    })
    // Not asked for: the eligibility criteria text and the contacts.
    expect(multinational.fields).not.toHaveProperty('eligibilityCriteria')
    expect(multinational.fields).not.toHaveProperty('centralContacts')
  })

  it('never sends the data.go.kr key to ClinicalTrials.gov, in the URL or in a header', async () => {
    await fetchAll()
    expect(fake.requests.length).toBeGreaterThan(1)
    const forms = [DATA_GO_KR_KEY_IN_ENV, encodeURIComponent(DATA_GO_KR_KEY_IN_ENV), 'serviceKey']
    for (const request of fake.requests) {
      const seen = `${request.url}\n${JSON.stringify(request.headers)}`
      for (const form of forms) expect(seen).not.toContain(form)
    }
  })
})

const FAILURES: Array<{ name: string; fault: CtgovFault; code: ErrorCode; says: RegExp }> = [
  {
    name: 'a 400 plain-text sentence (invalid field)',
    fault: { kind: 'status', status: 400, body: "Parameter 'fields' contains invalid field name: 'StudyDesign'" },
    code: 'BAD_RESPONSE',
    says: /rejected the app's request: "Parameter 'fields' contains invalid field name: 'StudyDesign'".*report/,
  },
  {
    name: '429 every time',
    fault: { kind: 'status', status: 429 },
    code: 'QUOTA',
    says: /slow down.*TRIALS_CTGOV_RATE/,
  },
  { name: '503 every time', fault: { kind: 'status', status: 503 }, code: 'SERVER', says: /HTTP 503.*try again later/ },
  {
    name: 'a 200 HTML page every time',
    fault: { kind: 'html' },
    code: 'BAD_RESPONSE',
    says: /web page instead of data.*try again later/,
  },
  {
    name: 'HTTP 403 (a proxy in the way)',
    fault: { kind: 'status', status: 403, body: 'Forbidden' },
    code: 'NETWORK',
    says: /ClinicalTrials\.gov.*proxy/,
  },
]

describe('a listing that shifts while it is paged (the shared consistency rule)', () => {
  /** Deletes the first listed study while page 2 is asked for: every later study moves up one place. */
  const deleted: FakeStudy[] = []
  const deleteOneOnPage2 = () =>
    fake.onStudiesRequest((params) => {
      if (params.pageToken && fake.requests.filter((r) => r.path.endsWith('/studies')).length % 3 === 2) {
        const first = fake.koreanIds()[0]
        deleted.push(fake.study(first)!)
        fake.removeStudy(first)
      }
    })
  afterEach(() => {
    for (const study of deleted.splice(0)) fake.putStudy(study)
  })

  it('is read again once; a listing that stays short is reported so nothing gets removed', async () => {
    deleteOneOnPage2()
    const result = await fetchAll()
    // Two crawls of three pages each, both short by the study that slid from page 2 onto page 1.
    expect(fake.calls.studies).toBe(6)
    expect(result.listing).toMatchObject({ consistent: false, reason: 'short' })
  })
})

describe('failures', () => {
  for (const { name, fault, code, says } of FAILURES) {
    it(`${name} → ${code}, with what to do, and no key`, async () => {
      fake.addFault({ fault, op: 'studies' })
      const error = await failureOf(fetchAll())
      expect(error.code).toBe(code)
      expect(error.message).toMatch(says)
      expect(everythingAbout(error)).not.toContain(DATA_GO_KR_KEY_IN_ENV)
    })
  }

  for (const fault of [
    { kind: 'status', status: 429 },
    { kind: 'status', status: 502 },
    { kind: 'html' },
  ] as CtgovFault[]) {
    it(`waits out ${fault.kind === 'html' ? 'an HTML page' : `HTTP ${fault.status}`} twice and then gets the page`, async () => {
      fake.addFault({ fault, op: 'studies', afterCalls: 2, times: 2 })
      const result = await fetchAll()
      expect(result.rows).toHaveLength(COUNT)
      expect(fake.calls.studies).toBe(Math.ceil(COUNT / 500) + 2)
    })
  }

  it('an unreadable /version stops the sync before any study is asked for', async () => {
    fake.addFault({ fault: { kind: 'status', status: 500 }, op: 'version' })
    const error = await failureOf(fetchAll())
    expect(error.code).toBe('SERVER')
    expect(fake.calls.studies).toBe(0)
  })
})

describe('politeness', () => {
  it('defaults to one request per second, with the official base URL', () => {
    expect(resolveCtgovSettings({ getServiceKey: () => undefined, timeoutMs: 1, env: {} })).toEqual({
      baseUrl: 'https://clinicaltrials.gov/api/v2',
      ratePerSecond: 1,
    })
  })

  it('spaces requests at TRIALS_CTGOV_RATE per second', async () => {
    await fetchAll({ TRIALS_CTGOV_RATE: '10' })
    const gaps = fake.arrivals.slice(1).map((t, i) => t - fake.arrivals[i])
    expect(gaps.length).toBeGreaterThanOrEqual(3)
    // 10/s: never two requests closer than ~100 ms (a little slack for timer granularity).
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90)
  })
})

describe('the fake is as strict as the real API', () => {
  const get = (query: string) => fetch(`${fake.url}/studies?${query}`)

  it('answers an unknown field or parameter with a 400 plain-text sentence', async () => {
    const field = await get('format=json&fields=NCTId,StudyDesign')
    expect(field.status).toBe(400)
    expect(field.headers.get('content-type')).toMatch(/text\/plain/)
    expect(await field.text()).toBe("Parameter 'fields' contains invalid field name: 'StudyDesign'")
    const param = await get('format=json&filter.phase=PHASE3')
    expect(await param.text()).toBe('`filter.phase` is unknown parameter')
  })

  it('refuses a page token with different parameters, answers totalCount on the first page only, clamps pageSize', async () => {
    const first = (await (await get('format=json&fields=NCTId&pageSize=5000&countTotal=true')).json()) as {
      studies: unknown[]
      nextPageToken: string
      totalCount: number
    }
    expect(first.studies).toHaveLength(1000)
    expect(first.totalCount).toBe(COUNT + 40)
    const second = (await (
      await get(`format=json&fields=NCTId&pageSize=1000&countTotal=true&pageToken=${first.nextPageToken}`)
    ).json()) as Record<string, unknown>
    expect(second).not.toHaveProperty('totalCount')
    expect(second.studies).toHaveLength(COUNT + 40 - 1000)
    const changed = await get(`format=json&fields=NCTId,BriefTitle&pageToken=${first.nextPageToken}`)
    expect(changed.status).toBe(400)
  })
})
