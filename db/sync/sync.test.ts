import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { contentHash } from './content-hash'
import { exportPackage, importPackage } from './package'

const hashOf = (b: TestBackend) => contentHash(b.env.ctx.sqlite)

/** The same package with another header (the checksum covers only the operations). */
function withHeader(bytes: Buffer, header: object): Buffer {
  const text = gunzipSync(bytes).toString('utf8')
  return gzipSync(Buffer.from(`${JSON.stringify(header)}${text.slice(text.indexOf('\n'))}`, 'utf8'))
}

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

describe('packages never leave a gap', () => {
  it('a colleague the sender never heard from gets the whole log from a package for anyone', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const b = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const newcomer = await testBackend({ now: '2026-11-27T09:00:00Z' })
    await a.call('district-create', { name: '槐荫区' })
    await send(a, b)
    await send(b, a) // a now knows b holds the district
    a.setNow('2026-11-27T10:00:00Z')
    await a.call('project-create', { name: '液压件项目' })
    // Before: the package skipped what every known peer (b) held, so the newcomer got the project
    // without its district's history and its watermarks claimed the rest for good.
    await send(a, newcomer)
    expect(hashOf(newcomer)).toBe(hashOf(a))
    for (const x of [a, b, newcomer]) await x.close()
  })

  it('refuses a package made for this laptop from what it held before it lost data, and changes nothing', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const b = await testBackend({ now: '2026-11-27T09:00:00Z' })
    await a.call('district-create', { name: '槐荫区' })
    await send(a, b)
    const forB = await exportPackage(a.env.ctx, { forReplica: (await b.call('sync-status', {})).replicaId })
    expect(forB.header.after).toEqual({})
    await send(b, a) // a learns what b holds
    await a.call('district-create', { name: '长清区' })
    const fresh = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const { bytes } = await exportPackage(a.env.ctx, { forReplica: (await b.call('sync-status', {})).replicaId })
    // A laptop holding less than the package assumes (here: nothing) is told, not given half.
    const header = JSON.parse(gunzipSync(bytes).toString('utf8').split('\n')[0]!) as { receiver: string }
    const before = hashOf(b)
    await expect(importPackage(b.env.ctx, bytes, 'test')).resolves.toBeTruthy()
    expect(hashOf(b)).not.toBe(before)
    header.receiver = (await fresh.call('sync-status', {})).replicaId
    const refusal = await importPackage(fresh.env.ctx, withHeader(bytes, header), 'test').catch((error: Error) => error)
    expect(String((refusal as Error).message)).toContain('导入会留下缺口')
    expect(fresh.env.ctx.sqlite.prepare('SELECT count(*) AS n FROM district').get()).toEqual({ n: 0 })
    for (const x of [a, b, fresh]) await x.close()
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
