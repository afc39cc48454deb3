import { isTrialsError } from '../core/errors'
import { redactSecrets } from '../core/http/redact'
import { openTrialDesk } from '../core/openTrialDesk'
import { defaultStorePath } from '../core/paths'
import { createSources, sourceConfigFromEnv } from '../core/sources/index'
import { terminalSafe } from '../core/text/terminalSafe'
import { REWRITE_LINE, type CliIo } from './cliIo'
import { runFollowingCommand } from './commands/followingCommands'
import { runListCommand } from './commands/listCommand'
import { runShowCommand } from './commands/showCommand'
import { runStatusCommand } from './commands/statusCommand'
import { runSyncCommand } from './commands/syncCommand'
import { parseCommand, USAGE_TEXT, type CliCommand } from './parseCommand'

export const EXIT_OK = 0
export const EXIT_FAILED = 1
export const EXIT_USAGE = 2

async function execute(command: Exclude<CliCommand, { name: 'help' }>, io: CliIo): Promise<number> {
  const sourceConfig = sourceConfigFromEnv(io.env)
  const sources = createSources(sourceConfig)
  const storePath = command.store ?? defaultStorePath(io.platform, io.env)
  const desk = await openTrialDesk({ storePath, sources, sourceConfig })
  try {
    for (const warning of desk.openWarnings) io.err(`warning: ${warning}`)
    switch (command.name) {
      case 'sync':
        return await runSyncCommand(desk, io, {
          sources: command.sources === 'all' ? sources.map((s) => s.id) : command.sources,
          single: command.sources !== 'all',
          now: command.now,
          allowMassRemoval: command.allowMassRemoval,
          fullResync: command.fullResync,
          json: command.json,
          hasKey: sourceConfig.getServiceKey() !== undefined,
        })
      case 'list':
        return runListCommand(desk, io, command.query, command.json)
      case 'show':
        return runShowCommand(desk, io, command.id, command.json)
      case 'status':
        return runStatusCommand(desk, io, command.json)
      default:
        return await runFollowingCommand(desk, io, command)
    }
  } finally {
    await desk.close()
  }
}

/**
 * Every line the CLI writes passes through terminalSafe: registry text (titles, fields, messages quoting a server)
 * can never drive the terminal. Only the progress line keeps the app's own carriage return and erase-line.
 */
function terminalSafeIo(io: CliIo): CliIo {
  return {
    ...io,
    out: (text) => io.out(terminalSafe(text)),
    err: (text) => io.err(terminalSafe(text)),
    progress: (text) =>
      io.progress(
        text.startsWith(REWRITE_LINE)
          ? REWRITE_LINE + terminalSafe(text.slice(REWRITE_LINE.length))
          : terminalSafe(text),
      ),
  }
}

/** Runs one CLI invocation and returns its exit code. Expected failures print a message, never a stack trace. */
export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafeIo(rawIo)
  const key = io.env.DATA_GO_KR_SERVICE_KEY
  const json = argv.includes('--json')
  try {
    const command = parseCommand(argv)
    if (command.name === 'help') {
      io.out(USAGE_TEXT)
      return EXIT_OK
    }
    return await execute(command, io)
  } catch (e) {
    const error = isTrialsError(e)
      ? { code: e.code, message: redactSecrets(e.message, key) }
      : {
          code: 'INTERNAL' as const,
          message: 'An unexpected problem stopped the command. Try again, and report it if it keeps happening.',
        }
    if (json) io.out(JSON.stringify({ error }, null, 2))
    io.err(`Error [${error.code}]: ${error.message}`)
    if (!isTrialsError(e) && io.env.TRIALS_DEBUG) io.err(redactSecrets(String((e as Error)?.stack ?? e), key))
    return error.code === 'USAGE' || error.code === 'VALIDATION' ? EXIT_USAGE : EXIT_FAILED
  }
}
