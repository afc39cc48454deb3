/**
 * `openFromProcessStart`: a fresh process opens the store as the app's core does and answers the default list
 * query; prints the milliseconds since the process started (performance.now() counts from there), so the figure
 * includes starting Node and loading the core (through tsx here: the app loads a pre-built bundle, a bit faster).
 */
import { listTrials } from '../../../electron/core/query/listTrials'
import { StoreSession } from '../../../electron/core/store/storeSession'

const session = await StoreSession.open(process.argv[2])
listTrials(session.index, { withinDays: 7 })
process.stdout.write(`${performance.now()}\n`)
await session.close()
