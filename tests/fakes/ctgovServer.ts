/**
 * A fake ClinicalTrials.gov API v2 over real HTTP on 127.0.0.1 (open-apis.md §3): `/version`, and `/studies` with
 * `filter.advanced` (LocationCountry with both Korea spellings, LastUpdatePostDate ranges), `filter.ids`, `fields`
 * projection, `pageSize` (default 10, clamped to 1000), `pageToken`s that only work with identical parameters,
 * `countTotal` answered on the first page only, 400 plain-text sentences for unknown parameters and fields, and
 * faults (429 without headers, 5xx, a 200 HTML page). Its data can change between syncs (real changes,
 * bookkeeping-only re-posts, additions, removals, a study renumbered with its old id as alias).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { createFaultRules, type FaultRuleOf } from './faultRules'
import { generateStudy, nctIdFor, seededRandom, type FakeStudy, type StudyOptions } from './ctgovData'

const BASE_PATH = '/api/v2'
const MAX_PAGE_SIZE = 1000
const DEFAULT_PAGE_SIZE = 10
/** Parameters a later page may change; every other one must repeat the first page's value. */
const PAGING_PARAMS = new Set(['pageToken', 'pageSize', 'countTotal'])
const KNOWN_PARAMS = new Set([
  'format',
  'markupFormat',
  'filter.overallStatus',
  'filter.geo',
  'filter.ids',
  'filter.advanced',
  'filter.synonyms',
  'aggFilters',
  'geoDecay',
  'fields',
  'sort',
  'countTotal',
  'pageSize',
  'pageToken',
])
/** Piece names the fake knows (the real API has hundreds); paths are checked against the study JSON. */
const PIECES: Record<string, string> = {
  NCTId: 'protocolSection.identificationModule.nctId',
  BriefTitle: 'protocolSection.identificationModule.briefTitle',
  OverallStatus: 'protocolSection.statusModule.overallStatus',
  LastUpdatePostDate: 'protocolSection.statusModule.lastUpdatePostDateStruct',
  LocationCountry: 'protocolSection.contactsLocationsModule.locations',
}
/** Valid paths no generated study happens to carry. */
const EXTRA_PATHS = [
  'protocolSection.identificationModule.acronym',
  'protocolSection.identificationModule.nctIdAliases',
  'protocolSection.identificationModule.secondaryIdInfos',
  'protocolSection.statusModule.lastKnownStatus',
  'protocolSection.statusModule.whyStopped',
  'protocolSection.designModule.phases',
  'protocolSection.sponsorCollaboratorsModule.collaborators',
  'protocolSection.conditionsModule.keywords',
  'protocolSection.eligibilityModule.maximumAge',
  'resultsSection',
  'documentSection',
]
const KNOWN_AREAS = new Set(['LocationCountry', 'LastUpdatePostDate'])

export type CtgovFault = { kind: 'status'; status: number; body?: string } | { kind: 'html' }
export type CtgovOperation = 'version' | 'studies'

export type CtgovFaultRule = FaultRuleOf<CtgovFault, CtgovOperation>

export interface RecordedRequest {
  path: string
  params: Record<string, string>
  url: string
  headers: IncomingHttpHeaders
}

export interface CtgovChurn {
  /** A real change (status or title), posted on `date`. */
  changed?: number
  /** Re-posted on `date` with only the bookkeeping moving (lastUpdatePostDate, statusVerifiedDate, versionHolder). */
  bookkeepingOnly?: number
  added?: number
  /** Deleted (or their Korean sites dropped): gone from the Korea listing. */
  removed?: number
  /** yyyy-MM-dd of the post; default the fake's `today`. */
  date?: string
}

export interface CtgovChurnResult {
  changed: string[]
  bookkeepingOnly: string[]
  added: string[]
  removed: string[]
  /** The removed studies as they were, to put one back later. */
  removedStudies: FakeStudy[]
}

export interface FakeCtgov {
  /** Base URL to pass as TRIALS_CTGOV_API. */
  url: string
  calls: { version: number; studies: number; total: number }
  requests: RecordedRequest[]
  arrivals: number[]
  dataTimestamp: string
  /** The NCT ids the Korea filter matches. */
  koreanIds(): string[]
  study(nctId: string): FakeStudy | undefined
  /** Adds a study as given (e.g. from a fixture); replaces one with the same id. */
  putStudy(study: FakeStudy): void
  addStudy(options?: StudyOptions): FakeStudy
  removeStudy(nctId: string): void
  /** The study gets a new NCT id; the old one becomes its alias. Returns the new id. */
  renumber(nctId: string, date?: string): string
  churn(request: CtgovChurn): CtgovChurnResult
  /** A new data refresh (moves /version's dataTimestamp). */
  refresh(timestamp: string): void
  setToday(date: string): void
  addFault(rule: CtgovFaultRule): void
  clearFaults(): void
  resetCounters(): void
  settle(ms?: number): Promise<void>
  setLatency(ms: number): void
  /** Runs before each /studies answer (e.g. to change the data between two pages of one listing). */
  onStudiesRequest(hook: ((params: Record<string, string>) => void) | null): void
  close(): Promise<void>
}

export interface FakeCtgovOptions {
  /** Studies with a site in Korea. */
  count?: number
  /** Studies without one (the filter must keep them out). */
  foreignCount?: number
  seed?: number
  latencyMs?: number
  /** Every nth study carries a CRIS number KCT<n>. */
  crisEvery?: number
}

type Json = Record<string, unknown>

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value
  for (const key of path) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined
    current = (current as Json)[key]
  }
  return current
}

function collectPaths(value: unknown, prefix: string, into: Set<string>): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return
  for (const [key, child] of Object.entries(value as Json)) {
    const path = prefix ? `${prefix}.${key}` : key
    into.add(path)
    collectPaths(child, path, into)
  }
}

function project(study: FakeStudy, fields: readonly string[]): Json {
  const out: Json = {}
  for (const field of fields) {
    const path = (PIECES[field] ?? field).split('.')
    const value = valueAt(study, path)
    if (value === undefined) continue
    let target = out
    for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Json
    target[path.at(-1)!] = structuredClone(value)
  }
  return out
}

const nctIdOf = (s: FakeStudy): string => s.protocolSection.identificationModule.nctId as string
const lastUpdateOf = (s: FakeStudy): string =>
  (s.protocolSection.statusModule.lastUpdatePostDateStruct as Json).date as string
const countriesOf = (s: FakeStudy): string[] =>
  ((s.protocolSection.contactsLocationsModule?.locations as Json[] | undefined) ?? []).map((l) => String(l.country))

class BadRequest extends Error {}

/** The parts of Essie the app uses; anything unbalanced or unknown is a 400 like the real parser's. */
function parseAdvanced(text: string): { countries: string[]; since?: string } {
  const opens = (text.match(/\[/g) ?? []).length
  const closes = (text.match(/]/g) ?? []).length
  if (opens !== closes || (text.match(/\(/g) ?? []).length !== (text.match(/\)/g) ?? []).length) {
    throw new BadRequest(`Error parsing query in filter.advanced: mismatched input '<EOF>' expecting ']'`)
  }
  for (const [, area] of text.matchAll(/AREA\[([^\]]*)]/g)) {
    if (!KNOWN_AREAS.has(area))
      throw new BadRequest(`Error parsing query in filter.advanced: Unknown area name: \`${area}\``)
  }
  const countries = [...text.matchAll(/AREA\[LocationCountry\]"([^"]+)"/g)].map((m) => m[1])
  const range = /AREA\[LastUpdatePostDate\]RANGE\[(\d{4}-\d{2}-\d{2}),MAX\]/.exec(text)
  return { countries, since: range?.[1] }
}

export async function startFakeCtgov(options: FakeCtgovOptions = {}): Promise<FakeCtgov> {
  const { count = 300, foreignCount = 20, seed = 11, crisEvery = 5 } = options
  let latencyMs = options.latencyMs ?? 0
  const rnd = seededRandom(seed)
  const studies = new Map<string, FakeStudy>()
  let nextNumber = 5_000_001
  let today = '2026-11-30'
  let dataTimestamp = '2026-11-30T09:00:04'
  for (let i = 0; i < count; i++) {
    const n = nextNumber++
    const study = generateStudy(
      n,
      rnd,
      i % crisEvery === 0 ? { crisId: `KCT${String(1000 + i).padStart(7, '0')}` } : {},
    )
    studies.set(nctIdOf(study), study)
  }
  for (let i = 0; i < foreignCount; i++) {
    const study = generateStudy(nextNumber++, rnd, { noKoreanSite: true })
    studies.set(nctIdOf(study), study)
  }
  const knownPaths = new Set<string>(EXTRA_PATHS)
  for (const study of studies.values()) collectPaths(study, '', knownPaths)

  const tokens = new Map<string, { key: string; offset: number }>()
  let tokenCounter = 0
  const faults = createFaultRules<CtgovFault, CtgovOperation>()
  let beforeStudies: ((params: Record<string, string>) => void) | null = null
  const state = {
    calls: { version: 0, studies: 0, total: 0 },
    requests: [] as RecordedRequest[],
    arrivals: [] as number[],
    inFlight: 0,
  }

  function sorted(): FakeStudy[] {
    return [...studies.values()].sort((a, b) => nctIdOf(a).localeCompare(nctIdOf(b)))
  }

  function matching(params: Record<string, string>): FakeStudy[] {
    const ids = params['filter.ids']
    if (ids !== undefined) {
      const wanted = new Set(
        ids
          .split(/[,|]/)
          .map((s) => s.trim())
          .filter(Boolean),
      )
      for (const id of wanted)
        if (!/^NCT\d{8}$/.test(id)) throw new BadRequest(`Invalid value in parameter \`filter.ids\`: \`${id}\``)
      // Only NCT ids given: other filters are ignored.
      return sorted().filter((s) => wanted.has(nctIdOf(s)))
    }
    const advanced = params['filter.advanced']
    if (advanced === undefined) return sorted()
    const { countries, since } = parseAdvanced(advanced)
    return sorted().filter(
      (s) =>
        (countries.length === 0 || countriesOf(s).some((c) => countries.includes(c))) &&
        (since === undefined || lastUpdateOf(s) >= since),
    )
  }

  function studiesAnswer(params: Record<string, string>): { status: number; contentType: string; body: string } {
    for (const name of Object.keys(params)) {
      if (!KNOWN_PARAMS.has(name) && !name.startsWith('query.') && !name.startsWith('postFilter.')) {
        throw new BadRequest(`\`${name}\` is unknown parameter`)
      }
    }
    if ((params.format ?? 'json') !== 'json') {
      return { status: 200, contentType: 'text/csv', body: 'NCT Number,Study Title\n' }
    }
    const fields = params.fields
      ? params.fields
          .split(/[,|]/)
          .map((f) => f.trim())
          .filter(Boolean)
      : []
    for (const field of fields) {
      if (!PIECES[field] && !knownPaths.has(field))
        throw new BadRequest(`Parameter 'fields' contains invalid field name: '${field}'`)
    }
    const pageSize = Math.min(
      MAX_PAGE_SIZE,
      Number(params.pageSize) > 0 ? Math.floor(Number(params.pageSize)) : DEFAULT_PAGE_SIZE,
    )
    const key = JSON.stringify(
      Object.entries(params)
        .filter(([name]) => !PAGING_PARAMS.has(name))
        .sort(),
    )
    let offset = 0
    if (params.pageToken !== undefined) {
      const token = tokens.get(params.pageToken)
      if (!token) throw new BadRequest(`Invalid pageToken: \`${params.pageToken}\``)
      // The real API only answers a token with the parameters it was issued for.
      if (token.key !== key)
        throw new BadRequest(
          'The pageToken does not match the query parameters: repeat the same parameters on every page',
        )
      offset = token.offset
    }
    const all = matching(params)
    const page = all.slice(offset, offset + pageSize)
    const out: Json = {}
    if (params.countTotal === 'true' && params.pageToken === undefined) out.totalCount = all.length
    if (offset + pageSize < all.length) {
      const next = `NF0g${(++tokenCounter).toString(36)}Mv${seed}`
      tokens.set(next, { key, offset: offset + pageSize })
      out.nextPageToken = next
    }
    // As the real API does: one study per line inside one JSON document.
    const lines = page.map((s) => JSON.stringify(fields.length > 0 ? project(s, fields) : s))
    const tail = Object.entries(out)
      .map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`)
      .join('')
    return { status: 200, contentType: 'application/json', body: `{"studies":[\n${lines.join(',\n')}\n]${tail}}` }
  }

  function send(res: ServerResponse, status: number, contentType: string, body: string) {
    res.writeHead(status, { 'content-type': contentType })
    res.end(body)
  }

  function renderFault(res: ServerResponse, fault: CtgovFault) {
    if (fault.kind === 'html') {
      return send(
        res,
        200,
        'text/html',
        '<!DOCTYPE html><html><head><title>ClinicalTrials.gov</title></head><body>Maintenance</body></html>',
      )
    }
    // 429 comes without Retry-After or X-RateLimit headers, like the real one.
    send(
      res,
      fault.status,
      'text/plain',
      fault.body ?? (fault.status === 429 ? 'Too Many Requests' : 'upstream connect error'),
    )
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    state.arrivals.push(performance.now())
    state.inFlight++
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const params = Object.fromEntries(url.searchParams)
      state.requests.push({ path: url.pathname, params, url: req.url ?? '', headers: req.headers })
      const op: CtgovOperation | null =
        url.pathname === `${BASE_PATH}/version` ? 'version' : url.pathname === `${BASE_PATH}/studies` ? 'studies' : null
      if (!op) return send(res, 404, 'text/plain', 'Not Found')
      const callsBefore = state.calls.total
      state.calls[op]++
      state.calls.total++
      if (latencyMs > 0) await sleep(latencyMs)
      const fault = faults.active(op, callsBefore)
      if (fault) return renderFault(res, fault)
      if (op === 'version')
        return send(res, 200, 'application/json', JSON.stringify({ apiVersion: '2.0.5', dataTimestamp }))
      try {
        beforeStudies?.(params)
        const answer = studiesAnswer(params)
        send(res, answer.status, answer.contentType, answer.body)
      } catch (error) {
        if (error instanceof BadRequest) return send(res, 400, 'text/plain', error.message)
        throw error
      }
    } finally {
      state.inFlight--
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, 'text/plain', `fake server bug: ${String(e)}`))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const isKorean = (s: FakeStudy) => countriesOf(s).some((c) => c === 'South Korea' || c === 'Korea, Republic of')
  function post(study: FakeStudy, date: string) {
    const status = study.protocolSection.statusModule
    status.lastUpdatePostDateStruct = { date, type: 'ACTUAL' }
    status.lastUpdateSubmitDate = date
    status.statusVerifiedDate = date.slice(0, 7)
    study.derivedSection.miscInfoModule = { versionHolder: date }
  }
  function addStudy(studyOptions: StudyOptions = {}): FakeStudy {
    const study = generateStudy(nextNumber++, rnd, { lastUpdate: today, ...studyOptions })
    studies.set(nctIdOf(study), study)
    collectPaths(study, '', knownPaths)
    return study
  }

  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    get calls() {
      return { ...state.calls }
    },
    get requests() {
      return state.requests
    },
    get arrivals() {
      return state.arrivals
    },
    get dataTimestamp() {
      return dataTimestamp
    },
    koreanIds: () => sorted().filter(isKorean).map(nctIdOf),
    study: (id) => studies.get(id),
    putStudy: (study) => {
      studies.set(nctIdOf(study), study)
      collectPaths(study, '', knownPaths)
    },
    addStudy,
    removeStudy: (id) => {
      studies.delete(id)
    },
    renumber(id, date = today) {
      const study = studies.get(id)
      if (!study) throw new Error(`no study ${id}`)
      studies.delete(id)
      const newId = nctIdFor(nextNumber++)
      study.protocolSection.identificationModule.nctId = newId
      study.protocolSection.identificationModule.nctIdAliases = [id]
      post(study, date)
      studies.set(newId, study)
      return newId
    },
    churn(request) {
      const date = request.date ?? today
      const r = seededRandom(seed + Date.parse(date) / 86_400_000)
      const pool = sorted().filter(isKorean)
      const take = (n = 0): FakeStudy[] => {
        const chosen: FakeStudy[] = []
        while (chosen.length < Math.min(n, pool.length)) chosen.push(pool.splice(Math.floor(r() * pool.length), 1)[0])
        return chosen
      }
      const changed = take(request.changed)
      const bookkeepingOnly = take(request.bookkeepingOnly)
      const removed = take(request.removed)
      changed.forEach((s, i) => {
        const status = s.protocolSection.statusModule
        if (i % 2 === 0) status.overallStatus = status.overallStatus === 'COMPLETED' ? 'TERMINATED' : 'COMPLETED'
        else
          s.protocolSection.identificationModule.briefTitle = `${String(s.protocolSection.identificationModule.briefTitle)} (amended ${date})`
        post(s, date)
      })
      for (const s of bookkeepingOnly) post(s, date)
      for (const s of removed) studies.delete(nctIdOf(s))
      const added = Array.from({ length: request.added ?? 0 }, () => addStudy({ lastUpdate: date }))
      const ids = (list: FakeStudy[]) => list.map(nctIdOf)
      return {
        changed: ids(changed),
        bookkeepingOnly: ids(bookkeepingOnly),
        added: ids(added),
        removed: ids(removed),
        removedStudies: removed,
      }
    },
    refresh: (timestamp) => {
      dataTimestamp = timestamp
    },
    setToday: (date) => {
      today = date
    },
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    resetCounters: () => {
      state.calls = { version: 0, studies: 0, total: 0 }
      state.requests = []
      state.arrivals = []
    },
    setLatency: (ms) => {
      latencyMs = ms
    },
    onStudiesRequest: (hook) => {
      beforeStudies = hook
    },
    settle: async (ms = 50) => {
      await sleep(ms)
      while (state.inFlight > 0) await sleep(5)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
