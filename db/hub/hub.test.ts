// The hub against a real PostgreSQL server (a throwaway cluster, tests/support/postgres.ts).
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { TestBackend } from '../../tests/support/backend'
import { hubTestBed } from '../../tests/support/hub-testbed'
import { pgTestsEnabled } from '../../tests/support/postgres'
import { COPY_TABLES } from './copy-tables'
import { type TestHub, connectToHub, createTestHub, hashOf, syncNow } from './hub-fixtures'
import { initHub } from './init'
import { HUB_KEYS, readHubSetting } from './settings'
import { measureHubLog } from './status'
import { inTransaction } from '../context'
import { compactLog } from '../sync/compact'

// A bound, not a timing: these tests make hundreds of round trips to a real server, and at load 27+
// the unit default (30 s) cut three of them off.
describe.skipIf(!pgTestsEnabled())('PostgreSQL hub', { timeout: 120_000 }, () => {
  const bed = hubTestBed()
  const laptop = bed.laptop

  async function projectWithTalks(b: TestBackend) {
    const district = await b.call('district-create', { name: '槐荫区' })
    const park = await b.call('park-create', { districtId: district.id, name: '齐鲁医药港' })
    const investor = await b.call('investor-create', { name: '山东巨能液压有限公司' })
    const project = await b.call('project-create', { name: '巨能液压件项目', parkId: park.id, investorId: investor.id, totalInvestment: 350_000_000 })
    return { district, park, investor, project }
  }

  it('init is idempotent; an officer can append and read but not change, delete or forge the author', async () => {
    const founder = await laptop()
    const hub = await createTestHub(bed.cluster, founder, ['zhang'])
    // Again, as after an upgrade: nothing breaks, the team stays.
    await initHub({ url: bed.cluster.url(hub.name), password: null, team: { id: hub.teamId, name: '槐荫区招商团队' } })
    expect(await hub.admin('SELECT id FROM crm_hub.team')).toEqual([{ id: hub.teamId }])

    const client = new pg.Client({ connectionString: hub.officerUrl('zhang') })
    await client.connect()
    try {
      const replica = 'ABCDEFGHJKMNPQRS01'
      const insert = (counter: string, extra = '', extraValue: unknown[] = []) =>
        client.query(
          `INSERT INTO crm_hub.operation (hlc, team_id, replica_id, user_id, tbl, row_id, field, value${extra}) VALUES ($1, $2, $3, NULL, 'project', 'P1', 'name', '"巨能"'${extraValue.map((_, i) => `, $${4 + i}`).join('')})`,
          [`1764205200000-${counter}-${replica}`, hub.teamId, replica, ...extraValue],
        )
      await insert('0000')
      const rows = await client.query('SELECT seq, author FROM crm_hub.operation')
      expect(rows.rows).toEqual([{ seq: '1', author: `${hub.name}_zhang` }])
      const denied = async (work: Promise<unknown>) => expect(work).rejects.toThrow(/permission denied/)
      await denied(insert('0001', ', author', ['manager']))
      await denied(insert('0002', ', seq', [999]))
      await denied(client.query(`UPDATE crm_hub.operation SET value = '"改"'`))
      await denied(client.query('DELETE FROM crm_hub.operation'))
      await denied(client.query('TRUNCATE crm_hub.operation'))
      await denied(client.query(`UPDATE crm.project SET name = '改'`))
      await denied(client.query(`INSERT INTO crm_hub.team (id) VALUES ('TEAMXXXXXXXX')`))
      // The server keeps the relational copy, readable by the officer.
      expect((await client.query('SELECT name FROM crm.project')).rows).toEqual([{ name: '巨能' }])
    } finally {
      await client.end()
    }
    // A role with no grants sees nothing at all.
    await bed.cluster.createRole(`${hub.name}_stranger`, 'pw')
    const stranger = new pg.Client({ connectionString: bed.cluster.url(hub.name, `${hub.name}_stranger`, 'pw') })
    await stranger.connect()
    await expect(stranger.query('SELECT * FROM crm_hub.operation')).rejects.toThrow(/permission denied/)
    await expect(stranger.query('SELECT * FROM crm.project')).rejects.toThrow(/permission denied/)
    await stranger.end()
  })

  it('two laptops converge through the hub; the relational copy holds the same data', async () => {
    const a = await laptop()
    const b = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a', 'b'])
    await connectToHub(a, hub, 'a')
    await connectToHub(b, hub, 'b')
    const { project, investor } = await projectWithTalks(a)
    const tag = await a.call('tag-create', { name: '重点' })
    await a.call('project-update', { id: project.id, tagIds: [tag.id] })
    await a.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-20', type: 'visit_out', summary: '赴总部洽谈用地' })
    expect((await a.call('hub-status', {})).pending).toBeGreaterThan(0)

    const first = await syncNow(a)
    expect(first.pending).toBe(0)
    expect(first.lastResult!.pushed).toBeGreaterThan(0)
    await syncNow(b)
    expect(b.env.ctx.userId).toBeNull()
    expect(hashOf(b)).toBe(hashOf(a))
    // B joined A's team by syncing with the hub.
    expect((await b.call('hub-status', {})).teamId).toBe(hub.teamId)

    b.setNow('2026-11-27T10:00:00+08:00')
    await b.call('project-update', { id: project.id, name: '巨能液压扩产项目' })
    await b.call('investor-update', { id: investor.id, website: 'https://juneng.example.cn' })
    await syncNow(b)
    await syncNow(a)
    expect(hashOf(a)).toBe(hashOf(b))
    expect((await a.call('project-get', { id: project.id })).name).toBe('巨能液压扩产项目')

    // Nothing new: a second round moves nothing.
    const idle = await syncNow(a)
    expect(idle.lastResult).toMatchObject({ pushed: 0, pulled: 0 })
    await expectCopyEqualsReplica(hub, a)
  })

  it('a cursor reset re-reads the whole hub and applies nothing twice', async () => {
    const a = await laptop()
    const b = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a', 'b'])
    await connectToHub(a, hub, 'a')
    await connectToHub(b, hub, 'b')
    await projectWithTalks(a)
    await syncNow(a)
    await syncNow(b)
    const before = hashOf(b)
    const journal = count(b, 'change')
    b.env.ctx.sqlite.prepare('DELETE FROM setting WHERE key IN (?, ?)').run(HUB_KEYS.cursor, HUB_KEYS.pushedUpTo)
    const again = await syncNow(b)
    expect(again.lastResult!.pulled).toBeGreaterThan(0)
    expect(again.lastResult!.applied).toBe(0)
    expect(hashOf(b)).toBe(before)
    expect(count(b, 'change')).toBe(journal)
    const [{ n }] = await hub.admin<{ n: string }>('SELECT count(*) AS n FROM crm_hub.operation')
    expect(Number(n)).toBe(count(a, 'sync_operation'))
  })

  it('a cursor reset after compaction re-reads this laptop\'s own compacted ops as its own, not as forged (571b46d)', async () => {
    const a = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a'])
    await connectToHub(a, hub, 'a')
    await projectWithTalks(a)
    await syncNow(a)
    // The hub holds everything A wrote, so compaction moves all of it into the snapshot.
    const compacted = await inTransaction(a.env.ctx, async () => compactLog(a.env.ctx))
    expect(compacted.after).toBe(0)
    const before = hashOf(a)
    a.env.ctx.sqlite.prepare('DELETE FROM setting WHERE key = ?').run(HUB_KEYS.cursor)
    const again = await syncNow(a)
    expect(again.lastResult!.pulled).toBeGreaterThan(0)
    expect(again.lastResult!.applied).toBe(0)
    expect(hashOf(a)).toBe(before)
  })

  it('hub status reports the log: operations and bytes on disk beside the copy, as measured by the last sync', async () => {
    const a = await laptop()
    const b = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a', 'b'])
    await connectToHub(a, hub, 'a')
    await connectToHub(b, hub, 'b')
    // Before any sync nothing is known, and the status does not go to the network to find out.
    expect((await a.call('hub-status', {})).hubLog).toBeNull()
    await projectWithTalks(a)
    await syncNow(a)
    // B, an officer with only INSERT and SELECT on the log, measures it too.
    const status = await syncNow(b)
    const [truth] = await hub.admin<{ operations: string; logBytes: string; copyBytes: string }>(
      `SELECT (SELECT count(*) FROM crm_hub.operation) AS operations, pg_total_relation_size('crm_hub.operation') AS "logBytes",
              (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'crm' AND c.relkind = 'r') AS "copyBytes"`,
    )
    expect(Number(truth!.operations)).toBe(count(a, 'sync_operation'))
    expect(status.hubLog).toEqual({
      operations: Number(truth!.operations),
      operationsExact: true,
      logBytes: Number(truth!.logBytes),
      copyBytes: Number(truth!.copyBytes),
    })
    expect(status.hubLog!.logBytes).toBeGreaterThan(0)
    // Kept with the last result: a later status, without a connection, still reports it.
    expect((await b.call('hub-status', {})).hubLog).toEqual(status.hubLog)

    // A log too large to count at every sync reports PostgreSQL's estimate, and says so.
    await hub.admin('ANALYZE crm_hub.operation')
    const client = new pg.Client({ connectionString: hub.officerUrl('b') })
    await client.connect()
    try {
      const estimated = await measureHubLog(client, 0)
      expect(estimated).toMatchObject({ operations: Number(truth!.operations), operationsExact: false })
    } finally {
      await client.end()
    }
  })

  it('refuses hostile hub rows whole, with the reason, and changes nothing', async () => {
    const a = await laptop()
    const b = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a', 'b'])
    await connectToHub(a, hub, 'a')
    await connectToHub(b, hub, 'b')
    await projectWithTalks(a)
    await syncNow(a)
    await syncNow(b)
    const { replicaId: bReplica } = await b.call('hub-status', {})
    // A compromised hub: the administrator lifts the checks and writes rows no officer could.
    await hub.admin('ALTER TABLE crm_hub.operation DROP CONSTRAINT IF EXISTS operation_value_check')
    await hub.admin('ALTER TABLE crm_hub.operation DROP CONSTRAINT IF EXISTS operation_tbl_check')
    const forger = 'ZZZZZZZZZZZZZZZZ99'
    const cases: Array<[string, string, string, unknown, RegExp]> = [
      ['secretTable', 'X1', 'name', '"x"', /未知的数据表/],
      ['project', 'P9', 'totalInvestmentYuan', '"三亿"', /应为数字/],
      ['project', 'P9', 'name', JSON.stringify('长'.repeat(200_001)), /过长/],
      ['project', 'P9', 'nope', '"x"', /没有字段/],
    ]
    let counter = 0
    for (const [table, rowId, field, value, reason] of cases) {
      const hlc = `1764205300000-${(counter++).toString(16).padStart(4, '0')}-${forger}`
      await hub.admin(
        `INSERT INTO crm_hub.operation (hlc, team_id, replica_id, tbl, row_id, field, value) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
        [hlc, hub.teamId, forger, table, rowId, field, value],
      )
      await expectRefused(b, reason)
      await hub.admin('DELETE FROM crm_hub.operation WHERE hlc = $1', [hlc])
    }
    // Someone writing under this laptop's replica id.
    await hub.admin(
      `INSERT INTO crm_hub.operation (hlc, team_id, replica_id, tbl, row_id, field, value) VALUES ($1, $2, $3, 'project', 'P9', 'name', '"伪造"')`,
      [`1764205300000-0100-${bReplica}`, hub.teamId, bReplica],
    )
    await expectRefused(b, /冒用本机/)
    await hub.admin(`DELETE FROM crm_hub.operation WHERE replica_id = $1`, [bReplica])
    // A hub of another team (someone pointed the laptop at the wrong hub).
    const other = await laptop()
    const otherHub = await createTestHub(bed.cluster, other, ['b'])
    await b.call('hub-configure', { url: otherHub.officerUrl('b') })
    const hash = hashOf(b)
    const wrong = await b.call('hub-sync-now', { wait: true })
    expect(wrong.lastError).toMatch(/没有本团队/)
    expect(hashOf(b)).toBe(hash)
  })

  async function expectRefused(b: TestBackend, reason: RegExp) {
    const hash = hashOf(b)
    const cursor = readHubSetting<string>(b.env.ctx.sqlite, HUB_KEYS.cursor)
    const ops = count(b, 'sync_operation')
    const status = await b.call('hub-sync-now', { wait: true })
    expect(status.lastError).toMatch(reason)
    expect(hashOf(b)).toBe(hash)
    expect(readHubSetting<string>(b.env.ctx.sqlite, HUB_KEYS.cursor)).toBe(cursor)
    expect(count(b, 'sync_operation')).toBe(ops)
  }

  it('the demo: A logs negotiations offline, B edits the same project, the manager sees both and the conflict', async () => {
    const manager = await laptop('2026-11-28T08:00:00+08:00')
    const hub = await createTestHub(bed.cluster, manager, ['a', 'b', 'manager'])
    await connectToHub(manager, hub, 'manager')
    const { project } = await projectWithTalks(manager)
    await syncNow(manager)
    const a = await laptop('2026-11-28T09:00:00+08:00')
    const b = await laptop('2026-11-28T09:00:00+08:00')
    await connectToHub(a, hub, 'a')
    await connectToHub(b, hub, 'b')
    await syncNow(a)
    await syncNow(b)

    // A is offline: the hub is unreachable, the writes queue and the status says so.
    await a.call('hub-configure', { url: `postgres://${hub.name}_a:pw-a@127.0.0.1:1/${hub.name}` })
    await a.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-28', type: 'visit_out', summary: '第二次洽谈：用地 80 亩' })
    await a.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-28', type: 'phone', summary: '电话确认投资额' })
    a.setNow('2026-11-28T10:00:00+08:00')
    await a.call('project-update', { id: project.id, totalInvestment: 400_000_000 })
    const offline = await a.call('hub-sync-now', { wait: true })
    expect(offline.lastError).toMatch(/无法连接中心库/)
    expect(offline.pending).toBeGreaterThan(0)

    b.setNow('2026-11-28T11:00:00+08:00')
    await b.call('project-update', { id: project.id, totalInvestment: 450_000_000, progress: '已完成用地预审' })
    await syncNow(b)
    // Back online.
    await connectToHub(a, hub, 'a')
    const back = await syncNow(a)
    expect(back.pending).toBe(0)

    manager.setNow('2026-11-28T12:00:00+08:00')
    const pulled = await syncNow(manager)
    expect(pulled.lastResult!.toReview).toBeGreaterThan(0)
    const talks = await manager.call('negotiation-list', { projectId: project.id })
    expect(talks.rows.map((t) => t.summary).sort()).toEqual(['电话确认投资额', '第二次洽谈：用地 80 亩'])
    const seen = await manager.call('project-get', { id: project.id })
    expect(seen.totalInvestmentYuan).toBe(450_000_000)
    expect(seen.progress).toBe('已完成用地预审')
    const review = manager.env.ctx.sqlite.prepare('SELECT row_id AS rowId, field FROM sync_review WHERE resolved_at IS NULL').all()
    expect(review).toContainEqual({ rowId: project.id, field: 'totalInvestmentYuan' })
    await syncNow(a)
    await syncNow(b)
    expect(hashOf(a)).toBe(hashOf(manager))
    expect(hashOf(b)).toBe(hashOf(manager))
    const [copy] = await hub.admin<{ total: string; progress: string }>(
      'SELECT total_investment_yuan AS total, progress FROM crm.project WHERE id = $1',
      [project.id],
    )
    expect(copy).toEqual({ total: '450000000', progress: '已完成用地预审' })
  })
})

function count(b: TestBackend, table: string): number {
  return (b.env.ctx.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

/** Every copy column of every row equals the replica's column (as text; booleans for link tables). */
async function expectCopyEqualsReplica(hub: TestHub, b: TestBackend): Promise<void> {
  const sqlite = b.env.ctx.sqlite
  for (const t of COPY_TABLES) {
    const local = sqlite.prepare(`SELECT * FROM ${t.table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`).all() as Record<string, unknown>[]
    const copy = await hub.admin<Record<string, unknown>>(`SELECT * FROM crm.${t.copyTable} WHERE team_id = $1`, [hub.teamId])
    const live = t.keyColumns ? copy.filter((row) => row.deleted === false) : copy
    expect(live.length, t.copyTable).toBe(local.length)
    const byId = new Map(copy.map((row) => [row.id, row]))
    for (const row of local) {
      const id = t.keyColumns ? t.keyColumns.map((k) => row[k]).join(':') : row.id
      const mirrored = byId.get(id)!
      expect(mirrored, `${t.copyTable} ${String(id)}`).toBeDefined()
      for (const c of t.columns) {
        const want = row[c.column]
        const got = mirrored[c.column]
        const text = got instanceof Date ? (c.type === 'date' ? localDate(got) : got.toISOString()) : got
        expect(text === null ? null : String(text), `${t.copyTable}.${c.column}`).toBe(want === null || want === undefined ? null : String(want))
      }
    }
  }
}

const localDate = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
