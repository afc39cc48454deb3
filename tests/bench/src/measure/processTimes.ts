import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'

/** Runs a command to its end; resolves with its stdout and the wall time from spawn to exit (ms). */
export function runTimed(args: string[], cwd: string): Promise<{ stdout: string; wallMs: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve({ stdout, wallMs: performance.now() - started })
      else reject(new Error(`${args.join(' ')} exited with ${code}`))
    })
  })
}
