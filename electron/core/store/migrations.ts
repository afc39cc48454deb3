import { recomputeCommonFields } from '../sources/recomputeCommon'
import { SCHEMA_VERSION } from './types'

/**
 * Upgrades from older schema versions, keyed by the version they upgrade FROM.
 * The table gains an entry whenever SCHEMA_VERSION is raised.
 * Version 0 is a pre-release layout without `schemaVersion`, `sources` or `syncLog`.
 * Version 1 → 2: the clinical model (recruitment, phases, sponsor, sites, canonical institution, conditions) is
 * computed from the stored source fields, offline; the fields themselves and the history are untouched.
 */
export const MIGRATIONS: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  0: (data) => ({ ...data, schemaVersion: 1, sources: data.sources ?? {}, syncLog: data.syncLog ?? [] }),
  1: (data) => ({ ...data, schemaVersion: 2, trials: Array.isArray(data.trials) ? data.trials.map(recomputeCommonFields) : data.trials }),
}

export class UnsupportedSchemaError extends Error {}

/** Applies migrations in order until the data is at SCHEMA_VERSION. Throws for versions from the future. */
export function migrateStoreData(raw: Record<string, unknown>, migrations = MIGRATIONS, target = SCHEMA_VERSION): Record<string, unknown> {
  let data = raw
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0
  if (version > target) {
    throw new UnsupportedSchemaError(`store schema version ${version} is newer than this app (${target})`)
  }
  while (version < target) {
    const step = migrations[version]
    if (!step) throw new UnsupportedSchemaError(`no migration from store schema version ${version}`)
    data = step(data)
    const next = typeof data.schemaVersion === 'number' ? data.schemaVersion : version
    if (next <= version) throw new UnsupportedSchemaError(`migration from version ${version} did not advance`)
    version = next
  }
  return data
}
