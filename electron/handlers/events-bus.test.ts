import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BackendEvents, EventMessage } from '../contract/events'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { dispatch } from './dispatch'
import { EventBus } from './events-bus'

describe('the event channel: data-changed after every write, from the records layer', () => {
  let api: TestBackend
  let seen: EventMessage[]
  beforeEach(async () => {
    api = await testBackend()
    api.env.events = new EventBus()
    seen = []
    api.env.events.subscribe((message) => seen.push(message))
  })
  afterEach(() => api.close())

  const changes = () => seen.flatMap((m) => (m.event === 'data-changed' ? [m.payload as BackendEvents['data-changed']] : []))

  it('says which tables a write changed, once per call, and the same in the answer', async () => {
    const district = await api.call('district-create', { name: '槐荫区' })
    const result = await dispatch(api.env, 'park-create', { districtId: district.id, name: '济南国际医学中心' })
    expect(result.ok).toBe(true)
    expect(changes()).toEqual([
      { tables: ['district'], origin: 'test', seq: 1 },
      { tables: ['park'], origin: 'test', seq: 2 },
    ])
    expect(result.changed).toEqual({ tables: ['park'], seq: 2 })
  })

  it('a read says nothing; a write with links names every table it touched', async () => {
    await api.call('park-list', {})
    expect(changes()).toEqual([])
    const tag = await api.call('tag-create', { name: '专精特新', color: '#1677ff' })
    seen.length = 0
    await api.call('project-create', { name: '巨能液压扩产', tagIds: [tag.id] })
    const [change] = changes()
    expect(change!.tables).toEqual(['project', 'projectTag'])
  })

  it('a refused write changes nothing and says nothing', async () => {
    const result = await dispatch(api.env, 'park-create', { districtId: 'NOPE', name: '某园区' })
    expect(result.ok).toBe(false)
    expect(changes()).toEqual([])
  })

  it('a restore refreshes everything', async () => {
    // In memory there is nothing to restore; the rule is what the handler notes on the new connection.
    const { noteWritten, takeWritten, ALL_TABLES } = await import('../../db/written-tables')
    noteWritten(api.env.ctx.sqlite, ALL_TABLES)
    noteWritten(api.env.ctx.sqlite, 'project')
    expect(takeWritten(api.env.ctx.sqlite)).toEqual(['*', 'project'])
    expect(takeWritten(api.env.ctx.sqlite)).toEqual([])
  })
})

describe('EventBus', () => {
  it('thins a job to its first, latest-per-interval and last events, and finishes with the total', () => {
    const bus = new EventBus()
    const seen: EventMessage[] = []
    bus.subscribe((m) => seen.push(m))
    const job = bus.job('ledger-import')
    for (let done = 0; done <= 1000; done++) job.step('写入', done, 1000)
    job.finish()
    const progress = seen.map((m) => m.payload as { done: number; finished?: boolean; jobId: string })
    expect(progress[0]!.done).toBe(0)
    expect(progress.length).toBeLessThan(20)
    expect(progress.at(-2)!.done).toBe(1000)
    expect(progress.at(-1)).toMatchObject({ done: 1000, finished: true, jobId: job.jobId })
  })

  it('a failing subscriber does not stop the others; unsubscribe stops delivery', () => {
    const bus = new EventBus()
    const seen: string[] = []
    bus.subscribe(() => {
      throw new Error('closed stream')
    })
    const off = bus.subscribe((m) => seen.push(m.event))
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    bus.dataChanged(['project'], 'web')
    quiet.mockRestore()
    off()
    bus.dataChanged(['project'], 'web')
    expect(seen).toEqual(['data-changed'])
    expect(bus.subscribers).toBe(1)
  })
})
