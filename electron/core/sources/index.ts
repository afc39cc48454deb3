/** Every built-in source, in sync order. */
import { createCrisSource, type CrisSourceOptions } from './cris'
import { createCtgovSource } from './ctgov'
import { createIcreatSource } from './icreat'
import type { Source, SourceConfig } from './source'

export interface SourceOptions {
  /** The app passes its settings' CRIS detail budget (a function, so a change applies at the next sync). */
  cris?: CrisSourceOptions
}

export function createSources(config: SourceConfig, options: SourceOptions = {}): Source[] {
  return [createIcreatSource(config), createCrisSource(config, options.cris), createCtgovSource(config)]
}

export { sourceConfigFromEnv } from './config'
