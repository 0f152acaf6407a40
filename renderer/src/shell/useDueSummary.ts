// The next steps that are due, polled every minute and on focus. One rule for whose steps count,
// used by the menu badge, the header bell, the reminder alerts and the 工作台: the current user's;
// with no user chosen there is no "mine", so everyone's count and the screens say it is the team's.
// The badge and the bell read the same cached query as the workbench's "mine" view, so the numbers
// agree and there is one poll however many places show it.
import { useEffect } from 'react'
import type { User } from '../../../db/schema'
import { onBackendEvent } from '../api/events'
import { useApiQuery } from '../api/hooks'

const MINUTE = 60_000

/** 'mine': the current user's steps (the team's when no user is chosen); 'all': the team's. */
export type DueScope = 'mine' | 'all'

export function useDueSummary(scope: DueScope = 'mine') {
  const session = useApiQuery('session-get', {})
  const user: Pick<User, 'id' | 'name'> | null = session.data?.user ?? null
  const ownerId = user && scope === 'mine' ? user.id : undefined
  // Until the session is known, asking would count the team's steps under the user's name.
  const summary = useApiQuery(
    'negotiation-due-summary',
    { ownerId },
    { enabled: !!session.data, refetchInterval: MINUTE, refetchOnWindowFocus: true, staleTime: 0 },
  )
  const { refetch } = summary

  // The backend also pushes when reminders fall due (both shells); refresh at once rather than wait.
  useEffect(() => onBackendEvent('reminders-due', () => void refetch()), [refetch])

  const due = summary.data ? summary.data.overdue + summary.data.dueToday : 0
  /** Whether the counts are the whole team's (no user chosen, or the team view asked for). */
  const team = ownerId === undefined
  return { summary, due, user, ownerId, team }
}
