import { setFlagsFromString } from 'node:v8'

/**
 * How far V8 lets the heap grow past what the last full collection kept before it collects again, in percent.
 *
 * V8's default on a machine with more than ~2 GB lets it grow up to four times the live heap. A sync at 100,000
 * trials reads ~900 MB of records a line at a time and keeps ~200 MB of them (stubs, the fetched listing): the
 * garbage in between raised the process's peak memory by ~50 MB over what a 20% growth allows (bench: 798 → 746
 * MB). The price is more collections while the heap grows from nothing: a first open at 100,000 trials took 10.3 →
 * 12.1 s, a sync's read 5.6 → 6.3 s (the diff, the save and the queries were not slower), all in the background.
 * The same for the app's core process, the CLI and the bench's core, so the bench measures what the app does.
 */
export const HEAP_GROWING_PERCENT = 20

/**
 * Applies HEAP_GROWING_PERCENT to this process. Called first thing in a process that holds the store. V8 reads the
 * flag at every collection, so setting it after start-up takes effect (Node and Electron leave V8's flags unfrozen
 * for `v8.setFlagsFromString`).
 */
export function useCompactHeap(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}
