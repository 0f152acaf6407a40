import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
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
})
