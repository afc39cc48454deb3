import type { Settings } from '../../../shared/settings'
import type { SourceId } from '../../../shared/trials'

/** The registries switched on in Settings, in settings order. */
export function enabledSources(settings: Settings): SourceId[] {
  return (Object.keys(settings.sources) as SourceId[]).filter((id) => settings.sources[id].enabled)
}
