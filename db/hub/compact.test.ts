// `hub compact` against a real PostgreSQL server: the hub prunes what every known laptop has read
// into its snapshot, and no laptop — behind the point, offline across it, new, or one the hub
// forgot — is left with a gap.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TestBackend } from '../../tests/support/backend'
import { runCli } from '../../tests/support/bundle'
import { hubTestBed } from '../../tests/support/hub-testbed'
import { pgTestsEnabled } from '../../tests/support/postgres'
import { compactHub } from './compact'
import { connectHub } from './connect'
import { forgetLaptop } from './forget-laptop'
import { type TestHub, connectToHub, createTestHub, hashOf, syncNow } from './hub-fixtures'
import { initHub } from './init'
import { HUB_KEYS, readHubSetting } from './settings'

describe.skipIf(!pgTestsEnabled())('hub compact', () => {
  const bed = hubTestBed()
  const laptop = bed.laptop

  const compact = (hub: TestHub) => compactHub({ url: bed.cluster.url(hub.name), password: null })
  const logCount = async (hub: TestHub) => Number((await hub.admin<{ n: string }>('SELECT count(*) AS n FROM crm_hub.operation'))[0]!.n)
  const cursorOf = (b: TestBackend) => readHubSetting<string>(b.env.ctx.sqlite, HUB_KEYS.cursor)

  async function someWork(b: TestBackend, tag: string) {
    const district = await b.call('district-create', { name: `${tag}区` })
    const park = await b.call('park-create', { districtId: district.id, name: `${tag}园区` })
    const investor = await b.call('investor-create', { name: `${tag}液压有限公司` })
    const project = await b.call('project-create', { name: `${tag}液压件项目`, parkId: park.id, investorId: investor.id, totalInvestment: 350_000_000 })
    await b.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-20', type: 'visit_out', summary: `${tag}：赴总部洽谈用地` })
    return { project, investor }
  }

  it('prunes what every known laptop has read; laptops behind the point, offline across it, new or forgotten end with the same content', async () => {
    const a = await laptop()
    const b = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a', 'b', 'c', 'd'])
    await connectToHub(a, hub, 'a')
    await connectToHub(b, hub, 'b')
    const { project } = await someWork(a, '巨能')
    await syncNow(a)
    await syncNow(b)
    // Nobody has read anything yet that someone else has not: but both have read everything.
    const first = await compact(hub)
    expect(first.teams).toEqual([expect.objectContaining({ laptops: 2, after: 0, uptoSeq: cursorOf(a) })])
    expect(first.teams[0]!.before).toBeGreaterThan(0)
    expect(await logCount(hub)).toBe(0)

    // B is offline across the next compaction and edits meanwhile, at an earlier clock than A's edit.
    b.setNow('2026-11-28T09:00:00+08:00')
    await b.call('project-update', { id: project.id, totalInvestment: 380_000_000, progress: 'B：用地预审' })
    a.setNow('2026-11-28T10:00:00+08:00')
    await a.call('project-update', { id: project.id, totalInvestment: 450_000_000 })
    await a.call('project-delete', { id: project.id })
    await a.call('project-restore', { id: project.id })
    await someWork(a, '齐鲁')
    await syncNow(a)
    // B's cursor holds the point back: only what B read too is pruned (nothing new).
    const held = await compact(hub)
    expect(held.teams[0]).toMatchObject({ laptops: 2, uptoSeq: null })
    expect(await logCount(hub)).toBeGreaterThan(0)

    // A mistyped laptop is refused in plain words, naming the laptops the hub knows; nothing changes.
    const url = bed.cluster.url(hub.name)
    await expect(forgetLaptop({ url, password: null }, 'NOSUCHLAPTOP00000001')).rejects.toThrow(
      new RegExp(`^中心库不认识电脑 NOSUCHLAPTOP00000001，没有做任何修改。中心库认识的电脑：.*登录角色 ${hub.name}_b.*登录角色 ${hub.name}_a`),
    )
    expect(await hub.admin('SELECT replica_id FROM crm_hub.replica_cursor')).toHaveLength(2)
    // The hub forgets B (retired, as for a laptop not seen for long): now A's reading decides, and B is behind.
    const bReplica = (await b.call('hub-status', {})).replicaId!
    const forgotten = await forgetLaptop({ url, password: null }, bReplica)
    expect(forgotten).toMatchObject({ teamId: hub.teamId, replicaId: bReplica, author: `${hub.name}_b`, seq: cursorOf(b) })
    expect(await hub.admin('SELECT replica_id FROM crm_hub.replica_cursor')).toEqual([{ replica_id: (await a.call('hub-status', {})).replicaId }])
    const second = await compact(hub)
    expect(second.teams[0]).toMatchObject({ laptops: 1, after: 0, uptoSeq: cursorOf(a) })
    expect(BigInt(cursorOf(b)!)).toBeLessThan(BigInt(second.teams[0]!.uptoSeq!))

    // B comes back: its older edit goes up, the snapshot comes down; nothing is lost either way.
    const back = await syncNow(b)
    expect(back.lastResult!.pulled).toBeGreaterThan(0)
    expect(cursorOf(b)).not.toBeNull()
    await syncNow(a)
    expect(hashOf(b)).toBe(hashOf(a))
    const seen = await b.call('project-get', { id: project.id })
    expect(seen.totalInvestmentYuan).toBe(450_000_000)
    expect(seen.progress).toBe('B：用地预审')
    // The relational copy keeps A's newer amount: B's older op arrived after A's was pruned.
    const [copy] = await hub.admin<{ total: string; progress: string }>('SELECT total_investment_yuan AS total, progress FROM crm.project WHERE id = $1', [project.id])
    expect(copy).toEqual({ total: '450000000', progress: 'B：用地预审' })

    // A laptop with records of its own, never seen by the hub: the snapshot through the ordinary apply.
    const c = await laptop('2026-11-28T12:00:00+08:00')
    await someWork(c, '泉城')
    await connectToHub(c, hub, 'c')
    await syncNow(c)
    // A blank laptop: the hub's snapshot in bulk, then the log after the point.
    const d = await laptop('2026-11-28T12:00:00+08:00')
    await connectToHub(d, hub, 'd')
    await syncNow(d)
    await syncNow(a)
    await syncNow(b)
    await syncNow(d)
    expect(hashOf(c)).toBe(hashOf(a))
    expect(hashOf(d)).toBe(hashOf(a))
    expect(hashOf(b)).toBe(hashOf(a))

    // Compacting again merges into the snapshot kept before; a new blank laptop still matches.
    const third = await compact(hub)
    expect(third.teams[0]).toMatchObject({ laptops: 4, after: 0 })
    expect(third.logBytesBefore).toBeGreaterThan(0)
    const e = await laptop('2026-11-28T12:00:00+08:00')
    await connectToHub(e, hub, 'd')
    await syncNow(e)
    expect(hashOf(e)).toBe(hashOf(a))
  }, 180_000)

  it('an existing hub is upgraded by hub init: officers keep syncing, report their cursors, and compaction works', async () => {
    const a = await laptop()
    const hub = await createTestHub(bed.cluster, a, ['a'])
    // The hub as version 1 left it: no compaction tables, no note_read, officers without those grants.
    await hub.admin(`DROP FUNCTION crm_hub.note_read(text, text, bigint)`)
    await hub.admin(`DROP TABLE crm_hub.replica_cursor, crm_hub.compaction, crm_hub.snapshot CASCADE`)
    await hub.admin(`UPDATE crm_hub.meta SET value = '1' WHERE key = 'schema_version'`)
    // The copy's upserts of version 1 did not read the snapshot.
    await hub.admin(`UPDATE crm_hub.copy_field SET upsert_sql = regexp_replace(upsert_sql, 'AND NOT EXISTS \\(SELECT 1 FROM crm_hub\\.snapshot.*\\)\\) ', '')`)
    await connectToHub(a, hub, 'a')
    await someWork(a, '巨能')
    await syncNow(a)
    await expect(compact(hub)).rejects.toThrow(/请先用管理员账号运行 hub init/)

    await initHub({ url: bed.cluster.url(hub.name), password: null, team: { id: hub.teamId, name: '槐荫区招商团队' } })
    await syncNow(a)
    const [cursor] = await hub.admin<{ seq: string; author: string }>('SELECT seq::text, author FROM crm_hub.replica_cursor')
    expect(cursor).toEqual({ seq: cursorOf(a), author: `${hub.name}_a` })
    // From the command line, as the administrator: the log's size before and after, in plain words.
    const dir = mkdtempSync(join(tmpdir(), 'crm-hub-compact-'))
    const cli = await runCli(['--db', join(dir, 'admin.sqlite'), 'hub', 'compact', '--url', bed.cluster.url(hub.name)])
    expect(cli.code, cli.out).toBe(0)
    expect(cli.out).toMatch(new RegExp(`团队 ${hub.teamId}：1 台已知电脑都已读到第 ${cursorOf(a)} 条，已压缩为 \\d+ 条记录的快照；日志 \\d+ → 0 条操作`))
    expect(cli.out).toMatch(/操作日志占用：.+ → .+（/)
    expect(await logCount(hub)).toBe(0)
    const b = await laptop()
    await connectToHub(b, hub, 'a')
    await syncNow(b)
    expect(hashOf(b)).toBe(hashOf(a))

    // A retired laptop dropped from the command line; an unknown one refused, changing nothing.
    const forget = (replicaId: string) => runCli(['--db', join(dir, 'admin.sqlite'), 'hub', 'forget-laptop', '--url', bed.cluster.url(hub.name), replicaId])
    const unknown = await forget('NOSUCHLAPTOP00000001')
    expect(unknown.code).not.toBe(0)
    expect(unknown.out).toContain('中心库不认识电脑 NOSUCHLAPTOP00000001，没有做任何修改。中心库认识的电脑：')
    expect(await hub.admin('SELECT replica_id FROM crm_hub.replica_cursor')).toHaveLength(2)
    const aReplica = (await a.call('hub-status', {})).replicaId!
    const retired = await forget(aReplica)
    expect(retired.code, retired.out).toBe(0)
    expect(retired.out).toContain(`中心库已忘记电脑 ${aReplica}（登录角色 ${hub.name}_a，`)
    expect(await hub.admin('SELECT replica_id FROM crm_hub.replica_cursor')).toEqual([{ replica_id: (await b.call('hub-status', {})).replicaId }])
    rmSync(dir, { recursive: true, force: true })
  }, 180_000)

  it("runs the administrator's compaction without the background sync's two-minute statement limit (a city's log is one long statement)", async () => {
    const limitOf = async (unlimited: boolean) => {
      const hub = await connectHub({ url: bed.cluster.url('postgres'), password: null, unlimited })
      try {
        return (await hub.client.query<{ statement_timeout: string }>('SHOW statement_timeout')).rows[0]!.statement_timeout
      } finally {
        await hub.close()
      }
    }
    expect(await limitOf(false)).toBe('2min')
    expect(await limitOf(true)).toBe('0')
  })
})
