// A laptop's first start of sync (db/sync/identity.ts): the rows typed before sync existed go out
// as operations, and they must go out as a create sends them — every field that holds a value,
// no operation for an empty one (db/sync/capture.ts says why a create sends none).
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { clockOf, forgetClock } from './identity'
import { REPLICATED_TABLES, toSnake } from './tables'

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

  it('keeps each row together in the log, in the tables\' order, and stamps past 65,536 fields in one millisecond', async () => {
    // The clock stands still: every stamp falls in one millisecond, so the counter must roll over.
    const a = await testBackend({ now: '2026-11-27T09:00:00Z' })
    const district = await a.call('district-create', { name: '槐荫区' })
    const park = await a.call('park-create', { name: '槐荫智能制造产业区', districtId: district.id })
    const investor = await a.call('investor-create', { name: '济南金石新材料科技有限公司' })
    const tag = await a.call('tag-create', { name: '重点', color: '#cf1322' })
    await a.call('project-create', { name: '金石新材料复合材料项目', investorId: investor.id, parkId: park.id, tagIds: [tag.id] })
    const sqlite = a.env.ctx.sqlite
    // Rows from before sync, written as an old app wrote them: 20,000 tags of 4 filled fields each.
    const created = '2026-11-01T00:00:00.000Z'
    sqlite.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
       INSERT INTO tag (id, name, color, created_at, updated_at) SELECT printf('01OLDTAG%018d', i), '标签' || i, '#1677ff', ?, ? FROM n`,
    ).run(created, created)
    sqlite.exec("DELETE FROM sync_operation; DELETE FROM setting WHERE key LIKE 'sync.%'")
    forgetClock(sqlite)
    const indexes = () => sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sync_operation' ORDER BY name").all()
    const indexesBefore = indexes()
    await a.call('tag-create', { name: '触发', color: '#389e0d' })
    // The log's indexes, set aside while it filled, are back as the migration made them.
    expect(indexes()).toEqual(indexesBefore)
    const tagOps = (using: string) => sqlite.prepare(`SELECT count(*) AS n FROM sync_operation ${using} WHERE tbl = 'tag'`).get()
    expect(tagOps('INDEXED BY sync_operation_field')).toEqual(tagOps('NOT INDEXED'))

    const ops = sqlite.prepare('SELECT hlc, tbl, row_id, field FROM sync_operation ORDER BY hlc').all() as { hlc: string; tbl: string; row_id: string; field: string }[]
    expect(ops.length).toBeGreaterThan(65_536 + 10_000)
    // Every row's fields are one run in clock order, and the tables come parent first.
    const runs: string[] = []
    for (const op of ops) if (runs.at(-1) !== `${op.tbl} ${op.row_id}`) runs.push(`${op.tbl} ${op.row_id}`)
    expect(new Set(runs).size).toBe(runs.length)
    const order = (tbl: string) => REPLICATED_TABLES.indexOf(tbl as (typeof REPLICATED_TABLES)[number])
    const tables = ops.map((op) => order(op.tbl))
    expect(tables.slice(0, -5)).toEqual([...tables.slice(0, -5)].sort((x, y) => x - y))
    // Every row of every replicated table is there: as many rows in the log as in the tables.
    for (const table of REPLICATED_TABLES) {
      const { count } = sqlite.prepare(`SELECT count(*) AS count FROM ${toSnake(table)}`).get() as { count: number }
      expect(new Set(ops.filter((op) => op.tbl === table).map((op) => op.row_id)).size, table).toBe(count)
    }
    // The millisecond was borrowed rather than overflowed, and the clock goes on after the last stamp.
    const millis = new Set(ops.map((op) => op.hlc.slice(0, 13)))
    expect(millis.size).toBeGreaterThan(1)
    expect(clockOf(a.env.ctx).send() > ops.at(-1)!.hlc).toBe(true)
    await a.close()
  })
})
