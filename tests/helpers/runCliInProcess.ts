import { runCli } from '../../electron/cli/runCli'
import type { CliRun } from './runCliProcess'

/** Runs the CLI's real entry (argv parsing, commands, output) inside the test process: same code, no tsx start-up. */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    out: (t) => {
      stdout += t.endsWith('\n') ? t : `${t}\n`
    },
    err: (t) => {
      stderr += t.endsWith('\n') ? t : `${t}\n`
    },
    progress: (t) => {
      stderr += t
    },
    stderrIsTTY: options.tty === true,
    env: { HOME: process.env.HOME, ...env },
    platform: process.platform,
  })
  return { code, signal: null, stdout, stderr }
}
