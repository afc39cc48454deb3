/** ClinicalTrials.gov API v2: studies with sites in Korea (no key). */
export { createCtgovSource } from './createCtgovSource'
export { testCtgovConnection } from './testCtgovConnection'
