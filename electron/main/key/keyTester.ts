/** "Test connection" in Settings: one tiny request per source with the given key (활용신청 is per dataset). */
import type { SourceId } from '../../../shared/trials'
import { testCrisKey } from '../../core/sources/cris'
import { testCtgovConnection } from '../../core/sources/ctgov'
import { testIcreatKey } from '../../core/sources/icreat'
import type { SourceConfig } from '../../core/sources/source'

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
