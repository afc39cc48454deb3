import type { AppError, ErrorCode } from '../../shared/errors'

/** The one error type the core throws for expected failures. Its message is for a clinician and names the next step. */
export class TrialsError extends Error {
  readonly code: ErrorCode
  /** Values for the renderer's translated message (e.g. the folder a disk error names). */
  readonly values: Record<string, string | number> | undefined
  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; values?: Record<string, string | number> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'TrialsError'
    this.code = code
    this.values = options?.values
  }

  toJSON(): AppError {
    return { code: this.code, message: this.message, ...(this.values ? { values: this.values } : {}) }
  }
}

export function isTrialsError(e: unknown): e is TrialsError {
  return e instanceof TrialsError
}
