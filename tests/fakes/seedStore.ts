/** Writes a real store with the core, as a CLI would: `trials` iCReaT trials; two syncs also leave a good `.bak`. */
import { openTrialDesk } from '../../electron/core/openTrialDesk'
import { createFakeSource, ids, rowsFor } from './fakeSource'

export const seedSourceConfig = { getServiceKey: () => 'unused-key-0000', timeoutMs: 1000, env: {} }

export async function seedStore(storePath: string, options: { trials?: number; syncs?: 1 | 2 } = {}): Promise<void> {
  const fake = createFakeSource({ rows: rowsFor(ids(options.trials ?? 2)) })
  const desk = await openTrialDesk({ storePath, sources: [fake.source], sourceConfig: seedSourceConfig })
  for (let i = 0; i < (options.syncs ?? 1); i++) await desk.sync({ sources: ['icreat'], trigger: 'manual' })
  await desk.close()
}
