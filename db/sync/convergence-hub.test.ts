// Randomized convergence through every way data travels: 3–4 laptops write offline (creates,
// concurrent edits of the same fields, deletes and restores, stage changes, duplicate parks and
// investors, investor merges, ledger imports through the real import path and the undo of an import
// batch), compact their logs now and then, and exchange both by file packages (random pairs, old
// packages replayed: duplicates and gaps) and through a real PostgreSQL hub (random laptops sync at
// random moments). One more laptop joins late by a first pull from the hub (bootstrap). After a final
// round every laptop holds the same data, and on each of them every field holds the value of its
// latest op (the log and the compacted snapshot together).
//
// Fixed seed by default, a few runs (it is in `npm test`); SYNC_HUB_RUNS=n for more runs,
// SYNC_SEED=n to replay one, SYNC_SHRINK=1 to let fast-check minimise a failing run.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { type PgCluster, pgTestsEnabled, startPostgres } from '../../tests/support/postgres'
import { inTransaction } from '../context'
import { type TestHub, connectToHub, createTestHub, syncNow } from '../hub/hub-fixtures'
import { compactLog } from './compact'
import { contentHash } from './content-hash'
import { exportPackage, importPackage } from './package'
import type { RowSnapshot } from './snapshot'

const STAGES = ['contacted', 'negotiating', 'signed', 'lost'] as const
const NAMES = ['液压件', '新能源电池', '生物医药', '智能装备']
const INVESTORS = ['巨能液压有限公司', '巨能液压（山东）有限公司', '华信科技有限公司']
const PARKS = ['齐鲁医药港', '玉清湖工业园']
// Ledger rows name projects of their own (an import matches them by name and district), so a later
// ledger updates what an earlier one — on this laptop or, after a sync, on another — created.
const LEDGER_PROJECTS = ['槐荫冷链物流项目', '槐荫数据中心项目', '槐荫新材料项目']
const LEDGER_STAGES = ['洽谈中', '签约', '在建', '已投产']
const LEDGER_NOTES = ['已约谈', '待回复用地', '已赴总部考察']

interface LedgerRow {
  project: number
  park: number
  amount: number
  stage: number
  note: number
}

type Step =
  | { kind: 'createProject'; r: number; name: number }
  | { kind: 'rename'; r: number; pick: number; name: number }
  | { kind: 'progress'; r: number; pick: number; text: string }
  | { kind: 'delete'; r: number; pick: number }
  | { kind: 'restore'; r: number; pick: number }
  | { kind: 'stage'; r: number; pick: number; stage: number }
  | { kind: 'createInvestor'; r: number; name: number }
  | { kind: 'merge'; r: number; a: number; b: number }
  | { kind: 'createPark'; r: number; name: number }
  | { kind: 'import'; r: number; rows: LedgerRow[] }
  | { kind: 'undoImport'; pick: number }
  | { kind: 'compact'; r: number }
  | { kind: 'send'; from: number; to: number }
  | { kind: 'replay'; pkg: number; to: number }
  | { kind: 'hubSync'; r: number }
  | { kind: 'join' }

const replica = fc.nat(4)
const pick = fc.nat(20)
const ledgerRow: fc.Arbitrary<LedgerRow> = fc.record({
  project: fc.nat(LEDGER_PROJECTS.length - 1),
  park: fc.nat(PARKS.length - 1),
  amount: fc.constantFrom(3000, 12000, 50000),
  stage: fc.nat(LEDGER_STAGES.length - 1),
  note: fc.nat(LEDGER_NOTES.length - 1),
})
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('createProject' as const), r: replica, name: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constant('rename' as const), r: replica, pick, name: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constant('progress' as const), r: replica, pick, text: fc.constantFrom('已约谈', '待回复', '考察中') }),
  fc.record({ kind: fc.constant('delete' as const), r: replica, pick }),
  fc.record({ kind: fc.constant('restore' as const), r: replica, pick }),
  fc.record({ kind: fc.constant('stage' as const), r: replica, pick, stage: fc.nat(STAGES.length - 1) }),
  fc.record({ kind: fc.constant('createInvestor' as const), r: replica, name: fc.nat(INVESTORS.length - 1) }),
  fc.record({ kind: fc.constant('merge' as const), r: replica, a: pick, b: pick }),
  fc.record({ kind: fc.constant('createPark' as const), r: replica, name: fc.nat(PARKS.length - 1) }),
  { arbitrary: fc.record({ kind: fc.constant('import' as const), r: replica, rows: fc.array(ledgerRow, { minLength: 1, maxLength: 3 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('undoImport' as const), pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('compact' as const), r: replica }), weight: 2 },
  fc.record({ kind: fc.constant('replay' as const), pkg: fc.nat(30), to: replica }),
  fc.record({ kind: fc.constant('join' as const) }),
  // Exchanges as often as writes: a run is mostly writes that meet, not writes that wait for the end.
  { arbitrary: fc.record({ kind: fc.constant('send' as const), from: replica, to: replica }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('hubSync' as const), r: replica }), weight: 4 },
)

/** A small ledger as an office keeps it (CSV), through the same import path as a chosen file. */
function ledgerCsv(rows: LedgerRow[]): Buffer {
  const lines = ['项目名称,所属区县,所属园区,总投资(万元),项目状态,项目进展情况']
  // One row per project: a ledger naming a project twice is refused row by row, not what this test is about.
  const seen = new Set<number>()
  for (const row of rows) {
    if (seen.has(row.project)) continue
    seen.add(row.project)
    lines.push([LEDGER_PROJECTS[row.project], '槐荫区', PARKS[row.park], row.amount, LEDGER_STAGES[row.stage], LEDGER_NOTES[row.note]].join(','))
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n'), 'utf8')
}

function ids(b: TestBackend, table: 'project' | 'investor', live?: boolean): string[] {
  const where = live === undefined ? '' : live ? 'WHERE deleted_at IS NULL' : 'WHERE deleted_at IS NOT NULL'
  return b.env.ctx.sqlite.prepare(`SELECT id FROM ${table} ${where} ORDER BY id`).pluck().all() as string[]
}

const at = <T,>(list: T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length])

/** Domain refusals (a stage change not allowed, an undo over later edits) are normal user errors. */
async function attempt(work: () => Promise<unknown>): Promise<void> {
  try {
    await work()
  } catch (error) {
    const code = (error as { apiError?: { code: string } }).apiError?.code
    if (!code || code === 'internal') throw error
  }
}

const PROJECT_COLUMNS: Record<string, string> = { name: 'name', progress: 'progress', stage: 'stage', deletedAt: 'deleted_at', totalInvestmentYuan: 'total_investment_yuan' }

/**
 * The fields of projects whose value is not that of their latest op, on one laptop. The latest op
 * of a field is the greatest hlc of the log and the compacted snapshot together.
 */
function wrongWinners(b: TestBackend): unknown[] {
  const { sqlite } = b.env.ctx
  const latest = new Map<string, [string, unknown]>()
  const offer = (rowId: string, field: string, hlc: string, value: unknown) => {
    if (!(field in PROJECT_COLUMNS)) return
    const key = `${rowId}\u0000${field}`
    const held = latest.get(key)
    if (!held || held[0] < hlc) latest.set(key, [hlc, value])
  }
  for (const op of sqlite.prepare("SELECT row_id AS rowId, field, hlc, value FROM sync_operation WHERE tbl = 'project'").all() as { rowId: string; field: string; hlc: string; value: unknown }[]) {
    offer(op.rowId, op.field, op.hlc, op.value)
  }
  for (const row of sqlite.prepare("SELECT row_id AS rowId, ops FROM sync_snapshot WHERE tbl = 'project'").all() as { rowId: string; ops: string }[]) {
    for (const [field, [hlc, , value]] of Object.entries(JSON.parse(row.ops) as RowSnapshot)) offer(row.rowId, field, hlc, value)
  }
  const wrong: unknown[] = []
  const read = sqlite.prepare(`SELECT ${Object.values(PROJECT_COLUMNS).join(', ')} FROM project WHERE id = ?`)
  for (const [key, [hlc, value]] of latest) {
    const [rowId, field] = key.split('\u0000') as [string, string]
    const row = read.get(rowId) as Record<string, unknown> | undefined
    const held = row?.[PROJECT_COLUMNS[field]!]
    if (held !== value) wrong.push({ rowId, field, hlc, expected: value, held })
  }
  return wrong
}

describe.skipIf(!pgTestsEnabled())('sync convergence through files and the hub', () => {
  let cluster: PgCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 180_000)
  afterAll(async () => cluster?.stop(), 60_000)

  // What the runs really did, over all of them: a generator that never imports, undoes or compacts
  // anything would pass vacuously.
  const done = { bootstrapped: 0, imported: 0, undone: 0, compacted: 0, hubPulled: 0, filesApplied: 0 }

  async function run(steps: Step[], laptops: number): Promise<void> {
    let clock = Date.parse('2026-11-20T08:00:00Z')
    const backends: TestBackend[] = []
    const tick = () => {
      clock += 1000
      // Laptop clocks disagree by up to a few seconds.
      backends.forEach((b, i) => b.setNow(new Date(clock + ((i * 1700) % 5000)).toISOString()))
    }
    const officer = (i: number) => `r${i}`
    for (let i = 0; i < laptops; i++) backends.push(await testBackend({ now: '2026-11-20T08:00:00Z' }))
    const packages: Buffer[] = []
    let hub: TestHub | undefined
    try {
      const first = backends[0]!
      hub = await createTestHub(cluster, first, [0, 1, 2, 3, 4].map(officer))
      const district = await first.call('district-create', { name: '槐荫区' })
      for (const other of backends.slice(1)) await importPackage(other.env.ctx, (await exportPackage(first.env.ctx)).bytes, 'seed')
      for (const [i, b] of backends.entries()) await connectToHub(b, hub, officer(i))

      // A laptop that holds nothing joins through the hub: its first pull is a bootstrap.
      let joined = false
      const join = async () => {
        joined = true
        tick()
        const late = await testBackend({ now: new Date(clock).toISOString() })
        backends.push(late)
        await connectToHub(late, hub!, officer(backends.length - 1))
        const [{ n: onHub }] = await hub!.admin<{ n: number }>('SELECT count(*)::int AS n FROM crm_hub.operation')
        await syncNow(late)
        // A hub that holds something is taken in bulk (an empty one leaves nothing to take).
        if (onHub! > 0) {
          expect(late.env.ctx.sqlite.prepare('SELECT count(*) FROM sync_snapshot').pluck().get(), 'the late laptop bootstrapped').toBeGreaterThan(0)
          done.bootstrapped += 1
        }
      }

      for (const s of steps) {
        tick()
        const n = backends.length
        switch (s.kind) {
          case 'join':
            if (!joined) await join()
            continue
          case 'send': {
            const [from, to] = [backends[s.from % n]!, backends[s.to % n]!]
            if (from === to) continue
            const { bytes } = await exportPackage(from.env.ctx)
            packages.push(bytes)
            const applied = await importPackage(to.env.ctx, bytes, 'send')
            done.filesApplied += applied.applied
            continue
          }
          case 'replay': {
            const bytes = at(packages, s.pkg)
            // Its own package is refused, with a reason; any other, old or new, applies harmlessly.
            const to = backends[s.to % n]!
            if (bytes) await attempt(() => importPackage(to.env.ctx, bytes, 'replay').catch((e) => Promise.reject(Object.assign(e, { apiError: { code: 'validation' } }))))
            continue
          }
          case 'undoImport': {
            // Batches are local (the laptop that imported undoes): any laptop's batch not undone yet.
            const batches: [TestBackend, string][] = []
            for (const b of backends) for (const batch of await b.call('ledger-import-batches', {})) if (batch.undoneAt === null) batches.push([b, batch.id])
            const chosen = at(batches, s.pick)
            if (chosen) {
              await attempt(async () => {
                await chosen[0].call('ledger-import-undo', { id: chosen[1] })
                done.undone += 1
              })
            }
            continue
          }
          case 'hubSync':
            done.hubPulled += (await syncNow(backends[s.r % n]!)).lastResult?.pulled ?? 0
            continue
        }
        const b = backends[s.r % n]!
        switch (s.kind) {
          case 'createProject':
            await attempt(() => b.call('project-create', { name: NAMES[s.name]! }))
            break
          case 'rename': {
            const id = at(ids(b, 'project', true), s.pick)
            if (id) await attempt(() => b.call('project-update', { id, name: `${NAMES[s.name]}-${s.r}` }))
            break
          }
          case 'progress': {
            const id = at(ids(b, 'project', true), s.pick)
            if (id) await attempt(() => b.call('project-update', { id, progress: s.text }))
            break
          }
          case 'delete': {
            const id = at(ids(b, 'project', true), s.pick)
            if (id) await attempt(() => b.call('project-delete', { id }))
            break
          }
          case 'restore': {
            const id = at(ids(b, 'project', false), s.pick)
            if (id) await attempt(() => b.call('project-restore', { id }))
            break
          }
          case 'stage': {
            const id = at(ids(b, 'project', true), s.pick)
            const toStage = STAGES[s.stage]!
            const happenedOn = new Date(clock).toISOString().slice(0, 10)
            if (id) await attempt(() => b.call('project-stage-change', { id, toStage, happenedOn, note: null, reason: toStage === 'lost' ? '外迁' : null }))
            break
          }
          case 'createInvestor':
            await attempt(() => b.call('investor-create', { name: INVESTORS[s.name]!, confirmDuplicate: true }))
            break
          case 'merge': {
            const live = ids(b, 'investor', true)
            const [sourceId, targetId] = [at(live, s.a), at(live, s.b)]
            if (sourceId && targetId && sourceId !== targetId) await attempt(() => b.call('investor-merge', { sourceId, targetId }))
            break
          }
          case 'createPark':
            await attempt(() => b.call('park-create', { districtId: district.id, name: PARKS[s.name]! }))
            break
          case 'import':
            await attempt(async () => {
              const result = await b.call('ledger-import', { fileName: '台账.csv', dataBase64: ledgerCsv(s.rows).toString('base64'), skipErrors: true })
              if (result.batchId) done.imported += 1
            })
            break
          case 'compact': {
            const { before, after } = await inTransaction(b.env.ctx, async () => compactLog(b.env.ctx))
            done.compacted += before - after
            break
          }
        }
      }
      if (!joined) await join()

      // Everyone syncs with the hub and sends everyone a file until nothing new arrives (merges made
      // while syncing travel too).
      for (let round = 0; round < 3; round++) {
        for (const b of backends) await syncNow(b)
        for (const b of backends) await syncNow(b)
        for (const from of backends) for (const to of backends) if (from !== to) await importPackage(to.env.ctx, (await exportPackage(from.env.ctx)).bytes, 'final')
      }
      const hashes = backends.map((b) => contentHash(b.env.ctx.sqlite))
      expect(new Set(hashes).size, 'every laptop holds the same data').toBe(1)
      for (const [i, b] of backends.entries()) expect(wrongWinners(b), `laptop ${i}: the latest op of each field won`).toEqual([])
      // No live duplicates survive: one park per name.
      const dupParks = first.env.ctx.sqlite.prepare('SELECT name, count(*) AS n FROM park WHERE deleted_at IS NULL GROUP BY district_id, name HAVING n > 1').all()
      expect(dupParks).toEqual([])
    } finally {
      for (const b of backends) await b.close()
    }
  }

  it('any writes, imports and undos on 3–4 laptops, exchanged by file and hub in any order, end in the same data everywhere', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 50 }), fc.integer({ min: 3, max: 4 }), run), {
      numRuns: Number(process.env.SYNC_HUB_RUNS ?? 3),
      seed: Number(process.env.SYNC_SEED ?? 20261130),
      endOnFailure: !process.env.SYNC_SHRINK,
    })
    if (process.env.SYNC_VERBOSE) console.info(done)
    for (const [what, count] of Object.entries(done)) expect(count, `the runs ${what} something`).toBeGreaterThan(0)
  }, 900_000)
})
