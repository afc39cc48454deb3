/** The core's process as the main process starts it (Electron's utilityProcess, here the stub's, spied on). */
import { utilityProcess } from 'electron'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { utilityCoreChannel } from '../../electron/main/core/utilityCoreChannel'

const started = { once: () => undefined, on: () => undefined, postMessage: () => undefined, kill: () => true }

afterEach(() => vi.restoreAllMocks())

describe("the core's process", () => {
  it("starts with the allocator settings of a process holding the store, beside the sources' environment", () => {
    const fork = vi.spyOn(utilityProcess, 'fork').mockReturnValue(started as never)
    utilityCoreChannel('/app/out/main/coreProcess.js', '/data/trials.json', { HTTPS_PROXY: 'http://proxy:8080' })
    expect(fork.mock.calls[0][2]?.env).toEqual({ HTTPS_PROXY: 'http://proxy:8080', MALLOC_MMAP_THRESHOLD_: '2097152' })
    // Without an environment of its own: the main process's, with the same settings.
    utilityCoreChannel('/app/out/main/coreProcess.js', '/data/trials.json')
    expect(fork.mock.calls[1][2]?.env).toMatchObject({ PATH: process.env.PATH, MALLOC_MMAP_THRESHOLD_: '2097152' })
  })

  it('keeps an allocator setting the user made', () => {
    const fork = vi.spyOn(utilityProcess, 'fork').mockReturnValue(started as never)
    utilityCoreChannel('/app/out/main/coreProcess.js', '/data/trials.json', { MALLOC_MMAP_THRESHOLD_: '65536' })
    expect(fork.mock.calls[0][2]?.env).toMatchObject({ MALLOC_MMAP_THRESHOLD_: '65536' })
  })
})
