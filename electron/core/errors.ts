import type { AppError, ErrorCode } from '../../shared/errors'

/** The one error type the core throws for expected failures. Its message is for a clinician and names the next step. */
export class TrialsError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'TrialsError'
    this.code = code
  }

  toJSON(): AppError {
    return { code: this.code, message: this.message }
  }
}

export function isTrialsError(e: unknown): e is TrialsError {
  return e instanceof TrialsError
}
