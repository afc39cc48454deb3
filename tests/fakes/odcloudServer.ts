/**
 * A fake odcloud (api.odcloud.kr + infuser.odcloud.kr) for dataset 3074271 (iCReaT), over real HTTP on 127.0.0.1.
 * Shared by the core, CLI and e2e tests: keep this API stable.
 *
 *   const fake = await startFakeOdcloud({ rows?, oldRows?, faults?, validKey? })
 *   fake.docsUrl   // Swagger document URL  (…/oas/docs?namespace=3074271/v1)
 *   fake.apiBase   // data API base          (…/api); data lives at `${apiBase}${path}`
 *   fake.env       // { TRIALS_ICREAT_DOCS, TRIALS_ICREAT_API } pointing here (add DATA_GO_KR_SERVICE_KEY yourself)
 *   fake.requests  // every request: { path, query (decoded, without serviceKey), receivedKey (raw as sent, or null) }
 *   fake.setRows(rows) / fake.setFaults(partial) / fake.resetFaults() / await fake.close()
 *
 * The Swagger document lists two revisions: FAKE_ICREAT_OLD_PATH (summary …_20220101, the 2022 uddi) and
 * FAKE_ICREAT_NEW_PATH (summary …_20240730). `rows` (default: the 145 real rows of tests/fixtures) are served on the
 * newest revision; the old one serves `oldRows` (default: the same rows). Use `requests[].path` to see which one
 * a client used.
 *
 * The key is accepted only when it arrives percent-encoded exactly once (FAKE_ODCLOUD_KEY has + / = in it; its
 * Encoding form is FAKE_ODCLOUD_KEY_ENCODED). A raw, double-encoded or wrong key gets
 * 401 `{"code":-4,"msg":"등록되지 않은 인증키 입니다."}\n`, as odcloud does.
 *
 * Faults (setFaults merges; all off by default), applied to data requests unless noted:
 *   wrongKey: true | 401 | 403   reject every key (401, or 403 variant) with code -4
 *   quotaExceeded                HTTP 429 `{"code":-10,...}` on every data request
 *   status500OnPage: n           page n answers 500 every time
 *   status429Times: n            the first n data requests answer 429, then normal
 *   html200 / xml200 / text200   status 200 with an HTML / XML / plain text body
 *   badJson                      status 200, truncated JSON
 *   missingData                  status 200, JSON envelope without `data`
 *   hang                         data requests are never answered (socket left open until close())
 *   stallAfterHeaders            status 200 and headers are sent, then a few body bytes, then nothing (socket left open)
 *   latencyMs: n                 every data request is answered n ms late (a slow but working server)
 *   trickleMs: n                 the body is sent one byte every n ms (a slow proxy), until done or the client gives up
 *   docsDown                     the Swagger document answers 500
 *   emptyListing                 totalCount 0, data []
 *   perPageCap: n                never more than n rows per page, whatever perPage asks
 *   numbersAsNumbers             전체목표연구대상자수 sent as a JSON number when it is numeric
 *   repeatPages                  every page answers page 1's rows (with a cap of 10 rows unless perPageCap is set)
 *   reportTotalCount: n          the envelope's totalCount/matchCount say n, whatever the real row count
 */
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'

export const FAKE_ODCLOUD_KEY = 'Tk3y+Ab/Cd9Ef+Gh/Ij==' // Decoding form
export const FAKE_ODCLOUD_KEY_ENCODED = encodeURIComponent(FAKE_ODCLOUD_KEY) // Encoding form: %2B %2F %3D
export const FAKE_ICREAT_OLD_PATH = '/3074271/v1/uddi:cfc19dda-6f75-4c57-86a8-bb9c8b103887'
export const FAKE_ICREAT_NEW_PATH = '/3074271/v1/uddi:7f3c2a10-5b8e-4d61-9a2f-0c4e8b1d6a53_202408071030'
export const FAKE_ODCLOUD_AUTH_BODY = '{"code":-4,"msg":"등록되지 않은 인증키 입니다."}\n'

export type FakeRow = Record<string, unknown>

export interface FakeOdcloudFaults {
  wrongKey: boolean | 401 | 403
  quotaExceeded: boolean
  status500OnPage: number | null
  status429Times: number
  html200: boolean
  xml200: boolean
  text200: boolean
  badJson: boolean
  missingData: boolean
  hang: boolean
  stallAfterHeaders: boolean
  trickleMs: number | null
  latencyMs: number | null
  docsDown: boolean
  emptyListing: boolean
  perPageCap: number | null
  numbersAsNumbers: boolean
  repeatPages: boolean
  reportTotalCount: number | null
}

export interface FakeOdcloudRequest {
  path: string
  /** Decoded query parameters, serviceKey excluded. */
  query: Record<string, string>
  /** The serviceKey exactly as it arrived on the wire (still percent-encoded), or null. */
  receivedKey: string | null
}

export interface FakeOdcloudOptions {
  rows?: FakeRow[]
  oldRows?: FakeRow[]
  faults?: Partial<FakeOdcloudFaults>
  validKey?: string
}

export interface FakeOdcloud {
  apiBase: string
  docsUrl: string
  env: { TRIALS_ICREAT_DOCS: string; TRIALS_ICREAT_API: string }
  requests: FakeOdcloudRequest[]
  setRows(rows: FakeRow[]): void
  setFaults(faults: Partial<FakeOdcloudFaults>): void
  resetFaults(): void
  close(): Promise<void>
}

const NO_FAULTS: FakeOdcloudFaults = {
  wrongKey: false,
  quotaExceeded: false,
  status500OnPage: null,
  status429Times: 0,
  html200: false,
  xml200: false,
  text200: false,
  badJson: false,
  missingData: false,
  hang: false,
  stallAfterHeaders: false,
  trickleMs: null,
  latencyMs: null,
  docsDown: false,
  emptyListing: false,
  perPageCap: null,
  numbersAsNumbers: false,
  repeatPages: false,
  reportTotalCount: null,
}

export function loadIcreatFixtureRows(): FakeRow[] {
  const file = join(__dirname, '..', 'fixtures', 'icreat-3074271-rows.json')
  return JSON.parse(readFileSync(file, 'utf8')) as FakeRow[]
}

function swaggerDocument(host: string): unknown {
  const operation = (summary: string) => ({
    get: {
      summary,
      parameters: [
        { name: 'page', in: 'query', type: 'integer', default: 1 },
        { name: 'perPage', in: 'query', type: 'integer', default: 10 },
        { name: 'returnType', in: 'query', type: 'string' },
      ],
      responses: { '200': { description: '성공' }, '401': { description: '인증 정보가 정확 하지 않음' } },
      security: [{ ApiKeyAuth: [] }, { ApiKeyAuth2: [] }],
    },
  })
  return {
    swagger: '2.0',
    info: { title: '질병관리청_임상연구 과제정보', version: '1.0.0' },
    host,
    basePath: '/api',
    schemes: ['http'],
    paths: {
      [FAKE_ICREAT_OLD_PATH]: operation('질병관리청_임상연구 과제정보_20220101'),
      [FAKE_ICREAT_NEW_PATH]: operation('질병관리청_임상연구 과제정보_20240730'),
    },
    securityDefinitions: {
      ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'Authorization' },
      ApiKeyAuth2: { type: 'apiKey', in: 'query', name: 'serviceKey' },
    },
  }
}

/** The raw `serviceKey` value from a raw query string, before any decoding. */
function rawParam(rawQuery: string, name: string): string | null {
  for (const part of rawQuery.split('&')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq) === name) return part.slice(eq + 1)
  }
  return null
}

/** Encoded exactly once: no raw + / = left, and one decode gives the key. */
function keyAccepted(raw: string | null, validKey: string): boolean {
  if (raw === null || /[+/=]/.test(raw)) return false
  try {
    return decodeURIComponent(raw) === validKey
  } catch {
    return false
  }
}

function asNumbers(row: FakeRow): FakeRow {
  const size = row['전체목표연구대상자수']
  if (typeof size === 'string' && /^\d+$/.test(size.trim())) return { ...row, 전체목표연구대상자수: Number(size) }
  return row
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Headers and the first bytes of the body, then nothing more: the client must give up by itself. */
function stallAfterHeaders(res: ServerResponse, body: string): void {
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(body) })
  res.write(body.slice(0, 20))
}

/** The whole body, one byte per `everyMs`, stopping when the client hangs up. */
function trickle(res: ServerResponse, body: string, everyMs: number): void {
  const bytes = Buffer.from(body)
  res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': bytes.length })
  let sent = 0
  const timer = setInterval(() => {
    if (res.destroyed || sent >= bytes.length) {
      clearInterval(timer)
      if (!res.destroyed) res.end()
      return
    }
    res.write(bytes.subarray(sent, sent + 1))
    sent++
  }, everyMs)
  res.on('close', () => clearInterval(timer))
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, 'application/json;charset=UTF-8', JSON.stringify(value))

export async function startFakeOdcloud(options: FakeOdcloudOptions = {}): Promise<FakeOdcloud> {
  const validKey = options.validKey ?? FAKE_ODCLOUD_KEY
  let rows = options.rows ?? loadIcreatFixtureRows()
  const oldRows = options.oldRows
  let faults: FakeOdcloudFaults = { ...NO_FAULTS, ...options.faults }
  let dataRequests = 0
  const requests: FakeOdcloudRequest[] = []

  const serveData = (res: ServerResponse, params: URLSearchParams, dataRows: FakeRow[], rawKey: string | null) => {
    dataRequests += 1
    if (faults.hang) return // never answer
    if (faults.latencyMs !== null) {
      const { latencyMs, ...rest } = faults
      setTimeout(() => {
        if (!res.destroyed) answerData(res, params, dataRows, rawKey, rest)
      }, latencyMs)
      return
    }
    answerData(res, params, dataRows, rawKey, faults)
  }

  const answerData = (
    res: ServerResponse,
    params: URLSearchParams,
    dataRows: FakeRow[],
    rawKey: string | null,
    faults: Omit<FakeOdcloudFaults, 'latencyMs'>,
  ) => {
    if (faults.wrongKey || !keyAccepted(rawKey, validKey)) {
      send(res, faults.wrongKey === 403 ? 403 : 401, 'application/json;charset=UTF-8', FAKE_ODCLOUD_AUTH_BODY)
      return
    }
    if (faults.quotaExceeded) return sendJson(res, 429, { code: -10, msg: '일일 트래픽 한도를 초과하였습니다.' })
    if (dataRequests <= faults.status429Times) return send(res, 429, 'text/plain', 'Too Many Requests')
    const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1)
    if (faults.status500OnPage === page) return sendJson(res, 500, { code: -5, msg: 'API 서버에 문제가 발생하였음' })
    if (faults.html200)
      return send(
        res,
        200,
        'application/json',
        '<!DOCTYPE html><html><head><title>점검 중</title></head><body>서비스 점검 중입니다.</body></html>',
      )
    if (faults.xml200)
      return send(
        res,
        200,
        'application/json',
        '<?xml version="1.0" encoding="UTF-8"?><response><code>-1</code></response>',
      )
    if (faults.text200) return send(res, 200, 'application/json', 'Service Unavailable')
    if (faults.badJson) return send(res, 200, 'application/json', '{"currentCount": 10, "data": [{"과제번호": "C1')
    const all = faults.emptyListing ? [] : dataRows
    if (faults.missingData) return sendJson(res, 200, { currentCount: 0, page, perPage: 10, totalCount: all.length })

    const asked = Math.max(1, Number.parseInt(params.get('perPage') ?? '10', 10) || 10)
    const cap = faults.perPageCap ?? (faults.repeatPages ? 10 : null)
    const perPage = cap === null ? asked : Math.min(asked, cap)
    const start = faults.repeatPages ? 0 : (page - 1) * perPage
    const slice = all.slice(start, start + perPage).map((row) => (faults.numbersAsNumbers ? asNumbers(row) : row))
    const totalCount = faults.reportTotalCount ?? all.length
    const body = JSON.stringify({
      currentCount: slice.length,
      data: slice,
      matchCount: totalCount,
      page,
      perPage: asked,
      totalCount,
    })
    if (faults.stallAfterHeaders) return stallAfterHeaders(res, body)
    if (faults.trickleMs !== null) return trickle(res, body, faults.trickleMs)
    send(res, 200, 'application/json;charset=UTF-8', body)
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const rawUrl = req.url ?? '/'
    const q = rawUrl.indexOf('?')
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q)
    const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1)
    const path = decodeURIComponent(rawPath)
    const params = new URLSearchParams(rawQuery)
    const receivedKey = rawParam(rawQuery, 'serviceKey')
    params.delete('serviceKey')
    requests.push({ path, query: Object.fromEntries(params), receivedKey })

    if (path === '/oas/docs') {
      if (faults.docsDown) return send(res, 500, 'text/html', '<html><body>500 Internal Server Error</body></html>')
      if (params.get('namespace') !== '3074271/v1')
        return sendJson(res, 404, { code: -3, msg: '등록되지 않은 서비스 입니다.' })
      return sendJson(res, 200, swaggerDocument(req.headers.host ?? '127.0.0.1'))
    }
    if (path === `/api${FAKE_ICREAT_NEW_PATH}`) return serveData(res, params, rows, receivedKey)
    if (path === `/api${FAKE_ICREAT_OLD_PATH}`) return serveData(res, params, oldRows ?? rows, receivedKey)
    sendJson(res, 404, { code: -3, msg: '등록되지 않은 서비스 입니다.' })
  }

  const server = createServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const apiBase = `${origin}/api`
  const docsUrl = `${origin}/oas/docs?namespace=3074271/v1`

  return {
    apiBase,
    docsUrl,
    env: { TRIALS_ICREAT_DOCS: docsUrl, TRIALS_ICREAT_API: apiBase },
    requests,
    setRows(next) {
      rows = next
    },
    setFaults(partial) {
      faults = { ...faults, ...partial }
      if (partial.status429Times !== undefined) dataRequests = 0
    },
    resetFaults() {
      faults = { ...NO_FAULTS }
      dataRequests = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections() // also ends the requests `hang` left open
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
