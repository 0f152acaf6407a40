// Randomized convergence through every way data travels: 3–4 laptops write offline (creates,
// concurrent edits of the same fields, deletes and restores, stage changes, duplicate parks and
// investors, investor merges, ledger imports through the real import path and the undo of an import
// batch), compact their logs now and then, and exchange both by file packages (random pairs, old
// packages replayed: duplicates and gaps) and through a real PostgreSQL hub (random laptops sync at
// random moments). The hub is compacted now and then (`hub compact`), sometimes after forgetting a
// laptop, which then finds itself behind the compaction point. One more laptop joins late by a first
// pull from the hub (bootstrap, from the log or the hub's snapshot). After a final
// round every laptop holds the same data, and on each of them every field holds the value of its
// latest op (the log and the compacted snapshot together).
//
// Fixed seed by default, a few runs (it is in `npm test`); SYNC_HUB_RUNS=n for more runs,
// SYNC_SEED=n to replay one, SYNC_SHRINK=1 to let fast-check minimise a failing run, SYNC_VERBOSE=1
// to print what the runs did (imports, undos, compacted ops, bootstraps, ops pulled and applied).
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { type PgCluster, pgTestsEnabled, startPostgres } from '../../tests/support/postgres'
import { inTransaction } from '../context'
import { compactHub } from '../hub/compact'
import { type TestHub, connectToHub, createTestHub, syncNow } from '../hub/hub-fixtures'
import { compactLog } from './compact'
import { contentHash } from './content-hash'
import { type WriteStep, at, attempt, duplicateParks, write, writeSteps, wrongWinners } from './convergence-steps'
import { exportPackage, importPackage } from './package'

type Step =
  | WriteStep
  | { kind: 'compact'; r: number }
  | { kind: 'send'; from: number; to: number }
  | { kind: 'replay'; pkg: number; to: number }
  | { kind: 'hubSync'; r: number }
  | { kind: 'hubCompact'; forget: number | null }
  | { kind: 'join' }
  | { kind: 'settle' }

const replica = fc.nat(4)
const step: fc.Arbitrary<Step> = fc.oneof(
  ...writeSteps(replica),
  { arbitrary: fc.record({ kind: fc.constant('compact' as const), r: replica }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('replay' as const), pkg: fc.nat(30), to: replica }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('join' as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('settle' as const) }), weight: 1 },
  // Exchanges as often as writes: a run is mostly writes that meet, not writes that wait for the end.
  { arbitrary: fc.record({ kind: fc.constant('send' as const), from: replica, to: replica }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('hubSync' as const), r: replica }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('hubCompact' as const), forget: fc.option(replica) }), weight: 2 },
)

describe.skipIf(!pgTestsEnabled())('sync convergence through files and the hub', () => {
  let cluster: PgCluster
  beforeAll(async () => {
    cluster = await startPostgres()
  }, 180_000)
  afterAll(async () => cluster?.stop(), 60_000)

  // What the runs really did, over all of them: a generator that never imports, undoes or compacts
  // anything would pass vacuously.
  const done = { bootstrapped: 0, imported: 0, undone: 0, compacted: 0, hubPulled: 0, filesApplied: 0, hubPruned: 0 }

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
        const [{ n: onHub }] = await hub!.admin<{ n: number }>('SELECT (SELECT count(*) FROM crm_hub.operation) + (SELECT count(*) FROM crm_hub.snapshot) AS n')
        await syncNow(late)
        // A hub that holds something is taken in bulk (an empty one leaves nothing to take).
        if (Number(onHub) > 0) {
          expect(late.env.ctx.sqlite.prepare('SELECT count(*) FROM sync_snapshot').pluck().get(), 'the late laptop bootstrapped').toBeGreaterThan(0)
          done.bootstrapped += 1
        }
      }

      // Everyone syncs with the hub and sends everyone a file until nothing new arrives (merges made
      // while syncing travel too); then all hold the same data, and each field its latest op's value.
      // Then every laptop compacts: everyone has acknowledged everything, so most of each log moves
      // into the snapshot — the data must not change, and later writes must still merge by it.
      const settle = async (rounds: number) => {
        for (let round = 0; round < rounds; round++) {
          for (const b of backends) await syncNow(b)
          for (const b of backends) await syncNow(b)
          for (const from of backends) for (const to of backends) if (from !== to) await importPackage(to.env.ctx, (await exportPackage(from.env.ctx)).bytes, 'settle')
        }
        const hashes = backends.map((b) => contentHash(b.env.ctx.sqlite))
        expect(new Set(hashes).size, 'every laptop holds the same data').toBe(1)
        for (const [i, b] of backends.entries()) expect(wrongWinners(b), `laptop ${i}: the latest op of each field won`).toEqual([])
        for (const b of backends) {
          const { before, after } = await inTransaction(b.env.ctx, async () => compactLog(b.env.ctx))
          done.compacted += before - after
        }
        expect(backends.map((b) => contentHash(b.env.ctx.sqlite)), 'compaction changed no data').toEqual(hashes)
        for (const [i, b] of backends.entries()) expect(wrongWinners(b), `laptop ${i} after compaction: the latest op of each field won`).toEqual([])
      }

      for (const s of steps) {
        tick()
        const n = backends.length
        switch (s.kind) {
          case 'join':
            if (!joined) await join()
            continue
          case 'settle':
            await settle(2)
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
          case 'hubSync':
            done.hubPulled += (await syncNow(backends[s.r % n]!)).lastResult?.pulled ?? 0
            continue
          case 'hubCompact': {
            if (s.forget !== null) {
              // As for a laptop not seen for long: compaction stops waiting for it, and it falls behind.
              const { replicaId } = await backends[s.forget % n]!.call('hub-status', {})
              await hub.admin('DELETE FROM crm_hub.replica_cursor WHERE replica_id = $1', [replicaId])
            }
            const result = await compactHub({ url: cluster.url(hub.name), password: null })
            done.hubPruned += result.teams.reduce((sum, team) => sum + team.before - team.after, 0)
            continue
          }
        }
        if (s.kind === 'compact') {
          const b = backends[s.r % n]!
          const { before, after } = await inTransaction(b.env.ctx, async () => compactLog(b.env.ctx))
          done.compacted += before - after
          continue
        }
        const did = await write(backends, s, { districtId: district.id, clock })
        if (did) done[did] += 1
      }
      if (!joined) await join()

      await settle(3)
      // No live duplicates survive: one park per name.
      expect(duplicateParks(first)).toEqual([])
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
