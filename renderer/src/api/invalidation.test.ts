import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { changeApplier, readsAny } from './invalidation'

describe('which queries a write makes stale', () => {
  it('a park renamed refreshes lists showing park names, not the follow-up list of one project', () => {
    expect(readsAny('project-list', ['park'])).toBe(true)
    expect(readsAny('park-list', ['park'])).toBe(true)
    expect(readsAny('agreement-list-by-project', ['park'])).toBe(false)
    expect(readsAny('funds-list', ['project', 'negotiation'])).toBe(false)
  })

  it('a query not in the map, or a restore (*), refreshes on every change', () => {
    expect(readsAny('history-list', ['tag'])).toBe(true)
    expect(readsAny('funds-list', ['*'])).toBe(true)
  })

  it('refreshes once per change, whether the answer or the event comes first', async () => {
    const client = new QueryClient()
    const observe = (method: string) =>
      client.fetchQuery({ queryKey: [method, {}], queryFn: () => method }).then(() => undefined)
    await Promise.all([observe('project-list'), observe('funds-list')])
    // Only observed (active) queries refetch on invalidation; mark both stale and check which.
    const apply = changeApplier(client)
    await apply({ tables: ['project'], seq: 7 })
    await apply({ tables: ['project'], seq: 7 })
    expect(client.getQueryState(['project-list', {}])!.isInvalidated).toBe(true)
    expect(client.getQueryState(['funds-list', {}])!.isInvalidated).toBe(false)
    await observe('project-list')
    await apply({ tables: ['project'], seq: 7 })
    // The echo of change 7 did not mark the refreshed query stale again; a new change does.
    expect(client.getQueryState(['project-list', {}])!.isInvalidated).toBe(false)
    await apply({ tables: ['project'], seq: 8 })
    expect(client.getQueryState(['project-list', {}])!.isInvalidated).toBe(true)
  })

  it('a burst of changes while a refresh runs costs one more refresh, not one per change', async () => {
    const client = new QueryClient()
    let fetches = 0
    let answer: (() => void) | undefined
    const queryFn = () => {
      fetches++
      return new Promise<string>((resolve) => (answer = () => resolve(`answer ${fetches}`)))
    }
    // An open picker: an observed query, so invalidation refetches it.
    const observer = new QueryObserver(client, { queryKey: ['district-list', {}], queryFn })
    const unsubscribe = observer.subscribe(() => {})
    await vi.waitFor(() => expect(fetches).toBe(1))
    answer!()
    await vi.waitFor(() => expect(observer.getCurrentResult().isFetching).toBe(false))

    const apply = changeApplier(client)
    const first = apply({ tables: ['district'], seq: 1 })
    await vi.waitFor(() => expect(fetches).toBe(2))
    // A colleague saves 50 times while that refresh is still on its way.
    const burst = Array.from({ length: 50 }, (_, i) => apply({ tables: ['district'], seq: i + 2 }))
    answer!()
    await first
    await vi.waitFor(() => expect(fetches).toBe(3))
    answer!()
    await Promise.all(burst)
    expect(fetches).toBe(3)
    expect(observer.getCurrentResult().data).toBe('answer 3')
    unsubscribe()
  })
})

describe('a change made while a query is on its first fetch', () => {
  it('asks that query again once the fetch lands, instead of keeping the answer from before the change', async () => {
    // The agreement row's file list, asked as the row appears while its file is still being stored:
    // TanStack answers the refresh of a query with no data yet with the fetch already in flight.
    const client = new QueryClient()
    let stored = false
    const answers: Array<() => void> = []
    const queryFn = () => {
      const seen = stored ? ['投资协议.pdf'] : []
      return new Promise<string[]>((resolve) => answers.push(() => resolve(seen)))
    }
    const observer = new QueryObserver(client, { queryKey: ['attachment-list', { entity: 'agreement', entityId: 'a1' }], queryFn })
    const unsubscribe = observer.subscribe(() => {})
    await vi.waitFor(() => expect(answers).toHaveLength(1))

    stored = true
    const refreshed = changeApplier(client)({ tables: ['attachment'], seq: 1 })
    answers[0]!()
    await vi.waitFor(() => expect(answers).toHaveLength(2))
    answers[1]!()
    await refreshed
    expect(observer.getCurrentResult().data).toEqual(['投资协议.pdf'])
    unsubscribe()
  })
})
