// Compaction of the local log (db/sync/compact.ts): acknowledged ops leave the log for the snapshot,
// unacknowledged ones stay, and a colleague who arrives after the pruning still gets everything.
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { inTransaction } from '../context'
import { compactLog } from './compact'
import { contentHash } from './content-hash'
import { exportPackage, importPackage } from './package'

const hashOf = (b: TestBackend) => contentHash(b.env.ctx.sqlite)
const logSize = (b: TestBackend) => (b.env.ctx.sqlite.prepare('SELECT count(*) AS n FROM sync_operation').get() as { n: number }).n
const compact = (b: TestBackend) => inTransaction(b.env.ctx, async () => compactLog(b.env.ctx))

async function send(from: TestBackend, to: TestBackend, forReceiver = false) {
  const forReplica = forReceiver ? (await to.call('sync-status', {})).replicaId : undefined
  const { bytes, header } = await exportPackage(from.env.ctx, forReplica ? { forReplica } : {})
  return { header, result: await importPackage(to.env.ctx, bytes, 'test') }
}

describe('compaction of the operation log', () => {
  it('prunes what every known colleague acknowledged, keeps the rest, and a late colleague still converges', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const b = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const late = await testBackend({ now: '2026-11-27T12:00:00Z' })
    const district = await a.call('district-create', { name: '槐荫区' })
    const park = await a.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    const project = await a.call('project-create', { name: '液压件项目', parkId: park.id })
    for (const progress of ['初次接触', '已赴总部洽谈', '等待用地指标']) await a.call('project-update', { id: project.id, progress })

    // Nobody has acknowledged anything yet: nothing may go.
    expect(await compact(a)).toMatchObject({ before: logSize(a), after: logSize(a), records: 0 })

    await send(a, b)
    await send(b, a) // B's package tells A what B holds
    a.setNow('2026-11-27T10:00:00Z')
    await a.call('project-update', { id: project.id, name: 'B 还没见过的名字' })
    const unacknowledged = a.env.ctx.sqlite.prepare("SELECT hlc FROM sync_operation WHERE field = 'name' AND value = 'B 还没见过的名字'").pluck().get() as string

    const before = logSize(a)
    const result = await compact(a)
    expect(result.before).toBe(before)
    expect(result.after).toBeLessThan(before / 3)
    expect(result.records).toBeGreaterThan(0)
    // The edit B has not acknowledged stays in the log, ready for B's next package.
    expect(a.env.ctx.sqlite.prepare('SELECT 1 FROM sync_operation WHERE hlc = ?').get(unacknowledged)).toBeDefined()
    // The data itself is untouched.
    expect((await a.call('project-get', { id: project.id })).progress).toBe('等待用地指标')

    // B gets only what it lacks; a colleague A never heard from gets the snapshot, not a gap.
    const toB = await send(a, b, true)
    expect(toB.header.opCount).toBeLessThan(10)
    expect(hashOf(b)).toBe(hashOf(a))
    await send(a, late)
    expect(hashOf(late)).toBe(hashOf(a))

    // Later concurrent edits still merge by (clock, replica) against the compacted history.
    late.setNow('2026-11-27T12:30:00Z')
    await late.call('project-update', { id: project.id, progress: '晚到同事的进展' })
    b.setNow('2026-11-27T11:00:00Z')
    await b.call('project-update', { id: project.id, progress: 'B 的进展' })
    await send(late, a)
    await send(b, a)
    await send(a, late, true)
    await send(a, b, true)
    expect(new Set([a, b, late].map(hashOf)).size).toBe(1)
    expect((await b.call('project-get', { id: project.id })).progress).toBe('晚到同事的进展')
    for (const backend of [a, b, late]) await backend.close()
  })
})
