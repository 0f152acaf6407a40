import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { contentHash } from './content-hash'
import { exportPackage, importPackage } from './package'

const hashOf = (b: TestBackend) => contentHash(b.env.ctx.sqlite)

async function send(from: TestBackend, to: TestBackend) {
  const { bytes } = await exportPackage(from.env.ctx)
  return importPackage(to.env.ctx, bytes, 'test')
}

describe('sync by packages', () => {
  it('brings a park and a project to another laptop and keeps the later edit of a field', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const b = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const district = await a.call('district-create', { name: '槐荫区' })
    const park = await a.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    const project = await a.call('project-create', { name: '液压件项目', parkId: park.id })
    const first = await send(a, b)
    expect(first.added).toMatchObject({ district: 1, park: 1, project: 1 })
    expect(hashOf(a)).toBe(hashOf(b))

    a.setNow('2026-11-27T10:00:00Z')
    await a.call('project-update', { id: project.id, name: 'A 的名字' })
    b.setNow('2026-11-27T10:05:00Z')
    await b.call('project-update', { id: project.id, name: 'B 的名字' })
    const atB = await send(a, b)
    const atA = await send(b, a)
    expect(hashOf(a)).toBe(hashOf(b))
    expect((await a.call('project-get', { id: project.id })).name).toBe('B 的名字')
    expect(atA.toReview + atB.toReview).toBeGreaterThan(0)

    const again = await send(b, a)
    expect(again.applied).toBe(0)
    expect(hashOf(a)).toBe(hashOf(b))
    await a.close()
    await b.close()
  })
})

describe('the demo: two officers offline, the manager imports both packages', () => {
  it('shows officer A’s negotiations and officer B’s edit, with the conflicting edit listed for review', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const dir = mkdtempSync(join(tmpdir(), 'crm-sync-demo-'))
    // Real database files, one per laptop.
    const manager = await testBackend({ file: join(dir, 'manager.sqlite'), now: '2026-11-27T08:00:00Z' })
    const officerA = await testBackend({ file: join(dir, 'a.sqlite'), now: '2026-11-27T08:00:00Z' })
    const officerB = await testBackend({ file: join(dir, 'b.sqlite'), now: '2026-11-27T08:00:00Z' })
    const me = await manager.call('user-create', { name: '王科长', role: 'manager' })
    await manager.call('session-set-user', { userId: me.id })
    const a = await manager.call('user-create', { name: '张三', role: 'staff' })
    const b = await manager.call('user-create', { name: '李四', role: 'staff' })
    const project = await manager.call('project-create', { name: '巨能液压扩产项目', progress: '初次接触' })
    await send(manager, officerA)
    await send(manager, officerB)
    await officerA.call('session-set-user', { userId: a.id })
    await officerB.call('session-set-user', { userId: b.id })

    officerA.setNow('2026-11-28T09:00:00Z')
    await officerA.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-28', type: 'visit_out', summary: '走访企业，谈用地' })
    await officerA.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-28', type: 'visit_in', summary: '企业来访，谈厂房' })
    await officerA.call('project-update', { id: project.id, progress: '已谈用地' })
    officerB.setNow('2026-11-28T10:00:00Z')
    await officerB.call('project-update', { id: project.id, progress: '等待企业答复', priority: 'municipal' })

    manager.setNow('2026-11-28T12:00:00Z')
    const fromA = await send(officerA, manager)
    const fromB = await send(officerB, manager)
    expect(fromA.added).toMatchObject({ negotiation: 2 })
    expect(fromB.changed).toMatchObject({ project: 1 })
    const seen = await manager.call('project-get', { id: project.id })
    expect(seen.progress).toBe('等待企业答复')
    expect(seen.priority).toBe('municipal')
    const negotiations = manager.env.ctx.sqlite.prepare('SELECT summary FROM negotiation WHERE project_id = ? ORDER BY summary').all(project.id)
    expect(negotiations).toHaveLength(2)
    const reviews = await manager.call('sync-review-list', {})
    expect(reviews).toHaveLength(1)
    expect(reviews[0]).toMatchObject({ field: 'progress', recordName: '巨能液压扩产项目', current: { value: '等待企业答复', userName: '李四' }, other: { value: '已谈用地', userName: '张三' } })
    for (const x of [manager, officerA, officerB]) await x.close()
  })
})
