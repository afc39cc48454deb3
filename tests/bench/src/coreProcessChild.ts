/**
 * The bench's core process (standing in for the app's utility process, electron/utility/coreProcess.ts): the same
 * protocol (serveCore + createCoreService over the live store) on a child_process IPC channel, with sources that
 * hand over the bench's listing (1% of the rows changed) instead of fetching: the sync's work is the core's own.
 * Usage (forked by measure/coreProcessBlocks.ts): coreProcessChild.ts <store> (the listings beside it)
 */
import { dirname } from 'node:path'
import { openTrialDesk } from '../../../electron/core/openTrialDesk'
import { createCoreService } from '../../../electron/core/process/coreService'
import type { CoreRequest, CoreToMain } from '../../../electron/core/process/coreProtocol'
import { useCompactHeap } from '../../../electron/core/process/compactHeap'
import { openLiveTrialDesk } from '../../../electron/core/process/liveTrialDesk'
import { serveCore } from '../../../electron/core/process/serveCore'
import type { Source } from '../../../electron/core/sources/source'
import { BENCH_SOURCES } from './engines/benchSources'
import { openBenchListings, type BenchListings } from './generate/listing'

useCompactHeap() // as the app's core process runs
const [storePath] = process.argv.slice(2)

/** Opened on the first sync (the pages the bench wrote beside the store before measuring). */
let listings: BenchListings | null = null
const sources: Source[] = (['icreat', 'cris'] as const).map((id) => ({
  ...BENCH_SOURCES[id],
  fetchAll: async (ctx) => {
    listings ??= openBenchListings(dirname(storePath))
    const listing = listings.onePercentChanged.find((l) => l.source === id)!
    for (const page of listing.pages()) ctx.addRows(page)
    return { rejected: 0 }
  },
}))

const sourceConfig = { getServiceKey: () => undefined, timeoutMs: 1000, env: {} }
serveCore(
  {
    onMessage: (listener) => process.on('message', (message) => listener(message as CoreRequest)),
    postMessage: (message: CoreToMain) => process.send!(message),
  },
  createCoreService(openLiveTrialDesk({ storePath, open: () => openTrialDesk({ storePath, sources, sourceConfig }) })),
)
