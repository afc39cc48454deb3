/**
 * "One row per trial / 한 임상시험당 한 줄": when a trial is registered in two registries, the list shows it once, as
 * the record of the preferred registry (default CRIS, for its Korean text) carrying both registry badges. A record of
 * another registry is hidden only when its preferred twin is itself in the result, so filtering to one registry never
 * loses a trial; counts and facets are computed after hiding, so they follow the choice.
 */
import type { SourceId } from '../../../shared/trials'
import type { TrialIndex } from '../query/trialIndex'
import { linksOf } from './indexLinks'

export const DEFAULT_PREFERRED_REGISTRY: SourceId = 'cris'

/** For a position, the positions of its preferred-registry twins (hide it when one of them is listed), or none. */
export type PreferredTwins = (position: number) => readonly number[] | undefined

export function preferredTwins(index: TrialIndex, preferred: SourceId): PreferredTwins | null {
  const { byPosition } = linksOf(index)
  if (byPosition.size === 0) return null
  const twins = new Map<number, number[]>()
  for (const [position, linked] of byPosition) {
    if (index.entries[position].trial.source === preferred) continue
    const preferredOnes = linked.filter((other) => index.entries[other].trial.source === preferred)
    if (preferredOnes.length > 0) twins.set(position, preferredOnes)
  }
  return twins.size === 0 ? null : (position) => twins.get(position)
}
