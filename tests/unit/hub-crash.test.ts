// SIGKILL in the middle of a hub sync loses nothing and applies nothing twice: a child process
// pushes (then pulls) in small batches and is killed at random moments until one run completes;
// then the hub holds exactly the source's operations once, and the puller equals the source.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectToHub, createTestHub, hashOf } from '../../db/hub/hub-fixtures'
import { checkSqlite } from '../../db/storage/integrity'
import { snapshotMarks } from '../../db/sync/snapshot'
import { type TestBackend, testBackend } from '../support/backend'
import { type PgCluster, pgTestsEnabled, startPostgres } from '../support/postgres'

const ROOT = join(__dirname, '..', '..')
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'crm-crash', `hub-syncer-${process.pid}.mjs`)
const NOW = '2026-11-27T09:00:00+08:00'

async function runAndMaybeKill(file: string, killAfterSteps: number): Promise<'killed' | 'done'> {
  const child: ChildProcess = spawn(process.execPath, [BUNDLE, file, NOW], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    let steps = 0
    const failsafe = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      steps = out.split('\n').filter((line) => /^(pushed|pulled) /.test(line)).length
      if (steps >= killAfterSteps && !out.includes('DONE')) child.kill('SIGKILL')
    })
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(failsafe)
      if (out.includes('DONE') && code === 0) resolve('done')
      else if (signal === 'SIGKILL') resolve('killed')
      else reject(new Error(`hub syncer exited with ${code}: ${err}`))
    })
  })
}

// Kills per phase (push, pull): each child start costs seconds on this machine. CRASH_KILLS=20 for more.
const KILLS = Number(process.env.CRASH_KILLS ?? 3)

/** Runs the syncer, killing it after 1–4 batches, KILLS times; then lets a run complete. Returns the kill count. */
async function syncThroughKills(file: string): Promise<number> {
  let kills = 0
  for (let run = 0; run < KILLS + 50; run++) {
    const outcome = await runAndMaybeKill(file, kills < KILLS ? 1 + Math.floor(Math.random() * 4) : Number.POSITIVE_INFINITY)
    if (outcome === 'done') return kills
    kills += 1
  }
  throw new Error('the syncer never completed')
}

describe.skipIf(!pgTestsEnabled())('hub sync survives SIGKILL', () => {
  let cluster: PgCluster
  const dir = mkdtempSync(join(tmpdir(), 'crm-hub-crash-'))
  beforeAll(async () => {
    mkdirSync(join(BUNDLE, '..'), { recursive: true })
    await build({
      entryPoints: [join(ROOT, 'tests', 'crash', 'hub-syncer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: BUNDLE,
      logLevel: 'error',
    })
    cluster = await startPostgres()
  }, 180_000)
  afterAll(async () => {
    await cluster?.stop()
    rmSync(dir, { recursive: true, force: true })
    rmSync(BUNDLE, { force: true })
  }, 60_000)

  it('push and pull killed mid-way lose nothing and apply nothing twice', { timeout: 600_000 }, async () => {
    const source = await testBackend({ file: join(dir, 'a.sqlite'), now: NOW })
    const puller = await testBackend({ file: join(dir, 'b.sqlite'), now: NOW })
    const backends: TestBackend[] = [source, puller]
    try {
      const hub = await createTestHub(cluster, source, ['a', 'b'])
      await connectToHub(source, hub, 'a')
      await connectToHub(puller, hub, 'b')
      const district = await source.call('district-create', { name: '长清区' })
      const park = await source.call('park-create', { districtId: district.id, name: '长清经济开发区' })
      for (let i = 0; i < 12; i++) {
        const project = await source.call('project-create', { name: `智能制造项目${i}`, parkId: park.id, totalInvestment: 10_000_000 * (i + 1) })
        for (let j = 0; j < 3; j++) {
          await source.call('negotiation-create', { projectId: project.id, happenedOn: '2026-11-20', type: 'visit_out', summary: `第${j + 1}次洽谈` })
        }
      }
      const sourceOps = (source.env.ctx.sqlite.prepare('SELECT count(*) AS n FROM sync_operation').get() as { n: number }).n
      const sourceHash = hashOf(source)
      const sourceRecords = (source.env.ctx.sqlite.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT tbl, row_id FROM sync_operation)').get() as { n: number }).n
      const sourceMarks = Object.fromEntries(
        (source.env.ctx.sqlite.prepare('SELECT replica_id AS replica, max(hlc) AS hlc FROM sync_operation GROUP BY replica_id').all() as { replica: string; hlc: string }[]).map((r) => [r.replica, r.hlc]),
      )
      // The children open the files themselves (one writer per file).
      for (const backend of backends.splice(0)) await backend.close()

      const pushKills = await syncThroughKills(join(dir, 'a.sqlite'))
      const [{ n, distinct }] = await hub.admin<{ n: string; distinct: string }>('SELECT count(*) AS n, count(DISTINCT hlc) AS distinct FROM crm_hub.operation')
      expect(Number(n)).toBe(sourceOps)
      expect(Number(distinct)).toBe(sourceOps)

      const pullKills = await syncThroughKills(join(dir, 'b.sqlite'))
      expect(pushKills).toBe(KILLS)
      expect(pullKills).toBe(KILLS)
      const b = await testBackend({ file: join(dir, 'b.sqlite'), now: NOW })
      backends.push(b)
      expect(checkSqlite(b.env.ctx.sqlite, true).ok).toBe(true)
      expect(hashOf(b)).toBe(sourceHash)
      // A blank laptop's first pull takes the team's state in bulk (db/sync/bootstrap.ts): one
      // snapshot row per record, marks covering every source operation, and no operation recorded
      // as the puller's own; a killed bootstrap committed nothing, so nothing was applied twice.
      const count = (sql: string) => (b.env.ctx.sqlite.prepare(sql).get() as { n: number }).n
      expect(count('SELECT count(*) AS n FROM sync_operation')).toBe(0)
      expect(count('SELECT count(*) AS n FROM sync_snapshot')).toBe(sourceRecords)
      expect(snapshotMarks(b.env.ctx.sqlite)).toEqual(sourceMarks)
      const status = await b.call('hub-status', {})
      expect(status.pending).toBe(0)
      console.log(`hub crash test: ${pushKills} kills while pushing, ${pullKills} while pulling, ${sourceOps} operations`)
    } finally {
      for (const backend of backends) await backend.close()
    }
  })
})
