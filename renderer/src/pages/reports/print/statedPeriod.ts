// The sentence the active tab states about its period (统计期间：2026年11月（…）, or 期间流量's
// 2026年1–11月 与 2025年1–11月相比), handed up to the print header so the printed page says the
// period the backend computed — the same words as on screen — instead of guessing it again from
// the filter (全部时间 on 期间流量 still means this year so far).
import { createContext, useContext, useEffect } from 'react'

export const StatedPeriodContext = createContext<(text: string | null) => void>(() => undefined)

/** Publishes the tab's period sentence while the tab shows it. */
export function usePublishStatedPeriod(text: string | null) {
  const publish = useContext(StatedPeriodContext)
  useEffect(() => {
    publish(text)
    return () => publish(null)
  }, [publish, text])
}
