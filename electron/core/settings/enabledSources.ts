import type { Settings } from '../../../shared/settings'
import { sourceNeedsKey, type SourceId } from '../../../shared/trials'

/** The registries switched on in Settings, in settings order. */
export function enabledSources(settings: Settings): SourceId[] {
  return (Object.keys(settings.sources) as SourceId[]).filter((id) => settings.sources[id].enabled)
}

/** Without a data.go.kr key only the keyless sources (ClinicalTrials.gov) can sync; with one, all of them. */
export function syncableSources(sources: readonly SourceId[], hasKey: boolean): SourceId[] {
  return hasKey ? [...sources] : sources.filter((id) => !sourceNeedsKey(id))
}
