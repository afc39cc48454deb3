/** CRIS, the Korean clinical research registry (data.go.kr dataset 3033869). */
export { createCrisSource } from './createCrisSource'
export { testCrisKey } from './testCrisKey'
export { crisToCommon } from './crisCommon'
export type { CrisSourceOptions } from './crisConfig'
