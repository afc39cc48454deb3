/** The source-agnostic HTTP layer (used by every source client). */
export { createHttpClient, type HttpClient, type HttpClientOptions, type HttpGetOptions, type HttpTextResponse } from './createHttpClient'
export { badResponseError, cancelledError, classifyErrorBody, classifyHttpError, classifyStatus, type ClassifyContext } from './classifyError'
export { httpMessages } from './messages'
export { REDACTED, redactSecrets } from './redact'
export { buildQueryString, encodeServiceKey, normalizeServiceKey, withQuery, type QueryValue } from './serviceKey'
export { bodyExcerpt, sniffBody, type SniffedBody } from './sniffBody'
export { MAX_RETRIES, DEFAULT_RETRY_BASE_MS, backoffDelayMs } from './retryPolicy'
