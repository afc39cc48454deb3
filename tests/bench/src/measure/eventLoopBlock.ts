import { monitorEventLoopDelay } from 'node:perf_hooks'

/** Sampling resolution of the event-loop monitor (ms): fine enough to see a 100 ms freeze precisely. */
const RESOLUTION_MS = 2

/**
 * The longest time the event loop could not run a timer while `operation` ran: how long an Electron window
 * would freeze if this ran in its main process.
 */
export async function longestEventLoopBlock(operation: () => Promise<unknown> | unknown): Promise<number> {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  histogram.enable()
  // Let the monitor's timer start before the operation.
  await new Promise((resolve) => setTimeout(resolve, RESOLUTION_MS * 3))
  await operation()
  await new Promise((resolve) => setTimeout(resolve, RESOLUTION_MS * 3))
  histogram.disable()
  return histogram.max / 1e6
}
