/** Every built-in source, in sync order. */
import { createCrisSource } from './cris'
import { createIcreatSource } from './icreat'
import type { Source, SourceConfig } from './source'

export function createSources(config: SourceConfig): Source[] {
  return [createIcreatSource(config), createCrisSource(config)]
}

export { sourceConfigFromEnv, DEFAULT_TIMEOUT_MS } from './config'
