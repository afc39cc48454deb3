import type { Migration } from './format'

export class UnsupportedSchemaError extends Error {
  constructor(
    message: string,
    readonly newer = false,
  ) {
    super(message)
  }
}

/** Applies migrations in order until the data is at `target`. Throws for versions from the future. */
export function migrate(
  raw: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>>,
  target: number,
): Record<string, unknown> {
  let data = raw
  let version = typeof data.schemaVersion === 'number' ? data.schemaVersion : 0
  if (version > target) {
    throw new UnsupportedSchemaError(`schema version ${version} is newer than this app (${target})`, true)
  }
  while (version < target) {
    const step = migrations[version]
    if (!step) throw new UnsupportedSchemaError(`no migration from schema version ${version}`)
    data = step(data)
    const next = typeof data.schemaVersion === 'number' ? data.schemaVersion : version
    if (next <= version) throw new UnsupportedSchemaError(`migration from version ${version} did not advance`)
    version = next
  }
  return data
}
