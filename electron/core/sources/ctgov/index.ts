/** ClinicalTrials.gov API v2: studies with sites in Korea (no key). */
export { createCtgovSource } from './createCtgovSource'
export { ctgovAttribution, ctgovToCommon, CTGOV_ATTRIBUTION_TEXT } from './ctgovCommon'
export { DEFAULT_CTGOV_API, DEFAULT_CTGOV_RATE } from './ctgovConfig'
export { testCtgovConnection } from './testCtgovConnection'
