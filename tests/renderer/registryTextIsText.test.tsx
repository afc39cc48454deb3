/**
 * Registry text is shown through React's escaping, never as HTML: a title or field holding markup (an `<img onerror>`
 * that would run script) is displayed as the characters it is, on the list and the detail screen. And no component
 * can bypass that: no dangerouslySetInnerHTML / innerHTML / insertAdjacentHTML anywhere in the renderer.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTrials, storedTrial } from './testTrials'
import { renderApp } from './renderApp'

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">심부전 연구'
const HOSTILE_FIELD = '<a href="javascript:window.__pwned=2">기관</a><script>window.__pwned=3</script>'
const pwned = () => (window as unknown as { __pwned?: number }).__pwned

afterEach(() => {
  delete (window as unknown as { __pwned?: number }).__pwned
})

describe('registry text stays text', () => {
  it('shows a title with an <img onerror> as its characters on the list and the detail screen, running nothing', async () => {
    const hostile = storedTrial({
      source: 'icreat',
      sourceId: 'C666666',
      fields: { 과제번호: 'C666666', 과제명: HOSTILE_TITLE, 연구책임기관: HOSTILE_FIELD, 진료과: 'Cardiology' },
    })
    const { user, container } = await renderApp({
      trials: [hostile, ...makeTrials(2)],
      settings: { defaultWithinDays: null },
    })
    const cell = await screen.findByText(HOSTILE_TITLE)
    expect(cell.textContent).toBe(HOSTILE_TITLE)
    expect(container.querySelector('img, script, a[href^="javascript"]')).toBeNull()

    await user.click(cell.closest('tr')!)
    expect(await screen.findByRole('heading', { level: 1, name: HOSTILE_TITLE })).toBeInTheDocument()
    expect(screen.getAllByText(HOSTILE_FIELD).length).toBeGreaterThan(0)
    expect(container.querySelector('img, script, a[href^="javascript"]')).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(pwned()).toBeUndefined()
  })
})

describe('no raw HTML sink in the renderer (lint)', () => {
  const ROOT = join(__dirname, '../../renderer/src')
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? files(join(dir, entry.name))
        : /\.(tsx?|jsx?)$/.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    )

  it('never uses dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const sinks = /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/
    const offenders = files(ROOT).filter((file) => sinks.test(readFileSync(file, 'utf8')))
    expect(files(ROOT).length).toBeGreaterThan(10)
    expect(offenders).toEqual([])
  })
})
