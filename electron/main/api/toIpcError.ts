import type { AppError } from '../../../shared/errors'
import { isTrialsError } from '../../core/errors'

export const INTERNAL_MESSAGE =
  'Something unexpected went wrong in Trial Desk. Try again; if it keeps happening, restart the app and report it.'

/** TrialsError keeps its code and clinician-facing message; anything else is a bug and says nothing about its cause. */
export function toIpcError(e: unknown): AppError {
  if (isTrialsError(e)) return e.toJSON()
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE }
}
