/** SourceConfig for tests against the fake ClinicalTrials.gov server: no rate limit, tiny backoff, unless overridden. */
import type { SourceConfig } from '../../electron/core/sources/source'
import type { FakeCtgov } from './ctgovServer'

/** A data.go.kr key in the environment, so tests can prove it never reaches ClinicalTrials.gov. */
export const DATA_GO_KR_KEY_IN_ENV = 'dAtA+gO/kR+kEy+never-to-ctgov=='

export function ctgovTestConfig(fake: FakeCtgov, env: Record<string, string> = {}): SourceConfig {
  return {
    getServiceKey: () => DATA_GO_KR_KEY_IN_ENV,
    timeoutMs: 5000,
    env: {
      TRIALS_CTGOV_API: fake.url,
      TRIALS_CTGOV_RATE: '100000',
      TRIALS_RETRY_BASE_MS: '1',
      DATA_GO_KR_SERVICE_KEY: DATA_GO_KR_KEY_IN_ENV,
      ...env,
    },
  }
}
