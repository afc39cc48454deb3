/**
 * `openFromProcessStart`: a fresh process opens the store as the app's core does and answers the default list
 * query; prints the milliseconds since the process started (performance.now() counts from there), so the figure
 * includes starting Node and loading the core (bundled by the bench with esbuild, as the app loads its built bundle).
 */
import { useCompactHeap } from '../../../electron/core/process/compactHeap'
import { listTrials } from '../../../electron/core/query/listTrials'
import { StoreSession } from '../../../electron/core/store/storeSession'

useCompactHeap() // as the app's core process runs
const session = await StoreSession.open(process.argv[2])
listTrials(session.index, { withinDays: 7 })
process.stdout.write(`${performance.now()}\n`)
await session.close()
