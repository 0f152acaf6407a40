// The seed writes through the services as if each thing happened on its own day: the services'
// ctx gets a clock set to that day (office hours, local time) and the person who did it, so
// created/updated stamps and the change journal read like a real history. Nothing is ever dated
// after the real now.
import type { Ctx } from '../../context'
import { todayIso } from '../../domain/dates'
import type { Rng } from './random'

export interface DemoClock {
  /** The ctx the services get. */
  ctx: Ctx
  today: string
  /** From now on, writes happen on this date (a past date: during office hours) by this user. */
  at(date: string, userId?: string | null): Ctx
}

export function demoClock(inner: Ctx, rng: Rng): DemoClock {
  const realNow = inner.now()
  const today = todayIso(realNow)
  let current = realNow
  const ctx: Ctx = { ...inner, now: () => current }
  return {
    ctx,
    today,
    at(date, userId = null) {
      if (date >= today) current = realNow
      else {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number]
        current = new Date(y, m - 1, d, rng.int(8, 17), rng.int(0, 59), rng.int(0, 59))
      }
      ctx.userId = userId
      return ctx
    },
  }
}
