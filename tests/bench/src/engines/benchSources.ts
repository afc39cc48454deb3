import { crisAttribution, crisToCommon } from '../../../../electron/core/sources/cris/crisCommon'
import { ctgovAttribution, ctgovToCommon } from '../../../../electron/core/sources/ctgov/ctgovCommon'
import { CTGOV_BOOKKEEPING_FIELDS } from '../../../../electron/core/sources/ctgov/studyFields'
import { icreatToCommon } from '../../../../electron/core/sources/icreat/icreatCommon'
import type { Source } from '../../../../electron/core/sources/source'
import type { SourceId } from '../../../../shared/trials'

const notFetching = () => Promise.reject(new Error('the benchmark never fetches'))

/**
 * The parts of each source the sync diff uses (common-field mapping, bookkeeping fields), without their
 * HTTP clients: the bench diffs listings it generated, it never calls a registry.
 */
export const BENCH_SOURCES: Readonly<Record<SourceId, Source>> = {
  icreat: {
    id: 'icreat',
    fetchAll: notFetching,
    toCommon: icreatToCommon,
    attribution: () => ({ text: '출처: 공공데이터포털', licence: '공공누리', url: 'https://www.data.go.kr' }),
  },
  cris: {
    id: 'cris',
    fetchAll: notFetching,
    toCommon: crisToCommon,
    bookkeepingFields: ['date_updated'],
    attribution: crisAttribution,
  },
  ctgov: {
    id: 'ctgov',
    fetchAll: notFetching,
    toCommon: ctgovToCommon,
    bookkeepingFields: CTGOV_BOOKKEEPING_FIELDS,
    attribution: ctgovAttribution,
  },
}
