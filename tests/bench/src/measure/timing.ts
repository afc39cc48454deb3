import { performance } from 'node:perf_hooks'
import { summarize, type Summary } from './stats'
import type { MemoryWatch } from './memory'

/**
 * Collects garbage (untimed; the child runs with --expose-gc), so one repeat of a heavy operation does not leave
 * its garbage — a whole previous store, for a load — to the next one's time and to the peak memory: the app loads
 * once, not five times in a row.
 */
export const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.()

/**
 * Runs `operation(i)` once to warm up, then `repeat` times, and summarises the wall-clock times in ms.
 * The memory watch is sampled after each run, since a long synchronous run starves its timer.
 * `heavy`: untimed before each run, `heavy.prepare()` (e.g. drop the loaded store) and a garbage collection.
 */
export async function timeRepeated(
  repeat: number,
  memory: MemoryWatch,
  operation: (i: number) => unknown | Promise<unknown>,
  heavy?: { prepare?: () => void | Promise<void> },
): Promise<Summary> {
  const prepare = async () => {
    if (!heavy) return
    await heavy.prepare?.()
    collectGarbage()
  }
  await prepare()
  await operation(-1)
  const samples: number[] = []
  for (let i = 0; i < repeat; i++) {
    await prepare()
    const start = performance.now()
    await operation(i)
    samples.push(performance.now() - start)
    memory.sample()
  }
  return summarize(samples)
}
