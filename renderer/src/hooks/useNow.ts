import { useEffect, useState } from 'react'

/** How often relative times ("3분 전") are recomputed; a header left open between patients must not say "2초 전" for hours. */
const TICK_MS = 30_000

/** The current time, re-read every TICK_MS while the component is shown. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS)
    return () => clearInterval(timer)
  }, [])
  return now
}
