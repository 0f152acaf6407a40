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
