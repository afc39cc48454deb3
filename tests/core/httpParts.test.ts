import { describe, expect, it } from 'vitest'
import {
  backoffDelayMs,
  buildQueryString,
  classifyErrorBody,
  classifyStatus,
  encodeServiceKey,
  normalizeServiceKey,
  redactSecrets,
  sniffBody,
} from '../../electron/core/http'

const KEY = 'Ab+Cd/Ef==Gh+Ij/Kl'
const ENCODED = 'Ab%2BCd%2FEf%3D%3DGh%2BIj%2FKl'
const ctx = { service: 'iCReaT (data.go.kr 3074271)', serviceKey: KEY }

describe('service key forms', () => {
  it('normalises both portal forms to the same decoded key', () => {
    expect(normalizeServiceKey(KEY)).toBe(KEY)
    expect(normalizeServiceKey(ENCODED)).toBe(KEY)
    expect(normalizeServiceKey(`  ${ENCODED}\n`)).toBe(KEY)
  })

  it('encodes exactly once, whichever form was pasted', () => {
    expect(encodeServiceKey(KEY)).toBe(ENCODED)
    expect(encodeServiceKey(ENCODED)).toBe(ENCODED)
    expect(buildQueryString({ page: 2, perPage: 1000, skipped: undefined }, ENCODED)).toBe(
      `serviceKey=${ENCODED}&page=2&perPage=1000`,
    )
  })

  it('encodes Korean parameter names and values', () => {
    expect(buildQueryString({ 'cond[진료과::EQ]': 'A&B' })).toBe(`${encodeURIComponent('cond[진료과::EQ]')}=A%26B`)
  })
})

describe('redactSecrets', () => {
  it.each([
    ['raw', `key ${KEY} end`],
    ['encoded once', `GET /api/x?page=1&x=${ENCODED}`],
    ['encoded twice', `url ${encodeURIComponent(ENCODED)}`],
    ['lower-case escapes', `url ${ENCODED.toLowerCase()}`],
    ['+ decoded as space', `got ${KEY.replace(/\+/g, ' ')}`],
  ])('removes the key %s', (_form, text) => {
    const out = redactSecrets(text, KEY)
    expect(out).toContain('***')
    expect(out).not.toMatch(/Cd|Ef|Ij/)
  })

  it('removes any serviceKey= value, even an unknown key, and Infuser headers', () => {
    const out = redactSecrets('https://h/api?serviceKey=SOMEOTHER%2Bkey&page=1 Authorization: Infuser abc123', null)
    expect(out).toBe('https://h/api?serviceKey=***&page=1 Authorization: Infuser ***')
  })

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('HTTP 500 from api.odcloud.kr', KEY)).toBe('HTTP 500 from api.odcloud.kr')
  })
})

describe('sniffBody', () => {
  it.each([
    ['{"data":[]}', 'json'],
    ['\uFEFF [1,2]', 'json'],
    ['<!DOCTYPE html><html></html>', 'html'],
    ['<html><body>x</body></html>', 'html'],
    ['<?xml version="1.0"?><OpenAPI_ServiceResponse/>', 'xml'],
    ['Forbidden', 'text'],
    ['{"data": [', 'text'],
    ['', 'text'],
  ])('%j is %s', (body, kind) => {
    expect(sniffBody(body).kind).toBe(kind)
  })
})

describe('classifying error bodies and statuses', () => {
  it('odcloud -4 is AUTH and -10 is QUOTA whatever the status', () => {
    expect(classifyErrorBody('{"code":-4,"msg":"등록되지 않은 인증키 입니다."}\n', ctx)?.code).toBe('AUTH')
    expect(classifyStatus(400, '{"code":-10,"msg":"x"}', ctx).code).toBe('QUOTA')
  })

  it('data.go.kr gateway XML/JSON reason codes map to AUTH and QUOTA', () => {
    const xml =
      '<OpenAPI_ServiceResponse><cmmMsgHeader><errMsg>SERVICE ERROR</errMsg><returnAuthMsg>SERVICE_KEY_IS_NOT_REGISTERED_ERROR</returnAuthMsg><returnReasonCode>30</returnReasonCode></cmmMsgHeader></OpenAPI_ServiceResponse>'
    expect(classifyErrorBody(xml, ctx)?.code).toBe('AUTH')
    expect(classifyErrorBody('{"OpenAPI_ServiceResponse":{"cmmMsgHeader":{"returnReasonCode":"22"}}}', ctx)?.code).toBe(
      'QUOTA',
    )
    expect(classifyErrorBody('{"data":[]}', ctx)).toBeNull()
  })

  it.each([
    [401, 'Unauthorized', 'AUTH'],
    [403, 'Forbidden', 'AUTH'],
    [429, 'Too Many Requests', 'QUOTA'],
    [502, '<html>Bad Gateway</html>', 'SERVER'],
    [404, '{"code":-3}', 'BAD_RESPONSE'],
  ])('HTTP %s is %s', (status, body, code) => {
    const error = classifyStatus(status, body, ctx)
    expect(error.code).toBe(code)
    expect(error.toJSON()).toEqual({ code, message: error.message })
  })
})

describe('backoff', () => {
  it('doubles per retry with at most 25% jitter', () => {
    expect(backoffDelayMs(1, 500, () => 0)).toBe(500)
    expect(backoffDelayMs(2, 500, () => 0)).toBe(1000)
    expect(backoffDelayMs(3, 500, () => 1)).toBe(2500)
  })
})
