// The next steps that are due, polled every minute and on focus. The menu badge and the header
// bell read the same cached query, so there is one poll however many places show it.
import { useEffect } from 'react'
import { useApiQuery } from '../api/hooks'

const MINUTE = 60_000

export function useDueSummary() {
  const summary = useApiQuery('negotiation-due-summary', {}, { refetchInterval: MINUTE, refetchOnWindowFocus: true, staleTime: 0 })
  const { refetch } = summary

  // The desktop backend also pushes when reminders fall due; refresh at once rather than wait.
  useEffect(() => window.crm?.on('reminders-due', () => void refetch()), [refetch])

  const due = summary.data ? summary.data.overdue + summary.data.dueToday : 0
  return { summary, due }
}
