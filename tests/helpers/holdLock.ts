/**
 * Run as a separate process: takes the store's writer lock (like a CLI sync in progress), prints "locked",
 * and holds it until killed. Usage: node --import tsx tests/helpers/holdLock.ts <storePath>
 */
import { lockStore } from '../../electron/core/store/trialStoreFile'

void lockStore(process.argv[2]).then((lock) => {
  process.stdout.write('locked\n')
  process.on('SIGTERM', () => {
    void lock.release().then(() => process.exit(0))
  })
  setInterval(() => undefined, 1000)
})
