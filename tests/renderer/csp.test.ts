import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('renderer/index.html', () => {
  it('declares a strict Content-Security-Policy', () => {
    const html = readFileSync(resolve(__dirname, '..', '..', 'renderer', 'index.html'), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    )
    expect(directives['default-src']).toEqual(["'self'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['img-src']).toEqual(["'self'", 'data:'])
    expect(csp).not.toContain('unsafe-eval')
    expect(directives['style-src']).not.toContain("'unsafe-inline'")
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/) // no inline scripts
  })
})
