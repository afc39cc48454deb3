import { readFileSync, writeFileSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'

/** Peak RSS (the kernel's high-water mark) and peak used JS heap (sampled every 10 ms and after each timed run). */
export interface MemoryWatch {
  sample(): void
  /** The peak RSS so far (MB): read after each phase, it tells which phase set the peak. */
  peakRssSoFarMb(): number
  stop(): { peakRssMb: number; peakHeapMb: number }
}

/**
 * Linux: resets the process' RSS high-water mark (VmHWM), so set-up done before (building the synthetic
 * listings) does not count. Returns false where that is not possible.
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

function peakRssKib(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1])
  } catch {
    /* not Linux */
  }
  return process.resourceUsage().maxRSS
}

export function watchMemory(): MemoryWatch {
  resetPeakRss()
  let peakHeap = 0
  const sample = () => {
    peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size)
  }
  const timer = setInterval(sample, 10)
  timer.unref()
  return {
    sample,
    peakRssSoFarMb: () => peakRssKib() / 1024,
    stop() {
      clearInterval(timer)
      sample()
      return { peakRssMb: peakRssKib() / 1024, peakHeapMb: peakHeap / 1024 / 1024 }
    },
  }
}
