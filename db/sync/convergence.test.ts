// Randomized convergence: 3–4 laptops write offline (creates, concurrent edits of the same
// fields, deletes and restores, stage changes, duplicate parks and investors, investor merges,
// ledger imports and their undo — db/sync/convergence-steps.ts),
// then exchange packages in random order with duplicates and gaps. After a final round every
// laptop holds the same data, and the latest edit of each field won.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { contentHash } from './content-hash'
import { type WriteStep, at, attempt, duplicateParks, write, writeSteps, wrongWinners } from './convergence-steps'
import { localWatermarks } from './log'
import type { Watermarks } from './operation'
import { exportPackage, importPackage } from './package'
import { mergeMarks, snapshotMarks } from './snapshot'

const sorted = (marks: Watermarks) => Object.fromEntries(Object.entries(marks).sort(([a], [b]) => (a < b ? -1 : 1)))

type Step = WriteStep | { kind: 'send'; from: number; to: number } | { kind: 'replay'; pkg: number; to: number }

const replica = fc.nat(3)
const step: fc.Arbitrary<Step> = fc.oneof(
  ...writeSteps(replica),
  { arbitrary: fc.record({ kind: fc.constant('send' as const), from: replica, to: replica }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('replay' as const), pkg: fc.nat(30), to: replica }), weight: 1 },
)

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
      await write(backends, s, { districtId: district.id, clock })
    }

    // Everyone talks to everyone until nothing new arrives (merges made while syncing travel too).
    for (let round = 0; round < 4; round++) {
      for (const from of backends) for (const to of backends) if (from !== to) await importPackage(to.env.ctx, (await exportPackage(from.env.ctx)).bytes, 'final')
    }
    const hashes = backends.map((b) => contentHash(b.env.ctx.sqlite))
    expect(new Set(hashes).size, 'every laptop holds the same data').toBe(1)

    // Every laptop holds the same operations, and each field holds the value of its latest op. A
    // laptop that joined from a package in bulk keeps the history before it as its snapshot (each
    // field's winner, db/sync/bootstrap.ts), not in its log: per origin, log and snapshot together
    // reach the same op everywhere, and the logs agree on every op after what any snapshot covers.
    expect(new Set(backends.map((b) => JSON.stringify(sorted(localWatermarks(b.env.ctx.sqlite))))).size, 'every laptop holds the same ops').toBe(1)
    const covered = backends.reduce<Watermarks>((marks, b) => mergeMarks(marks, snapshotMarks(b.env.ctx.sqlite)), {})
    const logOf = (b: TestBackend) =>
      b.env.ctx.sqlite
        .prepare('SELECT count(*) AS n, max(hlc) AS last FROM sync_operation o WHERE o.hlc > coalesce((SELECT value FROM json_each(?) WHERE key = o.replica_id), \'\')')
        .get(JSON.stringify(covered))
    expect(new Set(backends.map((b) => JSON.stringify(logOf(b)))).size, 'the logs agree after the snapshots').toBe(1)
    for (const [i, b] of backends.entries()) expect(wrongWinners(b), `laptop ${i}: the latest op of each field won`).toEqual([])
    // No live duplicates survive: one park per name.
    expect(duplicateParks(first)).toEqual([])
  } finally {
    for (const b of backends) await b.close()
  }
}

describe('sync convergence', () => {
  it('any writes on 3–4 laptops and any exchange order end in the same data everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 10, maxLength: 40 }), fc.integer({ min: 3, max: 4 }), run),
      { numRuns: Number(process.env.SYNC_RUNS ?? 12), seed: Number(process.env.SYNC_SEED ?? 20261130) },
    )
  }, 600_000)
})
