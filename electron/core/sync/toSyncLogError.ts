import type { AppError } from '../../../shared/errors'
import { httpMessages, redactSecrets } from '../http'
import { isTrialsError } from '../errors'

/**
 * Turns anything a sync threw into the AppError stored in the log: expected failures keep their code and message,
 * an abort becomes CANCELLED, the rest INTERNAL without internals. The service key is scrubbed either way.
 */
export function toSyncLogError(
  error: unknown,
  sourceLabel: string,
  serviceKey: string | undefined,
  signal?: AbortSignal,
): AppError {
  if (isTrialsError(error)) {
    const values =
      error.values &&
      Object.fromEntries(
        Object.entries(error.values).map(([name, value]) => [
          name,
          typeof value === 'string' ? redactSecrets(value, serviceKey) : value,
        ]),
      )
    return { code: error.code, message: redactSecrets(error.message, serviceKey), ...(values ? { values } : {}) }
  }
  if (signal?.aborted) return { code: 'CANCELLED', message: httpMessages.cancelled(sourceLabel) }
  return {
    code: 'INTERNAL',
    message: `An unexpected problem stopped the sync of ${sourceLabel}; nothing was changed. Try again, and report it if it keeps happening.`,
  }
}
