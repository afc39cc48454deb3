import { describe, expect, it } from 'vitest'
import { createIcreatSource, revisionsFromSwagger } from '../../electron/core/sources/icreat'
import { sourceConfigFromEnv } from '../../electron/core/sources/config'
import { createSources } from '../../electron/core/sources'

const NEW = '/3074271/v1/uddi:7f3c2a10-5b8e-4d61-9a2f-0c4e8b1d6a53'
const OLD = '/3074271/v1/uddi:cfc19dda-6f75-4c57-86a8-bb9c8b103887'
const STAMPED = '/3074271/v1/uddi:a5346e5a-1111-2222-3333-897d4ac79299_202408071139'

describe('revision discovery from the Swagger document', () => {
  it('picks the newest file date in summary, whatever the listing order', () => {
    const doc = {
      paths: {
        [NEW]: { get: { summary: '질병관리청_임상연구 과제정보_20240730' } },
        [OLD]: { get: { summary: '질병관리청_임상연구 과제정보_20220101' } },
        '/3074271/v1/not-a-revision': { get: { summary: 'x_20991231' } },
        '/9999999/v1/uddi:7f3c2a10-5b8e-4d61-9a2f-0c4e8b1d6a53': { get: { summary: 'x_20991231' } },
      },
    }
    expect(revisionsFromSwagger(doc).map((r) => r.path)).toEqual([NEW, OLD])
    expect(revisionsFromSwagger(doc)[0].fileDate).toBe('20240730')
  })

  it('breaks a same-date tie by the upload stamp and ranks undated paths last', () => {
    const doc = {
      paths: {
        [OLD]: { get: { summary: 'no date here' } },
        [NEW]: { get: { summary: 'file_20240730' } },
        [STAMPED]: { get: { summary: 'file_20240730' } },
      },
    }
    expect(revisionsFromSwagger(doc).map((r) => r.path)).toEqual([STAMPED, NEW, OLD])
  })

  it('finds nothing usable in a document without paths', () => {
    expect(revisionsFromSwagger({ swagger: '2.0' })).toEqual([])
    expect(revisionsFromSwagger('<html>')).toEqual([])
  })
})

describe('icreat common fields', () => {
  const source = createIcreatSource(sourceConfigFromEnv({}))
  const row = {
    과제번호: 'C130010',
    과제명: ' 조직구증식증 임상연구 네트워크 구축 및 운영(HLH) ',
    연구기간: '3년',
    연구범위: '국내다기관',
    연구종류: '관찰연구',
    연구책임기관: '서울아산병원',
    '임상시험단계(연구모형)': '코호트',
    전체목표연구대상자수: '120',
    진료과: 'Pediatrics',
  }

  it('maps every iCReaT column onto its common field', () => {
    expect(source.toCommon(row)).toEqual({
      title: '조직구증식증 임상연구 네트워크 구축 및 운영(HLH)',
      institution: '서울아산병원',
      // 연구책임기관 is where the study runs: the site, under its canonical name, with the spelling iCReaT used.
      sites: [{ name: '서울아산병원', nameEn: 'Asan Medical Center', sourceName: '서울아산병원' }],
      department: 'Pediatrics',
      phase: '코호트',
      phases: ['not_applicable'],
      studyType: '관찰연구',
      scope: '국내다기관',
      period: '3년',
      targetSize: '120',
    })
  })

  it('gives the same target size for 120 and "120", and leaves empty values absent', () => {
    expect(source.toCommon({ ...row, 전체목표연구대상자수: 120 }).targetSize).toBe('120')
    const sparse = source.toCommon({
      과제번호: 'C1',
      과제명: '제목',
      전체목표연구대상자수: '',
      진료과: null,
      연구기간: '  ',
    })
    expect(sparse).toEqual({ title: '제목' })
  })

  it('names the column behind each common field, for --field filters', () => {
    expect(source.columnToCommon).toMatchObject({
      진료과: 'department',
      '임상시험단계(연구모형)': 'phases',
      연구책임기관: 'sites',
      과제명: 'title',
    })
  })

  it('credits the source under KOGL Type 1 with the portal link', () => {
    expect(source.attribution('C130010')).toEqual({
      text: '출처: 질병관리청 임상연구 과제정보(iCReaT), 공공데이터포털 — 공공누리 제1유형',
      licence: '공공누리 제1유형 (KOGL Type 1)',
      url: 'https://www.data.go.kr/data/3074271/fileData.do',
    })
  })
})

describe('source configuration', () => {
  it('reads the timeout and key from the environment, with a 15 s default', () => {
    const fromEnv = sourceConfigFromEnv({ TRIALS_TIMEOUT_MS: '2500', DATA_GO_KR_SERVICE_KEY: ' k+ey= ' })
    expect(fromEnv.timeoutMs).toBe(2500)
    expect(fromEnv.getServiceKey()).toBe('k+ey=')
    expect(sourceConfigFromEnv({ TRIALS_TIMEOUT_MS: 'soon' }).timeoutMs).toBe(15_000)
    expect(sourceConfigFromEnv({}).getServiceKey()).toBeUndefined()
  })

  it('prefers the app key store over the environment', () => {
    expect(sourceConfigFromEnv({ DATA_GO_KR_SERVICE_KEY: 'env' }, () => 'stored').getServiceKey()).toBe('stored')
  })

  it('registers the icreat source', () => {
    expect(createSources(sourceConfigFromEnv({})).map((s) => s.id)).toContain('icreat')
  })
})
