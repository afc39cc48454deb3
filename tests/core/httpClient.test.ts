import { describe, expect, it } from 'vitest'
import { createHttpClient } from '../../electron/core/http'
import type { SourceConfig } from '../../electron/core/sources/source'
import {
  FAKE_ICREAT_NEW_PATH,
  FAKE_ODCLOUD_KEY,
  FAKE_ODCLOUD_KEY_ENCODED,
  startFakeOdcloud,
} from '../fakes/odcloudServer'
import { useFakeOdcloud } from '../fakes/fakeServers'
import { everythingAbout, failureOf } from '../helpers/failures'

const SERVICE = 'iCReaT (data.go.kr 3074271)'
const fake = await useFakeOdcloud()

function config(overrides: Partial<SourceConfig> = {}, key: string | null = FAKE_ODCLOUD_KEY): SourceConfig {
  return { getServiceKey: () => key ?? undefined, timeoutMs: 2000, env: { TRIALS_RETRY_BASE_MS: '5' }, ...overrides }
}

const dataUrl = () => `${fake.apiBase}${FAKE_ICREAT_NEW_PATH}`

function expectNoKey(text: string) {
  for (const form of [
    FAKE_ODCLOUD_KEY,
    FAKE_ODCLOUD_KEY_ENCODED,
    encodeURIComponent(FAKE_ODCLOUD_KEY_ENCODED),
    'Tk3y',
  ]) {
    expect(text).not.toContain(form)
  }
}

// Node's own HTTP stack (CLI, tests) and the fetch adapter (the app passes Electron's net.fetch there).
describe.each([
  ['node http adapter', {}],
  ['fetch adapter', { fetchImpl: globalThis.fetch }],
] as const)('createHttpClient over %s', (_name, adapter) => {
  it.each([
    ['Decoding key (raw + / =)', FAKE_ODCLOUD_KEY],
    ['Encoding key (%2B %2F %3D)', FAKE_ODCLOUD_KEY_ENCODED],
    [
      'Encoding key with lower-case escapes',
      FAKE_ODCLOUD_KEY_ENCODED.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    ],
  ])('sends the %s encoded exactly once, so the server accepts it', async (_label, key) => {
    const http = createHttpClient(config(adapter, key), { service: SERVICE })
    const response = await http.getText(dataUrl(), { query: { page: 1, perPage: 5 }, withKey: true })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).data).toHaveLength(5)
    expect(fake.requests.at(-1)?.receivedKey?.toUpperCase()).toBe(FAKE_ODCLOUD_KEY_ENCODED.toUpperCase())
    expect(fake.requests.at(-1)?.query).toMatchObject({ page: '1', perPage: '5' })
  })

  it('gives up after 4 requests when every try answers 500, as SERVER', async () => {
    fake.setFaults({ status500OnPage: 1 })
    const http = createHttpClient(config(adapter), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { query: { page: 1 }, withKey: true }))
    expect(error.code).toBe('SERVER')
    expect(error.message).toContain('HTTP 500')
    expect(fake.requests).toHaveLength(4)
  })

  it('rides out two 429s and succeeds on the third request', async () => {
    fake.setFaults({ status429Times: 2 })
    const retries: string[] = []
    const http = createHttpClient(config(adapter), { service: SERVICE, log: (line) => retries.push(line) })
    const response = await http.getText(dataUrl(), { query: { page: 1, perPage: 3 }, withKey: true })
    expect(response.status).toBe(200)
    expect(fake.requests).toHaveLength(3)
    expect(retries).toHaveLength(2)
    retries.forEach(expectNoKey)
  })

  it('reports QUOTA when 429 persists through every retry', async () => {
    fake.setFaults({ status429Times: 100 })
    const http = createHttpClient(config(adapter), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { withKey: true }))
    expect(error.code).toBe('QUOTA')
    expect(fake.requests).toHaveLength(4)
  })

  it.each([401, 403] as const)('does not retry a rejected key (HTTP %s) and says to check it', async (status) => {
    fake.setFaults({ wrongKey: status })
    const http = createHttpClient(config(adapter), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { withKey: true }))
    expect(error.code).toBe('AUTH')
    expect(error.message).toMatch(/service key was rejected.*Settings.*DATA_GO_KR_SERVICE_KEY.*활용신청/)
    expect(fake.requests).toHaveLength(1)
    expectNoKey(everythingAbout(error))
  })

  it('reports odcloud code -10 as QUOTA', async () => {
    fake.setFaults({ quotaExceeded: true })
    const http = createHttpClient(config(adapter), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { withKey: true }))
    expect(error.code).toBe('QUOTA')
    expect(error.message).toMatch(/limit/)
  })

  it('times out a server that never answers as TIMEOUT, after retrying, without leaking the key', async () => {
    fake.setFaults({ hang: true })
    const http = createHttpClient(config({ ...adapter, timeoutMs: 150 }), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { withKey: true }))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toMatch(/did not answer/)
    expect(fake.requests).toHaveLength(4)
    expectNoKey(everythingAbout(error))
  })

  it('reports a server that sends headers and then stalls as TIMEOUT, retried like any timeout', async () => {
    fake.setFaults({ stallAfterHeaders: true })
    const http = createHttpClient(config({ ...adapter, timeoutMs: 150 }), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { query: { page: 1, perPage: 5 }, withKey: true }))
    expect(error.code).toBe('TIMEOUT')
    expect(error.message).toMatch(/did not answer.*internet connection/)
    expect(fake.requests).toHaveLength(4)
    expectNoKey(everythingAbout(error))
  })

  it('gives up on a body that trickles in byte by byte (overall deadline per request) as TIMEOUT', async () => {
    // One byte every 20 ms never lets the 150 ms idle timeout fire; the whole page would take minutes.
    fake.setFaults({ trickleMs: 20 })
    const http = createHttpClient(config({ ...adapter, timeoutMs: 150 }), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { query: { page: 1, perPage: 50 }, withKey: true }))
    expect(error.code).toBe('TIMEOUT')
    expect(fake.requests).toHaveLength(4)
    expectNoKey(everythingAbout(error))
  })

  it('still accepts a slow but complete answer within the deadline', async () => {
    fake.setFaults({ trickleMs: 1 })
    const http = createHttpClient(config({ ...adapter, timeoutMs: 2000 }), { service: SERVICE })
    const response = await http.getText(dataUrl(), { query: { page: 1, perPage: 1 }, withKey: true })
    expect(JSON.parse(response.body).data).toHaveLength(1)
    expect(fake.requests).toHaveLength(1)
  })

  it('reports a refused connection as NETWORK without leaking the key or the URL', async () => {
    const closed = await startFakeOdcloud()
    const url = `${closed.apiBase}${FAKE_ICREAT_NEW_PATH}`
    await closed.close()
    const http = createHttpClient(config(adapter), { service: SERVICE })
    const error = await failureOf(http.getText(url, { withKey: true }))
    expect(error.code).toBe('NETWORK')
    expect(error.message).toMatch(/Could not connect.*internet connection/)
    expectNoKey(everythingAbout(error))
    expect(everythingAbout(error)).not.toContain('serviceKey=')
  })

  it('stops at once when cancelled: CANCELLED, not retried', async () => {
    fake.setFaults({ hang: true })
    const http = createHttpClient(config({ ...adapter, timeoutMs: 10_000 }), { service: SERVICE })
    const controller = new AbortController()
    const pending = http.getText(dataUrl(), { withKey: true, signal: controller.signal })
    setTimeout(() => controller.abort(), 100)
    const error = await failureOf(pending)
    expect(error.code).toBe('CANCELLED')
    expect(fake.requests).toHaveLength(1)
  })

  it('stops waiting between retries when cancelled during the backoff', async () => {
    fake.setFaults({ status500OnPage: 1 })
    const http = createHttpClient(config({ ...adapter, env: { TRIALS_RETRY_BASE_MS: '20000' } }), { service: SERVICE })
    const controller = new AbortController()
    const pending = http.getText(dataUrl(), { query: { page: 1 }, withKey: true, signal: controller.signal })
    setTimeout(() => controller.abort(), 150)
    const startedAt = Date.now()
    const error = await failureOf(pending)
    expect(error.code).toBe('CANCELLED')
    expect(Date.now() - startedAt).toBeLessThan(5000)
    expect(fake.requests).toHaveLength(1)
  })

  it('returns a 200 HTML body as text for the caller to judge (content-type says JSON)', async () => {
    fake.setFaults({ html200: true })
    const http = createHttpClient(config(adapter), { service: SERVICE })
    const response = await http.getText(dataUrl(), { withKey: true })
    expect(response.body).toMatch(/^<!DOCTYPE html>/)
  })
})

describe('createHttpClient without a key', () => {
  it('fails as NO_KEY before any request', async () => {
    const http = createHttpClient(config({}, null), { service: SERVICE })
    const error = await failureOf(http.getText(dataUrl(), { withKey: true }))
    expect(error.code).toBe('NO_KEY')
    expect(error.message).toMatch(/Settings.*DATA_GO_KR_SERVICE_KEY/)
    expect(fake.requests).toHaveLength(0)
  })

  it('fetches key-less documents without adding serviceKey', async () => {
    const http = createHttpClient(config({}, null), { service: SERVICE })
    const response = await http.getText(fake.docsUrl)
    expect(JSON.parse(response.body).swagger).toBe('2.0')
    expect(fake.requests.at(-1)?.receivedKey).toBeNull()
  })
})
