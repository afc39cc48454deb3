/** "Test key" for CRIS: one /list call for a single row proves the key works and reports how many trials CRIS has. */
import type { SourceConfig } from '../source'
import { createCrisClient } from './crisClient'
import { resolveCrisSettings } from './crisConfig'

export async function testCrisKey(config: SourceConfig, signal?: AbortSignal): Promise<{ totalCount: number }> {
  const client = createCrisClient(config, resolveCrisSettings(config), signal)
  const page = await client.listPage(1, 1)
  return { totalCount: page.totalCount }
}
