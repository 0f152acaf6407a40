// A new laptop's first pull in bulk (db/hub/bootstrap.ts) against a real PostgreSQL hub: the same
// data as a laptop that replayed the whole log, and the same merges afterwards.
import { describe, expect, it } from 'vitest'
import type { TestBackend } from '../../tests/support/backend'
import { hubTestBed } from '../../tests/support/hub-testbed'
import { pgTestsEnabled } from '../../tests/support/postgres'
import { compactHub } from './compact'
import { connectToHub, createTestHub, hashOf, syncNow } from './hub-fixtures'
import { HUB_KEYS, readHubSetting } from './settings'
import { syncWithHub } from './sync'

const count = (b: TestBackend, table: string) => (b.env.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

/**
 * What a laptop derives from its rows and never sends (the content hash leaves it out): its triggers
 * and indexes, the search documents and what the full-text index finds, the report facts.
 */
function derived(b: TestBackend) {
  const rows = (sql: string) => (b.env.ctx.sqlite.prepare(sql).all() as unknown[]).map((row) => JSON.stringify(row)).sort()
  return {
    schema: rows("SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index')"),
    search: rows('SELECT kind, ref_id, title, body, keys FROM search_doc'),
    found: ['巨能液压', 'jnyy', '总部洽谈', '冷链仓储'].map((text) =>
      rows(`SELECT d.ref_id FROM search_fts f JOIN search_doc d ON d.docid = f.rowid WHERE search_fts MATCH '"${text}"'`),
    ),
    facts: rows('SELECT * FROM project_report'),
    stays: rows('SELECT * FROM project_stay'),
  }
}

describe.skipIf(!pgTestsEnabled())('first pull from the hub in bulk', () => {
  const bed = hubTestBed()
  const laptop = bed.laptop

  // Four laptops and a dozen syncs: longer than the default 30 s on a loaded machine.
  it('a bootstrapped laptop equals one that replayed the log, and both merge later edits the same way', { timeout: 120_000 }, async () => {
    const a = await laptop()
    const b = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a', 'b', 'c', 'd'])
    await connectToHub(a, hub, 'a')
    await connectToHub(b, hub, 'b')

    // A's history: creates, repeated edits of one field, a tag linked then unlinked, a delete and restore.
    const district = await a.call('district-create', { name: '槐荫区' })
    const park = await a.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    const investor = await a.call('investor-create', { name: '山东巨能液压有限公司' })
    const project = await a.call('project-create', { name: '巨能液压件项目', parkId: park.id, investorId: investor.id, totalInvestment: 350_000_000 })
    const other = await a.call('project-create', { name: '医药冷链仓储项目', parkId: park.id })
    const tag = await a.call('tag-create', { name: '重点' })
    await a.call('project-update', { id: project.id, tagIds: [tag.id], progress: '初次接触' })
    await a.call('project-update', { id: project.id, progress: '已赴总部洽谈' })
    await a.call('project-update', { id: other.id, tagIds: [tag.id] })
    await a.call('project-update', { id: other.id, tagIds: [] })
    await a.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-20', type: 'visit_out', summary: '赴总部洽谈用地' })
    await a.call('project-delete', { id: other.id })
    await a.call('project-restore', { id: other.id })
    await syncNow(a)
    await syncNow(b)

    // B edits offline, at a clock between A's progress edits and A's next edit of another field:
    // the bootstrapped laptops must still let B's progress win over A's older one.
    b.setNow('2026-11-27T10:00:00+08:00')
    await b.call('project-update', { id: project.id, progress: '对方要求补充用地指标' })
    a.setNow('2026-11-27T11:00:00+08:00')
    await a.call('project-update', { id: project.id, name: '巨能液压扩产项目' })
    await syncNow(a)

    // C bootstraps (the default for a laptop that holds nothing of the team), D replays every op.
    const c = await laptop('2026-11-27T12:00:00+08:00')
    const d = await laptop('2026-11-27T12:00:00+08:00')
    await connectToHub(c, hub, 'c')
    await connectToHub(d, hub, 'd')
    await syncNow(c)
    const replayed = await syncWithHub(d.env.ctx, { bootstrap: false })
    expect(replayed.pulled).toBe(count(a, 'sync_operation'))
    expect(hashOf(c)).toBe(hashOf(a))
    expect(hashOf(d)).toBe(hashOf(a))
    // The bulk write sets triggers and indexes aside and builds their work once: all of it is back and the same.
    expect(derived(c)).toEqual(derived(d))
    expect(derived(c).found.every((ids) => ids.length > 0)).toBe(true)
    // C holds the compacted state, not the history: one snapshot row per record, no received ops.
    expect(count(c, 'sync_operation')).toBe(0)
    expect(count(c, 'sync_snapshot')).toBeGreaterThan(0)
    expect(count(c, 'sync_snapshot')).toBeLessThan(count(a, 'sync_operation'))
    expect(count(d, 'sync_snapshot')).toBe(0)
    // The search index was rebuilt after the bulk write.
    const found = await c.call('search', { text: '巨能' })
    expect(JSON.stringify(found)).toContain(project.id)

    // B's offline edit arrives; C edits another field of the same project meanwhile.
    await syncNow(b)
    c.setNow('2026-11-27T12:30:00+08:00')
    await c.call('project-update', { id: project.id, chain: '高端装备' })
    for (const laptop of [c, d, a, b, c, d, a, b]) await syncNow(laptop)
    const hashes = new Set([a, b, c, d].map(hashOf))
    expect(hashes.size).toBe(1)
    const merged = await d.call('project-get', { id: project.id })
    expect(merged).toMatchObject({ name: '巨能液压扩产项目', progress: '对方要求补充用地指标', chain: '高端装备' })
    // C's own edit went out as ordinary ops after the snapshot.
    expect(count(c, 'sync_operation')).toBeGreaterThan(0)
  })

  it('refuses a snapshot with a hostile hub row whole, with the reason, and the laptop stays empty', { timeout: 120_000 }, async () => {
    const a = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a', 'c'])
    await connectToHub(a, hub, 'a')
    const district = await a.call('district-create', { name: '槐荫区' })
    const park = await a.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    const project = await a.call('project-create', { name: '巨能液压件项目', parkId: park.id, totalInvestment: 350_000_000 })
    await syncNow(a)
    const c = await laptop('2026-11-27T12:00:00+08:00')
    await connectToHub(c, hub, 'c')
    // A compromised hub: the administrator lifts the checks and writes what no officer could.
    await hub.admin('ALTER TABLE crm_hub.operation DROP CONSTRAINT IF EXISTS operation_value_check')
    const forger = 'ZZZZZZZZZZZZZZZZ99'
    const cases: Array<[string, string, string, RegExp]> = [
      ['P9', 'totalInvestmentYuan', '"三亿"', /应为数字/],
      ['P9', 'name', JSON.stringify('长'.repeat(100_001)), /过长/],
      ['P9', 'password', '"x"', /没有字段/],
      ['P9', 'createdAt', 'null', /不能为空/],
      [`${project.id}:`, '_deleted', '0', /关联记录编号格式错误/],
    ]
    let counter = 0
    for (const [rowId, field, value, reason] of cases) {
      const hlc = `1764205300000-${(counter++).toString(16).padStart(4, '0')}-${forger}`
      const table = field === '_deleted' ? 'projectTag' : 'project'
      await hub.admin(`INSERT INTO crm_hub.operation (hlc, team_id, replica_id, tbl, row_id, field, value) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`, [
        hlc,
        hub.teamId,
        forger,
        table,
        rowId,
        field,
        value,
      ])
      const status = await c.call('hub-sync-now', { wait: true })
      expect(status.lastError).toMatch(reason)
      expect(count(c, 'project')).toBe(0)
      expect(count(c, 'sync_snapshot')).toBe(0)
      expect(readHubSetting<string>(c.env.ctx.sqlite, HUB_KEYS.cursor) ?? '0').toBe('0')
      await hub.admin('DELETE FROM crm_hub.operation WHERE hlc = $1', [hlc])
    }
    // The genuine hub then bootstraps the same laptop.
    await syncNow(c)
    expect(hashOf(c)).toBe(hashOf(a))
  })

  it('reads a table of several pages from the log and from the compacted snapshot, each record once; a hostile record on a late page refuses the whole pull', { timeout: 120_000 }, async () => {
    const a = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['c', 'e', 'f'])
    // 12,345 investors (three pages of 5,000, read newest id first), written into the log server-side.
    const investors = 12_345
    await hub.admin(
      `INSERT INTO crm_hub.operation (hlc, team_id, replica_id, tbl, row_id, field, value)
       SELECT lpad((1767603600000 + row_number() OVER ())::text, 13, '0') || '-0000-SEEDREPLICA0000001', $1, 'SEEDREPLICA0000001', 'investor',
              'I' || lpad(n::text, 9, '0'), f.field, f.value
       FROM generate_series(1, ${investors}) AS n,
            LATERAL (VALUES ('name', to_jsonb('客商' || n)), ('createdAt', '"2026-01-05T09:00:00.000Z"'), ('updatedAt', '"2026-01-05T09:00:00.000Z"')) AS f (field, value)`,
      [hub.teamId],
    )
    const ids = (b: TestBackend) => b.env.ctx.sqlite.prepare('SELECT id FROM investor ORDER BY id').pluck().all() as string[]
    const expected = Array.from({ length: investors }, (_, i) => `I${String(i + 1).padStart(9, '0')}`)

    // A forged field on a record of the last page read: nothing of the pages before stays.
    const f = await laptop('2026-11-27T12:00:00+08:00')
    await connectToHub(f, hub, 'f')
    const forged = '1767603600000-0001-ZZZZZZZZZZZZZZZZ99'
    await hub.admin(`INSERT INTO crm_hub.operation (hlc, team_id, replica_id, tbl, row_id, field, value) VALUES ($1, $2, 'ZZZZZZZZZZZZZZZZ99', 'investor', 'I000000007', 'password', '"x"')`, [
      forged,
      hub.teamId,
    ])
    const refused = await f.call('hub-sync-now', { wait: true })
    expect(refused.lastError).toMatch(/没有字段/)
    expect(count(f, 'investor')).toBe(0)
    expect(count(f, 'sync_snapshot')).toBe(0)
    await hub.admin('DELETE FROM crm_hub.operation WHERE hlc = $1', [forged])

    const c = await laptop('2026-11-27T12:00:00+08:00')
    await connectToHub(c, hub, 'c')
    await syncNow(c)
    expect(ids(c)).toEqual(expected)
    expect(count(c, 'sync_snapshot')).toBe(investors)
    expect(c.env.ctx.sqlite.prepare("SELECT name FROM investor WHERE id = 'I000012345'").pluck().get()).toBe('客商12345')

    // Everyone known has read everything: the log moves into the hub's snapshot, read the same way.
    const compacted = await compactHub({ url: bed.cluster.url(hub.name), password: null })
    expect(compacted.teams[0]).toMatchObject({ after: 0, records: investors })
    const e = await laptop('2026-11-27T12:00:00+08:00')
    await connectToHub(e, hub, 'e')
    await syncNow(e)
    expect(ids(e)).toEqual(expected)
    expect(hashOf(e)).toBe(hashOf(c))
  })
})
