import { afterEach, describe, expect, it, vi } from 'vitest'
import { nodeScheduleDailyScheduler } from '../../electron/main/sync/dailyScheduler'

describe('the daily node-schedule job', () => {
  afterEach(() => vi.useRealTimers())

  it('fires at the chosen local time every day, and not after it is cancelled', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date(2025, 2, 10, 6, 59, 0))
    const run = vi.fn()
    const job = nodeScheduleDailyScheduler.scheduleDaily('07:00', run)
    await vi.advanceTimersByTimeAsync(59_000)
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(2_000)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(24 * 3600_000)
    expect(run).toHaveBeenCalledTimes(2)
    job.cancel()
    await vi.advanceTimersByTimeAsync(2 * 24 * 3600_000)
    expect(run).toHaveBeenCalledTimes(2)
  })
})
