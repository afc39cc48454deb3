/** "Test connection" for ClinicalTrials.gov: no key to test, one small call shows how many Korean-site studies it has. */
import type { SourceConfig } from '../source'
import { createCtgovClient } from './ctgovClient'
import { resolveCtgovSettings } from './ctgovConfig'
import { ID_FIELDS, studiesQuery } from './ctgovQuery'

export async function testCtgovConnection(config: SourceConfig, signal?: AbortSignal): Promise<{ totalCount: number }> {
  const client = createCtgovClient(config, resolveCtgovSettings(config), signal ?? new AbortController().signal)
  const page = await client.studiesPage(studiesQuery({ kind: 'all' }, ID_FIELDS), { pageSize: 1, countTotal: true })
  return { totalCount: page.totalCount ?? page.studies.length }
}
