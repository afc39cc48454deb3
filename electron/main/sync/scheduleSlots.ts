/** Local-time arithmetic for the daily "HH:MM" schedule. */

function atLocalTime(day: Date, time: string): Date {
  const [hour, minute] = time.split(':').map(Number)
  const d = new Date(day)
  d.setHours(hour, minute, 0, 0)
  return d
}

/** The most recent scheduled slot at or before `now` (today's, or yesterday's if today's is still ahead). */
export function lastScheduledSlot(now: Date, time: string): Date {
  const today = atLocalTime(now, time)
  if (today.getTime() <= now.getTime()) return today
  const yesterday = new Date(now)
  yesterday.setDate(now.getDate() - 1)
  return atLocalTime(yesterday, time)
}

/** The next slot strictly after `now`. */
export function nextScheduledSlot(now: Date, time: string): Date {
  const today = atLocalTime(now, time)
  if (today.getTime() > now.getTime()) return today
  const tomorrow = new Date(now)
  tomorrow.setDate(now.getDate() + 1)
  return atLocalTime(tomorrow, time)
}

/**
 * Overdue when a source that should be synced has never succeeded, or its last success is older than the last
 * scheduled slot. node-schedule misses slots while the laptop sleeps; this check is what catches them up.
 */
export function isSyncOverdue(lastSuccessTimes: Array<string | null>, now: Date, time: string): boolean {
  const slot = lastScheduledSlot(now, time).getTime()
  return lastSuccessTimes.some((at) => at === null || Number.isNaN(Date.parse(at)) || Date.parse(at) < slot)
}
