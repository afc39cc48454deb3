/** Carriage return + erase line: the progress line rewrites itself with it (the only escape the CLI writes). */
export const REWRITE_LINE = '\r\x1b[K'

/** Where the CLI writes: stdout carries the result (one JSON document with --json), stderr everything else. */
export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  /** Raw stderr (no newline added), for the progress line that rewrites itself. */
  progress: (text: string) => void
  /** Progress is shown only on a terminal. */
  stderrIsTTY: boolean
  env: Readonly<Record<string, string | undefined>>
  platform: NodeJS.Platform
}

export function processIo(): CliIo {
  return {
    out: (text) => {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
    },
    err: (text) => {
      process.stderr.write(text.endsWith('\n') ? text : `${text}\n`)
    },
    progress: (text) => {
      process.stderr.write(text)
    },
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    platform: process.platform,
  }
}
