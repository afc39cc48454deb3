/**
 * Each source's column → common-field mapping, by source id, for the parts of the core that work on stored records
 * without a configured Source: the store migration (recomputing common fields offline) and the list's change line
 * (which normalised field a changed column feeds). A new source adds its entry here (the Record type demands it).
 */
import type { CommonFields, SourceId } from '../../../shared/trials'
import { CRIS_COLUMN_TO_COMMON, crisToCommon } from './cris/crisCommon'
import { CTGOV_COLUMN_TO_COMMON, ctgovToCommon } from './ctgov/ctgovCommon'
import { ICREAT_COLUMN_TO_COMMON, icreatToCommon } from './icreat/icreatCommon'

export const TO_COMMON_BY_SOURCE: Readonly<
  Record<SourceId, (fields: Readonly<Record<string, unknown>>) => CommonFields>
> = {
  icreat: icreatToCommon,
  cris: crisToCommon,
  ctgov: ctgovToCommon,
}

export const COLUMN_TO_COMMON_BY_SOURCE: Readonly<Record<SourceId, Readonly<Record<string, keyof CommonFields>>>> = {
  icreat: ICREAT_COLUMN_TO_COMMON,
  cris: CRIS_COLUMN_TO_COMMON,
  ctgov: CTGOV_COLUMN_TO_COMMON,
}
