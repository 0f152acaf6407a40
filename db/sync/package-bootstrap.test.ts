// A blank laptop joining from a package for anyone writes the team's state in bulk (db/sync/bootstrap.ts
// bootstrapFromOperations), like a hub's first pull: the same data as the sender, the history kept as
// per-field winners, and later edits on either side merge by (clock, replica) as after a replay.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { checkpointsSettled, lastCheckpoint } from '../storage/checkpoint'
import { contentHash } from './content-hash'
import { exportPackage, importPackage } from './package'

const hashOf = (b: TestBackend) => contentHash(b.env.ctx.sqlite)
const count = (b: TestBackend, sql: string) => (b.env.ctx.sqlite.prepare(sql).get() as { n: number }).n

async function send(from: TestBackend, to: TestBackend, forReceiver = false) {
  const forReplica = forReceiver ? (await to.call('sync-status', {})).replicaId : undefined
  const { bytes } = await exportPackage(from.env.ctx, forReplica ? { forReplica } : {})
  return importPackage(to.env.ctx, bytes, 'test')
}

describe('a blank laptop joining from a package for anyone', () => {
  it('on a database file, leaves copying the package into the file to a worker after the COMMIT (db/storage/checkpoint.ts)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-package-join-'))
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const blank = await testBackend({ now: '2026-11-27T12:00:00Z', file: join(dir, 'crm.sqlite') })
    try {
      const district = await a.call('district-create', { name: '槐荫区' })
      await a.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
      await send(a, blank)
      const { sqlite } = blank.env.ctx
      await checkpointsSettled(sqlite)
      expect(lastCheckpoint(sqlite)).toMatchObject({ busy: 0 })
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
      expect(hashOf(blank)).toBe(hashOf(a))
    } finally {
      await blank.close()
      await a.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('writes the team in bulk, equal to the sender, and merges later edits like a replayed laptop', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const blank = await testBackend({ now: '2026-11-27T12:00:00Z' })
    // A laptop that already holds a record of its own replays the same package: the comparison.
    const replaying = await testBackend({ now: '2026-11-27T12:00:00Z' })
    const district = await a.call('district-create', { name: '槐荫区' })
    const park = await a.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    const investor = await a.call('investor-create', { name: '山东巨能液压有限公司' })
    const project = await a.call('project-create', { name: '巨能液压件项目', parkId: park.id, investorId: investor.id, totalInvestment: 350_000_000 })
    const tag = await a.call('tag-create', { name: '重点' })
    for (const progress of ['初次接触', '已赴总部洽谈']) await a.call('project-update', { id: project.id, progress, tagIds: [tag.id] })
    await a.call('project-update', { id: project.id, tagIds: [] })
    await a.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-20', type: 'visit_out', summary: '赴总部洽谈用地' })
    await replaying.call('tag-create', { name: '本机标签' })

    const joined = await send(a, blank)
    await send(a, replaying)
    // The blank laptop holds A's history as per-record winners, none of A's ops.
    const { replicaId } = await a.call('sync-status', {})
    const fromA = `SELECT count(*) AS n FROM sync_operation WHERE replica_id = '${replicaId}'`
    expect(count(blank, fromA)).toBe(0)
    expect(count(blank, 'SELECT count(*) AS n FROM sync_snapshot')).toBeGreaterThan(0)
    expect(count(replaying, fromA)).toBe(count(a, 'SELECT count(*) AS n FROM sync_operation'))
    expect(joined.received).toBe(count(a, 'SELECT count(*) AS n FROM sync_operation'))
    expect(joined.added).toMatchObject({ district: 1, park: 1, investor: 1, project: 1, negotiation: 1 })
    expect(hashOf(blank)).toBe(hashOf(a))
    // Derived data was rebuilt: search finds the project, the report facts hold it.
    expect(JSON.stringify(await blank.call('search', { text: '巨能' }))).toContain(project.id)
    expect(count(blank, `SELECT count(*) AS n FROM project_report WHERE project_id = '${project.id}'`)).toBe(1)

    // Concurrent edits of one field: the later clock wins on every laptop, bulk-joined or replayed.
    a.setNow('2026-11-27T13:00:00Z')
    blank.setNow('2026-11-27T13:30:00Z')
    replaying.setNow('2026-11-27T13:10:00Z')
    await a.call('project-update', { id: project.id, progress: 'A 的进展' })
    await blank.call('project-update', { id: project.id, progress: '新同事的进展', chain: '高端装备' })
    await replaying.call('project-update', { id: project.id, progress: '第三台的进展' })
    for (const [from, to] of [
      [a, blank],
      [blank, a],
      [replaying, a],
      [a, replaying],
      [a, blank],
      [blank, replaying],
    ] as const) {
      await send(from, to, true)
    }
    expect(await a.call('project-get', { id: project.id })).toMatchObject({ progress: '新同事的进展', chain: '高端装备' })
    const hashes = new Set([a, blank].map(hashOf))
    expect(hashes.size).toBe(1)
    expect(await replaying.call('project-get', { id: project.id })).toMatchObject({ progress: '新同事的进展', chain: '高端装备' })
  })
})
