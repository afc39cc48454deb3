/** The source-agnostic HTTP layer (used by every source client). */
export { createHttpClient, type HttpClient } from './createHttpClient'
export {
  badResponseError,
  cancelledError,
  classifyErrorBody,
  classifyStatus,
  type ClassifyContext,
} from './classifyError'
export { httpMessages } from './messages'
export { redactSecrets } from './redact'
export { buildQueryString, encodeServiceKey, normalizeServiceKey } from './serviceKey'
export { sniffBody } from './sniffBody'
export { backoffDelayMs } from './retryPolicy'
