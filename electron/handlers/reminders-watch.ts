// Says reminders-due on the event channel when the count of next steps due (overdue or today) for
// the person at the keyboard changes: at the day's turn, or when a colleague's sync brings one. The
// windows refresh their bell at once instead of at their next poll. Runs beside the backend in any
// process; the shells start it next to the daily backup.
import type { NegotiationListQuery } from '../../db/domain/negotiation'
import { dueSummary, listNegotiations } from '../../db/services/negotiations'
import type { DueReminder } from '../contract/events'
import type { HandlerEnv } from './types'

const MINUTE = 60_000

/** One look: emits when the due count differs from the last look's (the first look only sets it). */
export function reminderWatcher(env: HandlerEnv): () => Promise<void> {
  let last: string | null = null
  return async () => {
    if (!env.events || env.events.subscribers === 0) return
    const summary = await dueSummary(env.ctx, { ownerId: env.ctx.userId ?? undefined })
    const count = summary.overdue + summary.dueToday
    const key = `${env.ctx.userId}:${count}`
    const before = last
    last = key
    if (before === null || before === key) return
    // Today's first (they just fell due), then the overdue ones; a page of each is enough for a line.
    const today = await listNegotiations(env.ctx, { due: 'today', ownerId: env.ctx.userId ?? undefined, page: 1, pageSize: 20 } as NegotiationListQuery)
    const items: DueReminder[] = [...today.rows, ...summary.overdueRows].map((row) => ({
      negotiationId: row.id,
      projectId: row.projectId ?? null,
      projectName: row.projectName,
      nextStep: row.nextStep ?? '',
      dueOn: row.nextDueOn ?? summary.today,
    }))
    env.events.emit('reminders-due', { count, items })
  }
}

/** Looks every minute; answers the stop. A failed look (database busy, closing) waits for the next. */
export function watchReminders(env: HandlerEnv, every = MINUTE): () => void {
  const look = reminderWatcher(env)
  const timer = setInterval(() => void look().catch(() => undefined), every)
  timer.unref?.()
  return () => clearInterval(timer)
}
