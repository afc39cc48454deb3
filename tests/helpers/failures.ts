/** What a failed operation shows: its TrialsError, and everything a user or a log could ever see of it. */
import { inspect } from 'node:util'
import { isTrialsError, type TrialsError } from '../../electron/core/errors'

/** Resolves to the TrialsError the promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function failureOf(promise: Promise<unknown>): Promise<TrialsError> {
  try {
    await promise
  } catch (error) {
    if (isTrialsError(error)) return error
    throw error
  }
  throw new Error('expected the operation to fail with a TrialsError')
}

/** Everything a user or a log could ever see of an error. */
export function everythingAbout(error: TrialsError): string {
  return [
    error.message,
    JSON.stringify(error),
    error.stack ?? '',
    inspect(error, { depth: 10 }),
    String(error.cause),
  ].join('\n')
}
