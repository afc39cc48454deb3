/** Settings → "test connection": one tiny request with the current key. */
import { createHttpClient } from '../../http'
import type { SourceConfig } from '../source'
import { ICREAT_SERVICE_LABEL, icreatUrls } from './constants'
import { discoverRevision } from './discoverRevision'
import { parsePage } from './parsePage'

/** Resolves the row count the API reports for the newest revision, or throws the classified TrialsError. */
export async function testIcreatKey(config: SourceConfig, signal?: AbortSignal): Promise<{ totalCount: number }> {
  const http = createHttpClient(config, { service: ICREAT_SERVICE_LABEL })
  const { docsUrl, apiBase } = icreatUrls(config.env)
  const revision = await discoverRevision(http, docsUrl, undefined, () => {}, signal)
  const response = await http.getText(`${apiBase}${revision.path}`, {
    query: { page: 1, perPage: 1, returnType: 'JSON' },
    withKey: true,
    signal,
  })
  const page = parsePage(response.body, http.classifyContext())
  return { totalCount: page.totalCount ?? page.rows.length }
}
