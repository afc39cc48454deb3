/** CRIS, the Korean clinical research registry (data.go.kr dataset 3033869). */
export { createCrisSource, CRIS_BOOKKEEPING_FIELDS } from './createCrisSource'
export { testCrisKey } from './testCrisKey'
export { crisAttribution, crisToCommon, CRIS_ATTRIBUTION_TEXT, CRIS_COLUMN_TO_COMMON, CRIS_LICENCE } from './crisCommon'
export { DEFAULT_CRIS_API, DEFAULT_DETAIL_BUDGET, DEFAULT_RATE_PER_SECOND, type CrisSourceOptions } from './crisConfig'
