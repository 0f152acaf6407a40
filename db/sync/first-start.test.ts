// A laptop's first start of sync (db/sync/identity.ts): the rows typed before sync existed go out
// as operations, and they must go out as a create sends them — every field that holds a value,
// no operation for an empty one (db/sync/capture.ts says why a create sends none).
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { forgetClock } from './identity'

interface Op {
  tbl: string
  row_id: string
  field: string
  value: unknown
}
const opsOf = (x: TestBackend): Op[] => x.env.ctx.sqlite.prepare('SELECT tbl, row_id, field, value FROM sync_operation ORDER BY hlc').all() as Op[]

/**
 * Each field's last value per row, for the rows asked about: what a peer ends up with. A field
 * left empty (no op, or a null from a later edit's stamps) is null on the peer either way.
 */
function filled(ops: Op[], rows: ReadonlySet<string>): Map<string, unknown> {
  const fields = new Map<string, unknown>()
  for (const op of ops) if (rows.has(op.row_id)) fields.set(`${op.tbl} ${op.row_id} ${op.field}`, op.value)
  for (const [field, value] of fields) if (value === null) fields.delete(field)
  return fields
}

describe("a laptop's first start of sync", () => {
  it('sends the rows it finds as creating them sent them, and no empty field', async () => {
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    // Sync starts with the first write; the rows to compare are created after it.
    await a.call('tag-create', { name: '先行', color: '#1677ff' })
    const before = new Set(opsOf(a).map((op) => op.row_id))
    const district = await a.call('district-create', { name: '槐荫区' })
    const park = await a.call('park-create', { name: '槐荫智能制造产业区', districtId: district.id })
    const tag = await a.call('tag-create', { name: '重点', color: '#cf1322' })
    const investor = await a.call('investor-create', { name: '济南金石新材料科技有限公司' })
    await a.call('contact-create', { investorId: investor.id, name: '李经理' })
    await a.call('project-create', { name: '金石新材料复合材料项目', investorId: investor.id, parkId: park.id, tagIds: [tag.id] })
    const created = opsOf(a).filter((op) => !before.has(op.row_id))
    const rows = new Set(created.map((op) => op.row_id))
    expect([...new Set(created.map((op) => op.tbl))].sort()).toEqual(['contact', 'district', 'investor', 'park', 'project', 'projectTag', 'tag'].sort())

    // The same database as an app from before sync left it: no replica, no operations.
    a.env.ctx.sqlite.exec("DELETE FROM sync_operation; DELETE FROM setting WHERE key LIKE 'sync.%'")
    forgetClock(a.env.ctx.sqlite)
    // The next write starts sync and records every row it finds.
    await a.call('tag-create', { name: '触发', color: '#389e0d' })
    const snapshot = opsOf(a).filter((op) => rows.has(op.row_id))

    expect(snapshot.filter((op) => op.value === null)).toEqual([])
    expect(filled(snapshot, rows)).toEqual(filled(created, rows))
    await a.close()
  })
})
