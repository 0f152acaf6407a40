import { onlineManager, QueryObserver } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newQueryClient } from './queryClient'

describe('the page asks its own backend with no network', () => {
  afterEach(() => onlineManager.setOnline(true))

  it('reads and writes while the laptop is offline (navigator.onLine false)', async () => {
    onlineManager.setOnline(false)
    const client = newQueryClient()
    const observer = new QueryObserver(client, { queryKey: ['park-list', {}], queryFn: async () => ['槐荫智能制造产业区'] })
    const unsubscribe = observer.subscribe(() => {})
    await vi.waitFor(() => expect(observer.getCurrentResult().fetchStatus).not.toBe('fetching'))
    expect(observer.getCurrentResult().fetchStatus, 'paused waiting for a network the backend does not need').toBe('idle')
    expect(observer.getCurrentResult().data).toEqual(['槐荫智能制造产业区'])
    unsubscribe()

    const saved = await client.getMutationCache().build(client, { mutationFn: async () => 'saved' }).execute(undefined)
    expect(saved).toBe('saved')
  })
})
