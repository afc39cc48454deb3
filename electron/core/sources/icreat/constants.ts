/** Fixed facts about data.go.kr file dataset 3074271 (질병관리청 임상연구 과제정보, iCReaT) served by odcloud. */
export const ICREAT_SERVICE_LABEL = 'iCReaT (data.go.kr 3074271)'
export const DEFAULT_ICREAT_DOCS_URL = 'https://infuser.odcloud.kr/oas/docs?namespace=3074271/v1'
export const DEFAULT_ICREAT_API_BASE = 'https://api.odcloud.kr/api'
/** The 2022 revision every known client used; the last resort when discovery fails and nothing worked before. */
export const ICREAT_FALLBACK_PATH = '/3074271/v1/uddi:cfc19dda-6f75-4c57-86a8-bb9c8b103887'
/** A revision path: `/3074271/v1/uddi:<uuid>`, some with a `_YYYYMMDDhhmm` upload stamp. */
export const ICREAT_PATH_PATTERN =
  /^\/3074271\/v1\/uddi:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:_(\d{12}))?$/i
/** Key under which the last working revision path is kept in the store's per-source state. */
export const REVISION_STATE_KEY = 'revisionPath'
export const ID_COLUMN = '과제번호'

export const ICREAT_ATTRIBUTION = {
  text: '출처: 질병관리청 임상연구 과제정보(iCReaT), 공공데이터포털 — 공공누리 제1유형',
  licence: '공공누리 제1유형 (KOGL Type 1)',
  url: 'https://www.data.go.kr/data/3074271/fileData.do',
} as const

export function icreatUrls(env: Readonly<Record<string, string | undefined>>): { docsUrl: string; apiBase: string } {
  return {
    docsUrl: env.TRIALS_ICREAT_DOCS?.trim() || DEFAULT_ICREAT_DOCS_URL,
    apiBase: (env.TRIALS_ICREAT_API?.trim() || DEFAULT_ICREAT_API_BASE).replace(/\/+$/, ''),
  }
}
