/**
 * The bench's core process (standing in for the app's utility process, electron/utility/coreProcess.ts): the same
 * protocol (serveCore + createCoreService over the live store) on a child_process IPC channel, with sources that
 * hand over the bench's listing (1% of the rows changed) instead of fetching: the sync's work is the core's own.
 * Usage (forked by measure/coreProcessBlocks.ts): coreProcessChild.ts <store> <seed>
 */
import { openTrialDesk } from '../../../electron/core/openTrialDesk'
import { createCoreService } from '../../../electron/core/process/coreService'
import type { CoreRequest, CoreToMain } from '../../../electron/core/process/coreProtocol'
import { openLiveTrialDesk } from '../../../electron/core/process/liveTrialDesk'
import { serveCore } from '../../../electron/core/process/serveCore'
import type { Source, SourceRow } from '../../../electron/core/sources/source'
import type { SourceId } from '../../../shared/trials'
import { BENCH_SOURCES } from './engines/benchSources'
import { listedRow, withChangedRows } from './generate/listing'
import { forEachStoredTrial } from './generate/storeFile'

const [storePath, seedText] = process.argv.slice(2)

/** Built on the first sync (streamed from the store file, as the bench's own listings are). */
async function changedListing(): Promise<Record<SourceId, SourceRow[]>> {
  const rows: Record<SourceId, SourceRow[]> = { icreat: [], cris: [], ctgov: [] }
  await forEachStoredTrial(storePath, (trial) => {
    if (trial.removedAt === null) rows[trial.source].push(listedRow(trial))
  })
  for (const source of ['icreat', 'cris'] as const) rows[source] = withChangedRows(rows[source], 0.01, Number(seedText))
  return rows
}

let listing: Promise<Record<SourceId, SourceRow[]>> | null = null
const sources: Source[] = (['icreat', 'cris'] as const).map((id) => ({
  ...BENCH_SOURCES[id],
  fetchAll: async () => ({ rows: (await (listing ??= changedListing()))[id], rejected: 0 }),
}))

const sourceConfig = { getServiceKey: () => undefined, timeoutMs: 1000, env: {} }
serveCore(
  {
    onMessage: (listener) => process.on('message', (message) => listener(message as CoreRequest)),
    postMessage: (message: CoreToMain) => process.send!(message),
  },
  createCoreService(openLiveTrialDesk({ storePath, open: () => openTrialDesk({ storePath, sources, sourceConfig }) })),
)
