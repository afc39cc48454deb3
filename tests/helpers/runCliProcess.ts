import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

export const PROJECT_ROOT = join(__dirname, '../..')
const CLI = join(PROJECT_ROOT, 'electron/cli/trials.ts')

export interface CliRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/**
 * Starts `node --import tsx electron/cli/trials.ts …` with only the given environment (plus PATH/HOME).
 * `as` runs it as another user (only possible when the tests run as root), to meet permission errors root never sees.
 */
export function startCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  as?: { uid: number; gid: number },
): { child: ChildProcess; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: PROJECT_ROOT,
    ...(as ?? {}),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TRIALS_RETRY_BASE_MS: '5', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d.toString()
  })
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  const done = new Promise<CliRun>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  )
  return { child, done }
}

export function runCliProcess(
  args: string[],
  env: Record<string, string | undefined> = {},
  as?: { uid: number; gid: number },
): Promise<CliRun> {
  return startCli(args, env, as).done
}
