/** Builds the SourceConfig every source client receives, from the environment (CLI) or the app's settings. */
import type { SourceConfig } from './source'

export const DEFAULT_TIMEOUT_MS = 15_000

function timeoutFrom(value: string | undefined): number {
  const parsed = Number(value)
  return value !== undefined && value.trim() !== '' && Number.isFinite(parsed) && parsed > 0
    ? parsed
    : DEFAULT_TIMEOUT_MS
}

/**
 * @param env usually `process.env`: DATA_GO_KR_SERVICE_KEY, TRIALS_TIMEOUT_MS, TRIALS_RETRY_BASE_MS, TRIALS_ICREAT_*.
 * @param getServiceKey the app passes its key store here; otherwise the key comes from DATA_GO_KR_SERVICE_KEY.
 * The app adds `fetchImpl: net.fetch` by spreading the result.
 */
export function sourceConfigFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  getServiceKey?: () => string | undefined,
): SourceConfig {
  const snapshot = { ...env }
  return {
    getServiceKey: getServiceKey ?? (() => snapshot.DATA_GO_KR_SERVICE_KEY?.trim() || undefined),
    timeoutMs: timeoutFrom(snapshot.TRIALS_TIMEOUT_MS),
    env: snapshot,
  }
}
