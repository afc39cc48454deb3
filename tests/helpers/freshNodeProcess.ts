import { spawnSync } from 'node:child_process'
import { expect } from 'vitest'

/**
 * Runs `script` (CommonJS, TypeScript modules loadable through tsx) in a fresh Node process with `nodeFlags`, and
 * returns the number it prints: for what only a process of its own measures fairly, such as its heap.
 */
export function numberPrintedInFreshProcess(script: string, nodeFlags: readonly string[] = []): number {
  const run = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '-e', script], { encoding: 'utf8' })
  expect(run.stderr).toBe('')
  return Number(run.stdout.trim())
}
