// The real `electron` package tries to download a binary when imported under Node: every main-process test gets
// the fake instead (see tests/fakes/fakeElectron.ts).
import { beforeEach, vi } from 'vitest'
import { resetFakeElectron } from '../fakes/fakeElectron'

vi.mock('electron', async () => {
  const { fakeElectronModule } = await import('../fakes/fakeElectron')
  return { ...fakeElectronModule, default: fakeElectronModule }
})

beforeEach(() => resetFakeElectron())
