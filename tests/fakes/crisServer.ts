/**
 * A fake CRIS open API (data.go.kr dataset 3033869) over real HTTP on 127.0.0.1, for tests and the measurement script.
 * Serves generated trials at /1352159/crisinfodataview/{list,detail}, checks the service key (encoded exactly once),
 * counts calls per operation, can change its data between syncs (churn) and answers with every known error form.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { detailBody, generateTrial, seededRandom, type FakeCrisTrial, type Random } from './crisData'
import { gatewayXml, renderFault, type CrisFault, type FaultResponse } from './crisFaults'
import { createFaultRules, type FaultRuleOf } from './faultRules'

export type { CrisFault } from './crisFaults'
export type CrisOperation = 'list' | 'detail'

/** Contains +, / and = so a key sent unencoded or encoded twice does not match. */
export const FAKE_CRIS_KEY = 'cRiS+fAkE/kEy+0123456789abcdef=='
const BASE_PATH = '/1352159/crisinfodataview'
const SERVER_PAGE_CAP = 50

export interface FakeCrisOptions {
  count?: number
  latencyMs?: number
  seed?: number
  serviceKey?: string
}

export type FaultRule = FaultRuleOf<CrisFault, CrisOperation>

export interface ChurnRequest {
  /** Trials whose date_updated moves and nothing else. */
  dateOnly?: number
  /** Trials whose list fields change (title, phase or sponsor), with a new date_updated. */
  listChanged?: number
  /** Trials whose detail-only recruitment status changes, with a new date_updated. */
  statusChanged?: number
  added?: number
  removed?: number
}

export interface ChurnResult {
  dateOnly: string[]
  listChanged: string[]
  statusChanged: string[]
  added: string[]
  removed: string[]
}

export interface CallCounts {
  list: number
  detail: number
  total: number
}

export interface FakeCris {
  /** Base URL to pass as TRIALS_CRIS_API. */
  url: string
  serviceKey: string
  calls: CallCounts
  /** Highest number of requests being served at the same time. */
  maxInFlight: number
  /** Arrival time (ms, performance.now()) of every request, for rate checks. */
  arrivals: number[]
  /** Every request URL as received (to check that no key ever appears elsewhere, and the query shape). */
  requestUrls: string[]
  trialIds(): string[]
  trial(id: string): FakeCrisTrial | undefined
  churn(request: ChurnRequest): ChurnResult
  /** Deletes the trial at this position of the listing (0 = first of page 1), shifting every later one; its id. */
  removeAt(position: number): string
  /**
   * Runs `hook` when a /list request arrives, before it is answered, with the number of /list calls so far (1 = the
   * first since the last reset). Lets a test change the registry while a client pages through it. Cleared by clearFaults.
   */
  onListCall(hook: ((listCall: number) => void) | null): void
  addFault(rule: FaultRule): void
  clearFaults(): void
  resetCounters(): void
  /** Waits until requests a client already sent (even ones it then aborted) have arrived and been answered. */
  settle(ms?: number): Promise<void>
  setLatency(ms: number): void
  close(): Promise<void>
}

export async function startFakeCris(options: FakeCrisOptions = {}): Promise<FakeCris> {
  const { count = 12_500, seed = 3033869, serviceKey = FAKE_CRIS_KEY } = options
  let latencyMs = options.latencyMs ?? 0
  const rnd = seededRandom(seed)
  // Newest registrations first, like a registry listing; ids are spaced so additions get fresh numbers.
  const trials: FakeCrisTrial[] = []
  for (let n = count; n >= 1; n--) trials.push(generateTrial(n, rnd))
  const byId = new Map(trials.map((t) => [t.list.trial_id, t]))
  let nextNumber = count + 1
  let churnRound = 0
  const faults = createFaultRules<CrisFault, CrisOperation>()
  let listHook: ((listCall: number) => void) | null = null

  const state = {
    calls: { list: 0, detail: 0, total: 0 },
    maxInFlight: 0,
    inFlight: 0,
    arrivals: [] as number[],
    requestUrls: [] as string[],
  }

  function listResponse(params: URLSearchParams): unknown {
    const numOfRows = Math.min(SERVER_PAGE_CAP, Math.max(1, Number(params.get('numOfRows') ?? 10) || 10))
    const pageNo = Math.max(1, Number(params.get('pageNo') ?? 1) || 1)
    const slice = trials.slice((pageNo - 1) * numOfRows, pageNo * numOfRows).map((t) => t.list)
    // Real responses mix number and string types; a single item arrives as an object, not an array.
    const asString = pageNo % 2 === 0
    return {
      pageNo: asString ? String(pageNo) : pageNo,
      resultCode: '00',
      totalCount: asString ? String(trials.length) : trials.length,
      numOfRows: asString ? String(numOfRows) : numOfRows,
      items: slice.length === 1 ? slice[0] : slice,
      resultMsg: 'NORMAL_SERVICE',
    }
  }

  function detailResponse(params: URLSearchParams): unknown {
    const trial = byId.get(params.get('crisNumber') ?? '')
    if (!trial) return { resultCode: '03', resultMsg: 'NODATA_ERROR' }
    return detailBody(trial)
  }

  function keyProblem(params: URLSearchParams): FaultResponse | undefined {
    const sent = params.get('serviceKey')
    if (!sent) return { status: 401, contentType: 'text/xml', body: gatewayXml('20', 'SERVICE_KEY_IS_NULL') }
    // URLSearchParams decodes once: an unencoded '+' became a space, a double-encoded one is still '%2B'.
    if (sent !== serviceKey) return { status: 403, contentType: 'text/xml', body: gatewayXml('30') }
    return undefined
  }

  function send(res: ServerResponse, r: FaultResponse) {
    res.writeHead(r.status, { 'content-type': r.contentType })
    res.end(r.body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    state.arrivals.push(performance.now())
    state.requestUrls.push(req.url ?? '')
    state.inFlight++
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight)
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const op =
        url.pathname === `${BASE_PATH}/list` ? 'list' : url.pathname === `${BASE_PATH}/detail` ? 'detail' : null
      if (!op) return send(res, { status: 404, contentType: 'text/plain', body: 'Not Found' })
      // Counted on arrival: a call the client gives up on has still used the key's quota.
      const callsBefore = state.calls.total
      state.calls[op]++
      state.calls.total++
      if (op === 'list') listHook?.(state.calls.list)
      const fault = faults.active(op, callsBefore)
      if (latencyMs > 0) await sleep(latencyMs)
      if (fault) return send(res, renderFault(fault))
      const bad = keyProblem(url.searchParams)
      if (bad) return send(res, bad)
      const body = op === 'list' ? listResponse(url.searchParams) : detailResponse(url.searchParams)
      send(res, { status: 200, contentType: 'application/json;charset=UTF-8', body: JSON.stringify(body) })
    } finally {
      state.inFlight--
    }
  }

  function drawDistinct(n: number, exclude: Set<FakeCrisTrial>, r: Random): FakeCrisTrial[] {
    const chosen: FakeCrisTrial[] = []
    const wanted = Math.min(n, trials.length - exclude.size)
    while (chosen.length < wanted) {
      const t = trials[Math.floor(r() * trials.length)]
      if (exclude.has(t)) continue
      exclude.add(t)
      chosen.push(t)
    }
    return chosen
  }

  function churn(request: ChurnRequest): ChurnResult {
    churnRound++
    const r = seededRandom(seed + churnRound * 7919)
    // A date no generated trial has, different each round.
    const newDate = `2027-${String(1 + (churnRound % 12)).padStart(2, '0')}-${String(1 + (churnRound % 28)).padStart(2, '0')}`
    const touched = new Set<FakeCrisTrial>()
    const dateOnly = drawDistinct(request.dateOnly ?? 0, touched, r)
    const listChanged = drawDistinct(request.listChanged ?? 0, touched, r)
    const statusChanged = drawDistinct(request.statusChanged ?? 0, touched, r)
    const removed = drawDistinct(request.removed ?? 0, touched, r)
    for (const t of dateOnly) t.list.date_updated = newDate
    listChanged.forEach((t, i) => {
      t.list.date_updated = newDate
      if (i % 3 === 0) t.list.scientific_title_kr = `${t.list.scientific_title_kr} (개정 ${churnRound})`
      else if (i % 3 === 1) t.list.phase_kr = t.list.phase_kr === '3상' ? '4상' : '3상'
      else t.list.primary_sponsor_kr = `${t.list.primary_sponsor_kr} 외 ${churnRound}`
    })
    for (const t of statusChanged) {
      t.list.date_updated = newDate
      t.detailOnly.recruitment_status_kr = t.detailOnly.recruitment_status_kr === '모집종료' ? '연구종결' : '모집종료'
    }
    for (const t of removed) {
      trials.splice(trials.indexOf(t), 1)
      byId.delete(t.list.trial_id)
    }
    const added: FakeCrisTrial[] = []
    for (let i = 0; i < (request.added ?? 0); i++) {
      const t = generateTrial(nextNumber++, r)
      trials.unshift(t)
      byId.set(t.list.trial_id, t)
      added.push(t)
    }
    const ids = (ts: FakeCrisTrial[]) => ts.map((t) => t.list.trial_id)
    return {
      dateOnly: ids(dateOnly),
      listChanged: ids(listChanged),
      statusChanged: ids(statusChanged),
      added: ids(added),
      removed: ids(removed),
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(`fake server bug: ${String(e)}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    serviceKey,
    get calls() {
      return { ...state.calls }
    },
    get maxInFlight() {
      return state.maxInFlight
    },
    get arrivals() {
      return state.arrivals
    },
    get requestUrls() {
      return state.requestUrls
    },
    trialIds: () => trials.map((t) => t.list.trial_id),
    trial: (id) => byId.get(id),
    churn,
    removeAt: (position) => {
      const [t] = trials.splice(position, 1)
      byId.delete(t.list.trial_id)
      return t.list.trial_id
    },
    onListCall: (hook) => {
      listHook = hook
    },
    addFault: (rule) => faults.add(rule),
    clearFaults: () => {
      faults.clear()
      listHook = null
    },
    resetCounters: () => {
      state.calls = { list: 0, detail: 0, total: 0 }
      state.maxInFlight = 0
      state.arrivals = []
      state.requestUrls = []
    },
    setLatency: (ms) => {
      latencyMs = ms
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
