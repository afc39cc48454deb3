import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RECRUITING_NOW } from '../../shared/clinical'
import { DEFAULT_SETTINGS, PREFERRED_REGISTRIES } from '../../shared/settings'
import { FACET_FIELDS, KEYLESS_SOURCES } from '../../shared/trials'
import { FALLBACK_SETTINGS } from '../../renderer/src/lib/fallbackSettings'
import { FACETS } from '../../renderer/src/lib/query'
import {
  KEYLESS_SOURCES as RENDERER_KEYLESS,
  PREFERRED_REGISTRIES as RENDERER_REGISTRIES,
  RECRUITING_NOW as RENDERER_RECRUITING_NOW,
} from '../../renderer/src/lib/sources'

const SRC = resolve(__dirname, '..', '..', 'renderer', 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

/** Import / export-from statements that bring runtime values (not only types) from shared/. */
function runtimeSharedImports(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const statements = (
    text.match(/^(?:import|export)\s+(?:type\s+)?(?:\{[^}]*\}|[\w*\s,]+?)\s*from\s+['"][^'"]+['"]/gm) ?? []
  ).filter((s) => /from\s+['"][^'"]*\/shared\//.test(s))
  return statements.filter((s) => {
    if (/^(import|export)\s+type\s/.test(s)) return false
    const names = /\{([^}]*)\}/.exec(s)?.[1]
    if (names === undefined) return true // default or namespace import
    return names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .some((n) => !n.startsWith('type '))
  })
}

describe('renderer bundle', () => {
  it('takes only types from shared/, so no shared runtime code is bundled', () => {
    const offenders = sourceFiles(SRC).flatMap((f) =>
      runtimeSharedImports(f).map((s) => `${f.slice(SRC.length + 1)}: ${s}`),
    )
    expect(offenders).toEqual([])
  })

  it('keeps its own copies in step with shared/', () => {
    expect(FALLBACK_SETTINGS).toEqual(DEFAULT_SETTINGS)
    expect([...FACETS].sort()).toEqual([...FACET_FIELDS].sort())
    expect(RENDERER_KEYLESS).toEqual(KEYLESS_SOURCES)
    expect(RENDERER_REGISTRIES).toEqual(PREFERRED_REGISTRIES)
    expect(RENDERER_RECRUITING_NOW).toEqual(RECRUITING_NOW)
  })
})
