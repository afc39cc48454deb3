import { performance } from 'node:perf_hooks'
import { summarize, type Summary } from './stats'
import type { MemoryWatch } from './memory'

/**
 * Runs `operation(i)` once to warm up, then `repeat` times, and summarises the wall-clock times in ms.
 * The memory watch is sampled after each run, since a long synchronous run starves its timer.
 */
export async function timeRepeated(
  repeat: number, memory: MemoryWatch, operation: (i: number) => unknown | Promise<unknown>,
): Promise<Summary> {
  await operation(-1)
  const samples: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    await operation(i)
    samples.push(performance.now() - start)
    memory.sample()
  }
  return summarize(samples)
}
