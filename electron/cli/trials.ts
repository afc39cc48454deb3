/** `npm run trials -- <command>`: the Trial Desk command line (see parseCommand.ts for the commands). */
import { useCompactHeap } from '../core/process/compactHeap'
import { processIo } from './cliIo'
import { runCli } from './runCli'

useCompactHeap()
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code
})
