import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BackendEvents, EventMessage, JobProgress } from '../contract/events'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { dispatch } from './dispatch'
import { EventBus, JOB_CANCELLED, announceWritesOutsideCalls } from './events-bus'
import { createDistrict } from '../../db/services/districts'
import { asBackgroundWriter } from '../../db/written-tables'

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
    const [first, second] = changes()
    expect(first).toMatchObject({ tables: ['district'], origin: 'test' })
    expect(second).toMatchObject({ tables: ['park'], origin: 'test', seq: first!.seq + 1 })
    expect(result.changed).toEqual({ tables: ['park'], seq: second!.seq })
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
    const { noteWritten, asWriter, ALL_TABLES } = await import('../../db/written-tables')
    const { tables } = await asWriter(async () => {
      noteWritten(api.env.ctx.sqlite, ALL_TABLES)
      noteWritten(api.env.ctx.sqlite, 'project')
    })
    expect(tables).toEqual(['*', 'project'])
  })
})

describe('data-changed comes from the writer that wrote, at once', () => {
  let api: TestBackend
  let seen: BackendEvents['data-changed'][]
  let next: (() => void) | null
  beforeEach(async () => {
    api = await testBackend()
    api.env.events = new EventBus()
    seen = []
    next = null
    api.env.events.subscribe((m) => {
      if (m.event !== 'data-changed') return
      seen.push(m.payload as BackendEvents['data-changed'])
      next?.()
    })
    // as the backend process does when it opens
    announceWritesOutsideCalls(api.env)
  })
  afterEach(() => api.close())

  /** Resolves at the next data-changed event. */
  const nextChange = () => new Promise<void>((resolve) => (next = resolve))

  it('a write made outside any call is announced once committed, and the next read carries nothing', async () => {
    const announced = nextChange()
    await createDistrict(api.env.ctx, { name: '历下区', code: null, note: null })
    await announced
    expect(seen).toEqual([expect.objectContaining({ tables: ['district'], origin: 'background' })])
    const read = await dispatch(api.env, 'district-list', {})
    expect(read.ok).toBe(true)
    expect(read.changed).toBeUndefined()
    expect(seen).toHaveLength(1)
  })

  it('a background writer (the hub sync) announces its own tables when it ends; the call running meanwhile carries only its own', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    // The background writer writes, then waits while a call writes another table.
    const background = asBackgroundWriter(api.env.ctx.sqlite, 'hub', async () => {
      await createDistrict(api.env.ctx, { name: '市中区', code: null, note: null })
      await held
    })
    const tag = await dispatch(api.env, 'tag-create', { name: '专精特新', color: '#1677ff' })
    expect(tag.changed?.tables).toEqual(['tag'])
    expect(seen.map((c) => c.tables)).toEqual([['tag']])
    release()
    await background
    expect(seen.at(-1)).toMatchObject({ tables: ['district'], origin: 'hub' })
    const read = await dispatch(api.env, 'district-list', {})
    expect(read.changed).toBeUndefined()
    expect(seen).toHaveLength(2)
  })
})

describe('long jobs report progress on the channel', () => {
  let api: TestBackend
  let progress: JobProgress[]
  beforeEach(async () => {
    api = await testBackend()
    api.env.events = new EventBus()
    progress = []
    api.env.events.subscribe((m) => m.event === 'job-progress' && progress.push(m.payload as JobProgress))
    for (const name of ['巨能液压扩产', '齐鲁制药新厂', '万华新材料']) await api.call('project-create', { name })
  })
  afterEach(() => api.close())

  it('an export goes from 0 to its total and finishes; so does the integrity check', async () => {
    const file = await api.call('ledger-export', { format: 'csv' })
    expect(file.rows).toBe(3)
    expect(progress[0]).toMatchObject({ job: 'export', label: '正在写出', done: 0, total: 3, cancellable: true })
    expect(progress.at(-1)).toMatchObject({ job: 'export', done: 3, total: 3, finished: true, cancellable: false })
    expect(new Set(progress.map((p) => p.jobId)).size).toBe(1)
    progress.length = 0
    const check = await api.call('storage-check', {})
    expect(check.ok).toBe(true)
    expect(progress.map((p) => [p.job, p.finished ?? false])).toEqual([['integrity-check', false], ['integrity-check', true]])
  })

  it('a cancelled export stops at its next step and says so; cancelling an ended job does nothing', async () => {
    api.env.events!.subscribe((m) => {
      const payload = m.payload as JobProgress
      if (m.event === 'job-progress' && !payload.finished) expect(api.env.events!.cancel(payload.jobId)).toBe(true)
    })
    const error = await api.fail('ledger-export', { format: 'csv' })
    expect(error).toMatchObject({ code: 'conflict', message: JOB_CANCELLED })
    expect(progress.at(-1)).toMatchObject({ finished: true, error: JOB_CANCELLED })
    expect(await api.call('job-cancel', { jobId: progress[0]!.jobId })).toEqual({ cancelled: false })
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

  it('never thins away a new step, however soon it follows the last event', () => {
    const bus = new EventBus()
    const labels: string[] = []
    bus.subscribe((m) => labels.push((m.payload as { label: string }).label))
    const job = bus.job('backup')
    job.step('正在复制', 0, 100)
    job.step('正在复制', 50, 100)
    job.step('正在校验备份', 0, null)
    expect(labels).toEqual(['正在复制', '正在校验备份'])
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
