import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { numberPrintedInFreshProcess } from '../helpers/freshNodeProcess'

const compactHeapModule = join(__dirname, '..', '..', 'electron', 'core', 'process', 'compactHeap.ts')

/**
 * The peak heap (MB) of a fresh Node process that keeps ~40 MB alive while replacing it piece by piece (each piece
 * outlives the young generation, so its garbage is old-generation garbage, as a sync's stubs and listing are).
 */
function peakHeapMb(compact: boolean): number {
  const script = `
    ${compact ? `require(${JSON.stringify(compactHeapModule)}).useCompactHeap()` : ''}
    const ring = new Array(400)
    let peak = 0
    for (let i = 0; i < 5000; i++) {
      ring[i % ring.length] = Array.from({ length: 1000 }, (_, j) => ({ i, j, s: 'x' + j }))
      if (i % 25 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal)
    }
    console.log(peak / 1048576)`
  return numberPrintedInFreshProcess(script)
}

describe('the core process heap policy (useCompactHeap)', () => {
  it('keeps the heap of a process churning long-lived records well below what V8 lets it grow to by default', () => {
    const byDefault = peakHeapMb(false)
    const compact = peakHeapMb(true)
    expect(byDefault).toBeGreaterThan(60)
    expect(compact).toBeLessThan(byDefault * 0.75)
  })
})
