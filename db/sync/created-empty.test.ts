// A created record's empty fields travel as no operation at all (db/sync/capture.ts): the peer
// must still build the very same row, and a later value for such a field merges like any edit.
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { contentHash } from './content-hash'
import { exportPackage, importPackage } from './package'

async function send(from: TestBackend, to: TestBackend) {
  const { bytes } = await exportPackage(from.env.ctx)
  return importPackage(to.env.ctx, bytes, 'test')
}

const rowOf = (x: TestBackend, id: string) => x.env.ctx.sqlite.prepare('SELECT * FROM project WHERE id = ?').get(id) as Record<string, unknown>

describe('a created record with empty fields', () => {
  it('reaches a peer as the same row, and later edits of its empty fields by either laptop merge by clock', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const b = await testBackend({ now: '2026-11-27T09:00:00Z' })
    // the first write starts A's replica, which records the rows it finds whole (db/sync/identity.ts)
    await a.call('district-create', { name: '槐荫区' })
    const project = await a.call('project-create', { name: '液压件项目' })

    const ops = a.env.ctx.sqlite.prepare("SELECT field, value FROM sync_operation WHERE tbl = 'project' AND row_id = ?").all(project.id) as { field: string; value: unknown }[]
    expect(ops.filter((op) => op.value === null)).toEqual([])
    const empty = Object.entries(rowOf(a, project.id)).filter(([, value]) => value === null)
    // the project really has empty columns (progress, dates, amounts…) that sent nothing
    expect(empty.map(([column]) => column)).toEqual(expect.arrayContaining(['progress', 'signed_on', 'total_investment_yuan']))

    const received = await send(a, b)
    expect(received.added).toMatchObject({ district: 1, project: 1 })
    expect(rowOf(b, project.id)).toEqual(rowOf(a, project.id))
    expect(contentHash(b.env.ctx.sqlite)).toBe(contentHash(a.env.ctx.sqlite))

    // A fills 进展 first, B later without having seen it: B's later value wins on both laptops.
    a.setNow('2026-11-27T10:00:00Z')
    await a.call('project-update', { id: project.id, progress: 'A 的进展', fixedAsset: '0.5亿' })
    b.setNow('2026-11-27T10:05:00Z')
    await b.call('project-update', { id: project.id, progress: 'B 的进展' })
    await send(a, b)
    await send(b, a)
    expect(contentHash(b.env.ctx.sqlite)).toBe(contentHash(a.env.ctx.sqlite))
    expect(rowOf(a, project.id)).toMatchObject({ progress: 'B 的进展', fixed_asset_yuan: 50_000_000 })
    await a.close()
    await b.close()
  })
})
