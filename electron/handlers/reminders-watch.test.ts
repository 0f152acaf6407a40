import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BackendEvents } from '../contract/events'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { EventBus } from './events-bus'
import { reminderWatcher } from './reminders-watch'

describe('reminders-due on the event channel', () => {
  let api: TestBackend
  let due: BackendEvents['reminders-due'][]
  beforeEach(async () => {
    api = await testBackend({ now: '2026-11-27T09:00:00+08:00' })
    api.env.events = new EventBus()
    due = []
    api.env.events.subscribe((m) => m.event === 'reminders-due' && due.push(m.payload as BackendEvents['reminders-due']))
  })
  afterEach(() => api.close())

  it('says so when a next step falls due at the turn of the day, not before and not twice', async () => {
    const project = await api.call('project-create', { name: '巨能液压扩产' })
    await api.call('negotiation-create', {
      happenedOn: '2026-11-27',
      type: 'visit_out',
      projectId: project.id,
      summary: '初步沟通扩产用地',
      nextStep: '送达用地方案',
      nextDueOn: '2026-11-28',
    } as never)
    const look = reminderWatcher(api.env)
    await look()
    await look()
    expect(due).toEqual([])
    api.setNow('2026-11-28T08:00:00+08:00')
    await look()
    await look()
    expect(due).toEqual([
      { count: 1, items: [{ negotiationId: expect.any(String), projectId: project.id, projectName: '巨能液压扩产', nextStep: '送达用地方案', dueOn: '2026-11-28' }] },
    ])
    api.setNow('2026-11-29T08:00:00+08:00')
    await look()
    // Overdue now: the same count, so no second alert.
    expect(due).toHaveLength(1)
  })
})
