/** Every error form CRIS and the data.go.kr gateway answer with, as the clinician sees it; and the key never leaks. */
import { describe, expect, it } from 'vitest'
import { createCrisSource as createCrisSourceOf, testCrisKey } from '../../electron/core/sources/cris'
import type { SourceConfig } from '../../electron/core/sources/source'
import { listingOf } from '../helpers/listingOf'
import type { ErrorCode } from '../../shared/errors'
import { type CrisFault, FAKE_CRIS_KEY, type FaultRule } from '../fakes/crisServer'
import { crisTestConfig, fetchContext } from '../fakes/crisTestConfig'
import { useFakeCris } from '../fakes/fakeServers'
import { everythingAbout, failureOf } from '../helpers/failures'

const createCrisSource = (config: SourceConfig) => listingOf(createCrisSourceOf(config))

const fake = await useFakeCris({ count: 200, seed: 5 })

const KEY_FORMS = [
  FAKE_CRIS_KEY,
  encodeURIComponent(FAKE_CRIS_KEY),
  encodeURIComponent(encodeURIComponent(FAKE_CRIS_KEY)),
]

function sync(env: Record<string, string> = {}, key: string | null = FAKE_CRIS_KEY) {
  return createCrisSource(crisTestConfig(fake, { TRIALS_CRIS_DETAIL_BUDGET: '20', ...env }, key)).fetchAll(
    fetchContext(),
  )
}

const CASES: Array<{ name: string; fault: CrisFault; code: ErrorCode; says: RegExp }> = [
  {
    name: 'resultCode 20 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '20' },
    code: 'AUTH',
    says: /key was rejected.*Settings/,
  },
  {
    name: 'resultCode 30 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '30' },
    code: 'AUTH',
    says: /key was rejected/,
  },
  {
    name: 'resultCode 31 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '31' },
    code: 'AUTH',
    says: /key was rejected/,
  },
  {
    name: 'resultCode 32 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '32' },
    code: 'AUTH',
    says: /key was rejected/,
  },
  {
    name: 'resultCode 22 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '22' },
    code: 'QUOTA',
    says: /daily call limit.*tomorrow.*운영계정/,
  },
  // 23 is the per-second limit: waiting a minute cures it, so the message must not say "tomorrow".
  {
    name: 'resultCode 23 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '23' },
    code: 'QUOTA',
    says: /^(?!.*tomorrow).*per second.*Wait a minute.*TRIALS_CRIS_RATE/,
  },
  {
    name: 'resultCode 01 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '01' },
    code: 'SERVER',
    says: /error 01 \(APPLICATION_ERROR\).*try again later/,
  },
  {
    name: 'resultCode 99 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '99' },
    code: 'SERVER',
    says: /error 99/,
  },
  {
    name: 'resultCode 10 (JSON, HTTP 200)',
    fault: { form: 'result-code', code: '10' },
    code: 'BAD_RESPONSE',
    says: /error 10 \(INVALID_REQUEST_PARAMETER_ERROR\).*report/,
  },
  {
    name: 'gateway XML 30, HTTP 403',
    fault: { form: 'gateway-xml', status: 403, code: '30' },
    code: 'AUTH',
    says: /key was rejected/,
  },
  {
    name: 'gateway XML 20, HTTP 401',
    fault: { form: 'gateway-xml', status: 401, code: '20', authMessage: 'SERVICE_KEY_IS_NULL' },
    code: 'AUTH',
    says: /key was rejected/,
  },
  {
    name: 'gateway XML 30, HTTP 200',
    fault: { form: 'gateway-xml', status: 200, code: '30' },
    code: 'AUTH',
    says: /key was rejected/,
  },
  {
    name: 'gateway XML 22, HTTP 200',
    fault: { form: 'gateway-xml', status: 200, code: '22' },
    code: 'QUOTA',
    says: /daily call limit.*tomorrow/,
  },
  {
    name: 'gateway XML 22, HTTP 403',
    fault: { form: 'gateway-xml', status: 403, code: '22' },
    code: 'QUOTA',
    says: /daily call limit/,
  },
  {
    name: 'gateway XML 23, HTTP 403',
    fault: { form: 'gateway-xml', status: 403, code: '23' },
    code: 'QUOTA',
    says: /^(?!.*tomorrow).*per second.*Wait a minute/,
  },
  {
    name: 'gateway JSON 23, HTTP 200',
    fault: { form: 'gateway-json', status: 200, code: '23' },
    code: 'QUOTA',
    says: /^(?!.*tomorrow).*per second/,
  },
  {
    name: 'gateway XML 05, HTTP 200',
    fault: { form: 'gateway-xml', status: 200, code: '05' },
    code: 'SERVER',
    says: /error 05 \(SERVICETIMEOUT_ERROR\)/,
  },
  {
    name: 'gateway JSON 20, HTTP 401',
    fault: { form: 'gateway-json', status: 401, code: '20' },
    code: 'AUTH',
    says: /key was rejected/,
  },
  {
    name: 'gateway JSON 22, HTTP 200',
    fault: { form: 'gateway-json', status: 200, code: '22' },
    code: 'QUOTA',
    says: /daily call limit/,
  },
  {
    name: 'gateway JSON 10, HTTP 200',
    fault: { form: 'gateway-json', status: 200, code: '10' },
    code: 'BAD_RESPONSE',
    says: /error 10/,
  },
  {
    name: 'plain-text Forbidden, HTTP 403',
    fault: { form: 'forbidden' },
    code: 'AUTH',
    says: /approval can take an hour/,
  },
  {
    name: 'HTTP 503 with an HTML page',
    fault: { form: 'http', status: 503 },
    code: 'SERVER',
    says: /HTTP 503.*try again later/,
  },
]

describe.each(['list', 'detail'] as const)('an error answer to /%s', (op) => {
  it.each(CASES)('$name → $code', async ({ fault, code, says }) => {
    const rule: FaultRule = { fault, op }
    fake.addFault(rule)
    const error = await failureOf(sync())
    expect(error.code).toBe(code)
    expect(error.message).toMatch(says)
    for (const form of KEY_FORMS) expect(everythingAbout(error)).not.toContain(form)
  })
})

describe('other failures', () => {
  it('a wrong key is AUTH and names the next step', async () => {
    const error = await failureOf(sync({}, 'wrong+key/abcdefgh=='))
    expect(error.code).toBe('AUTH')
    expect(error.message).toMatch(/Settings/)
    expect(everythingAbout(error)).not.toContain('wrong+key')
  })

  it('no key is NO_KEY, without calling CRIS', async () => {
    const error = await failureOf(sync({}, null))
    expect(error.code).toBe('NO_KEY')
    expect(fake.calls.total).toBe(0)
  })

  it('a 5xx is retried a few times before giving up', async () => {
    fake.addFault({ fault: { form: 'http', status: 500 }, op: 'list' })
    await failureOf(sync())
    expect(fake.calls.list).toBe(4)
  })

  it('a slow server is a TIMEOUT', async () => {
    fake.setLatency(400)
    const config = { ...crisTestConfig(fake, { TRIALS_CRIS_DETAIL_BUDGET: '0' }), timeoutMs: 100 }
    const error = await failureOf(createCrisSource(config).fetchAll(fetchContext()))
    expect(error.code).toBe('TIMEOUT')
  })

  it('an unreadable body is BAD_RESPONSE', async () => {
    fake.addFault({ fault: { form: 'http', status: 200 }, op: 'list' })
    const error = await failureOf(sync())
    expect(error.code).toBe('BAD_RESPONSE')
    expect(error.message).toMatch(/cannot read \(a web page\)/)
  })

  it('cancelling stops the sync with CANCELLED', async () => {
    fake.setLatency(20)
    const controller = new AbortController()
    const run = createCrisSource(crisTestConfig(fake, { TRIALS_CRIS_DETAIL_BUDGET: '200' })).fetchAll(
      fetchContext(new Map(), controller.signal),
    )
    setTimeout(() => controller.abort(), 60)
    const error = await failureOf(run)
    expect(error.code).toBe('CANCELLED')
    expect(fake.calls.detail).toBeLessThan(200)
  })
})

describe('QUOTA in the middle of the details', () => {
  it('stops at once: no retries, nothing queued is sent afterwards', async () => {
    fake.setLatency(5)
    // 4 list pages, then 30 details succeed, then the daily limit.
    fake.addFault({ fault: { form: 'gateway-xml', status: 200, code: '22' }, afterCalls: 34 })
    const error = await failureOf(sync({ TRIALS_CRIS_DETAIL_BUDGET: '200' }))
    expect(error.code).toBe('QUOTA')
    expect(error.message).toMatch(/daily call limit.*Try again tomorrow.*운영계정/)
    // At most the calls already in flight (concurrency 4) follow the first QUOTA answer.
    await fake.settle()
    expect(fake.calls.total).toBeLessThanOrEqual(35 + 3)
  })
})

describe('testCrisKey', () => {
  it('reports how many trials CRIS has, with one call', async () => {
    await expect(testCrisKey(crisTestConfig(fake))).resolves.toEqual({ totalCount: 200 })
    expect(fake.calls).toEqual({ list: 1, detail: 0, total: 1 })
    expect(new URL(fake.requestUrls[0], 'http://x').searchParams.get('numOfRows')).toBe('1')
  })

  it('rejects a wrong key with AUTH', async () => {
    const error = await failureOf(testCrisKey(crisTestConfig(fake, {}, 'not+the/key=')))
    expect(error.code).toBe('AUTH')
  })
})
