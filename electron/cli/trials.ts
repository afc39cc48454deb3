/** `npm run trials -- <command>`: the Trial Desk command line (see parseCommand.ts for the commands). */
import { processIo } from './cliIo'
import { runCli } from './runCli'

void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code
})
