/** "Test connection" in Settings: one tiny request per source with the given key (활용신청 is per dataset). */
import type { SourceId } from '../../../shared/trials'
import { testCrisKey } from './cris'
import { testCtgovConnection } from './ctgov'
import { testIcreatKey } from './icreat'
import type { SourceConfig } from './source'

const TESTERS: Record<SourceId, typeof testIcreatKey> = {
  icreat: testIcreatKey,
  cris: testCrisKey,
  ctgov: testCtgovConnection,
}

export function createKeyTester(base: SourceConfig) {
  return async (key: string, signal: AbortSignal, source: SourceId = 'icreat'): Promise<{ totalCount: number }> => {
    const { totalCount } = await TESTERS[source]({ ...base, getServiceKey: () => key }, signal)
    return { totalCount }
  }
}
