import schedule from 'node-schedule'

/** Fires `run` every day at "HH:MM" local time. An interface so tests can drive the schedule by hand. */
export interface DailyScheduler {
  scheduleDaily(time: string, run: () => void): { cancel(): void }
}

export const nodeScheduleDailyScheduler: DailyScheduler = {
  scheduleDaily(time, run) {
    const [hour, minute] = time.split(':').map(Number)
    const job = schedule.scheduleJob({ hour, minute, second: 0 }, run)
    return { cancel: () => void job?.cancel() }
  },
}
