import { useEffect, useState } from 'react'

/**
 * The time a list's relative lines (刚刚, 3小时前) count from: read when the page mounts and once a
 * minute after, so 刚刚 becomes 1分钟前 while the page stays open. One per page, not one per row.
 */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
