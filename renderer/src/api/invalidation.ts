// Which cached queries a write makes stale, in one place: each query method lists the tables it
// reads (names shown in a list count: a renamed park changes the project list). A write's tables
// come from the backend (the records layer notes every table it writes; see db/written-tables.ts),
// both beside the writer's own answer and as a data-changed event to every open window. A query
// not listed here refreshes after every write, so forgetting one costs speed, never truth.
import type { Query, QueryClient } from '@tanstack/react-query'
import type { MethodName } from '../../../electron/contract'
import type { DataChange } from '../../../electron/contract/events'
import type { Database } from '../../../db/schema'

type Table = keyof Database

/** Names shown beside records in most lists and details. */
const NAMES: Table[] = ['district', 'park', 'industry', 'user', 'tag']
const PROJECT_FACTS: Table[] = ['project', 'projectTag', 'investor', 'stageEvent', ...NAMES]
/** What the reports count: stages, money, follow-ups, requests, targets, events. */
const REPORT_FACTS: Table[] = [...PROJECT_FACTS, 'agreement', 'funds', 'negotiation', 'request', 'target', 'event', 'eventProject']

export const QUERY_READS: { readonly [M in MethodName]?: readonly Table[] } = {
  'district-list': ['district', 'park'],
  'park-list': ['park', 'district', 'industry', 'project'],
  'park-get': ['park', 'district', 'industry', 'project'],
  'industry-list': ['industry', 'project', 'investor'],
  'tag-list': ['tag', 'projectTag', 'investorTag'],
  'user-list': ['user'],
  'investor-list': ['investor', 'investorTag', 'contact', 'project', ...NAMES],
  'investor-get': ['investor', 'investorTag', 'contact', 'project', 'negotiation', 'eventInvestor', 'event', ...NAMES],
  'investor-duplicates': ['investor'],
  'investor-merge-preview': ['investor', 'investorTag', 'contact', 'project', 'negotiation', 'eventInvestor', 'attachment'],
  'project-list': PROJECT_FACTS,
  'project-board': PROJECT_FACTS,
  'project-get': [...PROJECT_FACTS, 'negotiation', 'agreement', 'funds', 'request', 'attachment', 'contact', 'event'],
  'negotiation-list': ['negotiation', 'project', 'investor', 'contact', ...NAMES],
  'negotiation-get': ['negotiation', 'project', 'investor', 'contact', ...NAMES],
  'negotiation-due-summary': ['negotiation', 'project', 'user'],
  'agreement-list-by-project': ['agreement'],
  'funds-list': ['funds'],
  'funds-summary': ['funds', 'project'],
  'request-list': ['request', 'project', 'investor', ...NAMES],
  'request-get': ['request', 'project', 'investor', ...NAMES],
  'event-list': ['event', 'eventInvestor', 'eventProject', ...NAMES],
  'event-get': ['event', 'eventInvestor', 'eventProject', 'investor', 'project', ...NAMES],
  'target-list': ['target', ...NAMES],
  'attachment-list': ['attachment'],
  'report-funnel': REPORT_FACTS,
  'report-flow': REPORT_FACTS,
  'report-breakdown': REPORT_FACTS,
  'report-targets': REPORT_FACTS,
  'report-exceptions': REPORT_FACTS,
  'report-rates': REPORT_FACTS,
  'report-activity': REPORT_FACTS,
  'report-drill': REPORT_FACTS,
  search: ['project', 'investor', 'contact', 'negotiation', ...NAMES],
  'ledger-import-batches': ['project', 'investor', 'importBatch'],
  'backup-list': [],
  'app-info': ['project', 'investor', 'park'],
}

/** Every table at once (the backend's ALL_TABLES: a restore, a received sync package, a write it cannot see). */
export const ALL_TABLES = '*'

/** Whether a cached query (key: [method, input]) reads any of the changed tables. */
export function readsAny(method: unknown, tables: readonly string[]): boolean {
  if (tables.includes(ALL_TABLES)) return true
  const reads = typeof method === 'string' ? QUERY_READS[method as MethodName] : undefined
  if (!reads) return true
  return reads.some((table) => tables.includes(table))
}

/**
 * Refreshes exactly the queries that read the changed tables (`*`: all of them). TanStack answers
 * the refresh of a query still on its first fetch with that very fetch, which may have been asked
 * before the change (an agreement row's file list, asked as the row appears while its file is
 * being stored): such a query is asked again once that fetch lands, or it would show the answer
 * from before the change until the next one.
 */
export async function invalidateTables(queryClient: QueryClient, tables: readonly string[]): Promise<void> {
  if (tables.length === 0) return
  const stale = (query: Query) => readsAny(query.queryKey[0], tables)
  const firstFetches = queryClient
    .getQueryCache()
    .findAll({ predicate: stale, fetchStatus: 'fetching' })
    .filter((query) => query.state.data === undefined)
  await queryClient.invalidateQueries({ predicate: stale })
  if (firstFetches.length === 0) return
  await Promise.allSettled(firstFetches.map((query) => query.promise))
  await queryClient.invalidateQueries({ predicate: (query) => firstFetches.includes(query) })
}

const REMEMBERED = 200

/**
 * One refresh per change, whichever arrives first: the writer's own answer or the data-changed
 * event (both carry the change's seq). A second arrival waits for the first refresh instead of
 * starting another. seq never repeats, even across backend restarts (see EventBus).
 *
 * Changes that arrive while a refresh runs wait for it and then refresh together, once: a burst of
 * writes elsewhere (an import, a sync, a colleague saving again and again) costs the page at most
 * one refresh running and one waiting, instead of a refetch per write that cancels the one before
 * and piles requests up behind the page's own.
 */
export function changeApplier(queryClient: QueryClient) {
  const applied = new Map<number, Promise<void>>()
  let running: Promise<void> | undefined
  let waiting: { tables: Set<string>; done: Promise<void> } | undefined

  const refresh = (tables: readonly string[]): Promise<void> => {
    if (!running) {
      running = invalidateTables(queryClient, tables).finally(() => {
        running = undefined
      })
      return running
    }
    if (waiting) {
      for (const table of tables) waiting.tables.add(table)
      return waiting.done
    }
    const next = { tables: new Set(tables), done: Promise.resolve() }
    const start = () => {
      waiting = undefined
      return refresh([...next.tables])
    }
    next.done = running.then(start, start)
    waiting = next
    return next.done
  }

  return (change: DataChange): Promise<void> => {
    const known = change.seq > 0 ? applied.get(change.seq) : undefined
    if (known) return known
    const done = refresh(change.tables)
    if (change.seq > 0) {
      applied.set(change.seq, done)
      if (applied.size > REMEMBERED) applied.delete(applied.keys().next().value!)
    }
    return done
  }
}
