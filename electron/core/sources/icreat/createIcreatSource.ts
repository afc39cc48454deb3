/** The `icreat` source: data.go.kr file dataset 3074271 (iCReaT 임상연구 과제정보) via odcloud. */
import { createHttpClient } from '../../http'
import { MAX_LISTING_ATTEMPTS } from '../listingConsistency'
import type { FetchContext, FetchResult, Source, SourceConfig } from '../source'
import { ICREAT_ATTRIBUTION, ICREAT_SERVICE_LABEL, REVISION_STATE_KEY, icreatUrls } from './constants'
import { discoverRevision } from './discoverRevision'
import { PER_PAGE, fetchListing } from './fetchListing'
import { ICREAT_COLUMN_TO_COMMON, icreatToCommon } from './icreatCommon'

export function createIcreatSource(config: SourceConfig): Source {
  const http = createHttpClient(config, { service: ICREAT_SERVICE_LABEL })
  const { docsUrl, apiBase } = icreatUrls(config.env)

  async function fetchAll(ctx: FetchContext): Promise<FetchResult> {
    ctx.onProgress({ phase: 'discover', done: 0, total: null })
    const revision = await discoverRevision(http, docsUrl, ctx.state[REVISION_STATE_KEY], ctx.warn, ctx.signal)
    const listing = await fetchListing({
      http,
      dataUrl: `${apiBase}${revision.path}`,
      classify: http.classifyContext(),
      signal: ctx.signal,
      onProgress: ctx.onProgress,
      warn: ctx.warn,
      addRows: ctx.addRows,
      restartListing: ctx.restartListing,
    })
    return {
      rejected: listing.rejected,
      listing: listing.verdict,
      // Remember the revision that just worked: the fallback when the Swagger document is down next time.
      state: {
        ...ctx.state,
        [REVISION_STATE_KEY]: revision.path,
        ...(revision.fileDate ? { revisionFileDate: revision.fileDate } : {}),
      },
    }
  }

  return {
    id: 'icreat',
    // The Swagger document, then every page (twice, if the listing shifts), one after another.
    plan: (storedRecords) => ({
      calls: 1 + Math.max(1, Math.ceil(storedRecords / PER_PAGE)) * MAX_LISTING_ATTEMPTS,
      msPerCall: config.timeoutMs,
      timeoutMs: config.timeoutMs,
    }),
    fetchAll,
    toCommon: icreatToCommon,
    columnToCommon: ICREAT_COLUMN_TO_COMMON,
    attribution: () => ({ ...ICREAT_ATTRIBUTION }),
  }
}
