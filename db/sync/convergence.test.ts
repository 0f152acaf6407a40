// Randomized convergence: 3–4 laptops write offline (creates, concurrent edits of the same
// fields, deletes and restores, stage changes, duplicate parks and investors, investor merges),
// then exchange packages in random order with duplicates and gaps. After a final round every
// laptop holds the same data, and the latest edit of each field won.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { contentHash } from './content-hash'
import { exportPackage, importPackage } from './package'

const STAGES = ['contacted', 'negotiating', 'signed', 'lost'] as const
const NAMES = ['液压件', '新能源电池', '生物医药', '智能装备']
const INVESTORS = ['巨能液压有限公司', '巨能液压（山东）有限公司', '华信科技有限公司']
const PARKS = ['齐鲁医药港', '玉清湖工业园']

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
  | { kind: 'send'; from: number; to: number }
  | { kind: 'replay'; pkg: number; to: number }

const replica = fc.nat(3)
const pick = fc.nat(20)
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
  fc.record({ kind: fc.constant('send' as const), from: replica, to: replica }),
  fc.record({ kind: fc.constant('replay' as const), pkg: fc.nat(30), to: replica }),
)

async function ids(b: TestBackend, table: 'project' | 'investor', live?: boolean): Promise<string[]> {
  const rows = b.env.ctx.sqlite
    .prepare(`SELECT id FROM ${table} ${live === undefined ? '' : live ? 'WHERE deleted_at IS NULL' : 'WHERE deleted_at IS NOT NULL'} ORDER BY id`)
    .all() as { id: string }[]
  return rows.map((row) => row.id)
}

const at = <T,>(list: T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length])

/** Domain refusals (a stage change not allowed, a name already taken here) are normal user errors. */
async function attempt(work: () => Promise<unknown>): Promise<void> {
  try {
    await work()
  } catch (error) {
    const code = (error as { apiError?: { code: string } }).apiError?.code
    if (!code || code === 'internal') throw error
  }
}

async function run(steps: Step[], laptops: number): Promise<void> {
  let clock = Date.parse('2026-11-20T08:00:00Z')
  const tick = (backends: TestBackend[]) => {
    clock += 1000
    // Laptop clocks disagree by up to a few seconds.
    backends.forEach((b, i) => b.setNow(new Date(clock + ((i * 1700) % 5000)).toISOString()))
  }
  const backends: TestBackend[] = []
  for (let i = 0; i < laptops; i++) backends.push(await testBackend({ now: '2026-11-20T08:00:00Z' }))
  const packages: Buffer[] = []
  try {
    const first = backends[0]!
    const district = await first.call('district-create', { name: '槐荫区' })
    for (const other of backends.slice(1)) await importPackage(other.env.ctx, (await exportPackage(first.env.ctx)).bytes, 'seed')

    for (const s of steps) {
      tick(backends)
      if (s.kind === 'send' || s.kind === 'replay') {
        const to = backends[s.to % laptops]!
        if (s.kind === 'send') {
          const from = backends[s.from % laptops]!
          if (from === to) continue
          const { bytes } = await exportPackage(from.env.ctx)
          packages.push(bytes)
          await importPackage(to.env.ctx, bytes, 'send')
        } else {
          const bytes = at(packages, s.pkg)
          // Its own package is refused, with a reason; any other, old or new, applies harmlessly.
          if (bytes) await attempt(() => importPackage(to.env.ctx, bytes, 'replay').catch((e) => Promise.reject(Object.assign(e, { apiError: { code: 'validation' } }))))
        }
        continue
      }
      const b = backends[s.r % laptops]!
      switch (s.kind) {
        case 'createProject':
          await attempt(() => b.call('project-create', { name: NAMES[s.name]! }))
          break
        case 'rename': {
          const id = at(await ids(b, 'project', true), s.pick)
          if (id) await attempt(() => b.call('project-update', { id, name: `${NAMES[s.name]}-${s.r}` }))
          break
        }
        case 'progress': {
          const id = at(await ids(b, 'project', true), s.pick)
          if (id) await attempt(() => b.call('project-update', { id, progress: s.text }))
          break
        }
        case 'delete': {
          const id = at(await ids(b, 'project', true), s.pick)
          if (id) await attempt(() => b.call('project-delete', { id }))
          break
        }
        case 'restore': {
          const id = at(await ids(b, 'project', false), s.pick)
          if (id) await attempt(() => b.call('project-restore', { id }))
          break
        }
        case 'stage': {
          const id = at(await ids(b, 'project', true), s.pick)
          const toStage = STAGES[s.stage]!
          const happenedOn = new Date(clock).toISOString().slice(0, 10)
          if (id) await attempt(() => b.call('project-stage-change', { id, toStage, happenedOn, note: null, reason: toStage === 'lost' ? '外迁' : null }))
          break
        }
        case 'createInvestor':
          await attempt(() => b.call('investor-create', { name: INVESTORS[s.name]!, confirmDuplicate: true }))
          break
        case 'merge': {
          const live = await ids(b, 'investor', true)
          const [sourceId, targetId] = [at(live, s.a), at(live, s.b)]
          if (sourceId && targetId && sourceId !== targetId) await attempt(() => b.call('investor-merge', { sourceId, targetId }))
          break
        }
        case 'createPark':
          await attempt(() => b.call('park-create', { districtId: district.id, name: PARKS[s.name]! }))
          break
      }
    }

    // Everyone talks to everyone until nothing new arrives (merges made while syncing travel too).
    for (let round = 0; round < 4; round++) {
      for (const from of backends) for (const to of backends) if (from !== to) await importPackage(to.env.ctx, (await exportPackage(from.env.ctx)).bytes, 'final')
    }
    const hashes = backends.map((b) => contentHash(b.env.ctx.sqlite))
    expect(new Set(hashes).size, 'every laptop holds the same data').toBe(1)

    // Every laptop holds the same log, and each field holds the value of its latest op.
    const logOf = (b: TestBackend) => b.env.ctx.sqlite.prepare('SELECT count(*) AS n, max(hlc) AS last FROM sync_operation').get()
    expect(new Set(backends.map((b) => JSON.stringify(logOf(b)))).size).toBe(1)
    const wrong = first.env.ctx.sqlite
      .prepare(
        `SELECT p.id, w.field, w.value FROM project p
         JOIN (SELECT row_id, field, value, max(hlc) FROM sync_operation WHERE tbl = 'project' GROUP BY row_id, field) w ON w.row_id = p.id
         WHERE (w.field = 'name' AND w.value IS NOT p.name) OR (w.field = 'progress' AND w.value IS NOT p.progress)
            OR (w.field = 'stage' AND w.value IS NOT p.stage) OR (w.field = 'deletedAt' AND w.value IS NOT p.deleted_at)`,
      )
      .all()
    expect(wrong, 'the latest op of each field won').toEqual([])
    // No live duplicates survive: one park per name, one investor per normalised name.
    const dupParks = first.env.ctx.sqlite.prepare('SELECT name, count(*) AS n FROM park WHERE deleted_at IS NULL GROUP BY district_id, name HAVING n > 1').all()
    expect(dupParks).toEqual([])
  } finally {
    for (const b of backends) await b.close()
  }
}

describe('sync convergence', () => {
  it('any writes on 3–4 laptops and any exchange order end in the same data everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), fc.integer({ min: 3, max: 4 }), run),
      { numRuns: Number(process.env.SYNC_RUNS ?? 12), ...(process.env.SYNC_SEED ? { seed: Number(process.env.SYNC_SEED) } : {}) },
    )
  }, 600_000)
})
