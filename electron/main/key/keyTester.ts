/** "Test connection" in Settings: one tiny iCReaT request with the given key (the core's testIcreatKey). */
import { testIcreatKey } from '../../core/sources/icreat'
import type { SourceConfig } from '../../core/sources/source'

export function createKeyTester(base: SourceConfig) {
  return async (key: string, signal: AbortSignal): Promise<{ totalCount: number }> => {
    const { totalCount } = await testIcreatKey({ ...base, getServiceKey: () => key }, signal)
    return { totalCount }
  }
}
