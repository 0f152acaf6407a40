// The hub at city scale: `npx tsx bench/cases/hub.ts [--projects N --investors N --negotiations N] [--url postgres://…]`,
// or case 12 of `npm run bench` (bench/run.ts). Without --url it starts a throwaway PostgreSQL
// cluster (tests/support/postgres.ts).
//
// 1. Ingest: the team's history as field-level operations, written into the hub's log server-side
//    (INSERT … SELECT generate_series), with the trigger keeping the relational copy.
// 2. First pull of a new laptop in bulk (db/hub/bootstrap.ts: the current state, per record each
//    field's winning op) beside a same-run baseline: a plain SELECT of the same records from the hub's
//    relational copy over the same connection, nothing written. With --replay also the old way
//    (every op through applyOperations) beside a plain SELECT of every op.
// 3. `hub compact` (db/hub/compact.ts): the log's size before and after, then the first pull of another
//    new laptop from the hub-kept snapshot, beside the same pull from the log above; and, read only
//    (nothing written), every page of the log's per-record winners (DISTINCT ON) against every page
//    of the snapshot, which is what compaction changes on the server.
// 4. Incremental: 1,000 new operations pulled by a laptop that is up to date; 1,000 local edits pushed.
// 5. Sizes: the log and the copy on disk (pg_total_relation_size).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { openBackend } from '../../db/backend'
import { inTransaction } from '../../db/context'
import { readTable, readingHub } from '../../db/hub/bootstrap'
import { compactHub } from '../../db/hub/compact'
import { checkpointsSettled } from '../../db/storage/checkpoint'
import { type HubClient, connectHub } from '../../db/hub/connect'
import { initHub } from '../../db/hub/init'
import { HUB_KEYS, saveHubConnection, writeHubSetting } from '../../db/hub/settings'
import { pullFromHub, pushToHub, resolveHubTeam } from '../../db/hub/sync'
import { ensureTeam } from '../../db/sync/package'
import { REPLICATED_TABLES } from '../../db/sync/tables'
import { dispatch } from '../../electron/handlers/dispatch'
import { startPostgres } from '../../tests/support/postgres'
import { loadAverage } from '../measure'

const REPLICA = 'BENCHREPLICA00000001'
const T0 = Date.parse('2026-01-05T09:00:00Z')

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

export interface HubSizes {
  projects: number
  investors: number
  negotiations: number
}

export interface HubBenchResult {
  sizes: HubSizes
  operations: number
  ingestMs: number
  /** Same run: the records read plainly from the hub's relational copy in pages, nothing written. */
  baselineRecordsMs: number
  bootstrapMs: number
  /** CPU time of the laptop's process (user + system) during the bootstrap. */
  bootstrapCpuMs: number
  /** After the bootstrap returned: until its pages were copied into the file in the background. */
  bootstrapCheckpointMs: number
  records: number
  /** Only with --replay: every op read with a plain SELECT in pages, nothing applied. */
  baselineSelectMs: number | null
  /** Only with --replay: the first pull replaying every op (the way before the bootstrap). */
  firstPullMs: number | null
  firstPullCpuMs: number | null
  /** `hub compact` right after the first pull (every known laptop has read everything). */
  compact: {
    ms: number
    opsBefore: number
    opsAfter: number
    logBytesBefore: number
    logBytesAfter: number
    /** Read only: every page of per-record winners from the log (DISTINCT ON), then from the snapshot. */
    readLogMs: number
    readSnapshotMs: number
    /** First pull of another new laptop from the snapshot. */
    bootstrapMs: number
    bootstrapCpuMs: number
  }
  incrementalPull1000Ms: number
  incrementalPull1000CpuMs: number
  pushOps: number
  pushMs: number
  logBytes: number
  copyBytes: number
  load: number[]
}

/**
 * The team's history as field-level operations, written into the hub's log server-side (the copy
 * trigger keeps the relational copy). Returns the operations written and the next free clock offset.
 */
export async function ingestHistory(hub: HubClient, teamId: string, sizes: HubSizes): Promise<{ operations: number; offset: number }> {
  const fields: Array<[string, number, string, string]> = [
    // table, rows, row id prefix, SQL of the (field, value) pairs for row n
    ['investor', sizes.investors, 'I', `VALUES ('name', to_jsonb('客商' || n)), ('createdAt', '"2026-01-05T09:00:00.000Z"'), ('updatedAt', '"2026-01-05T09:00:00.000Z"')`],
    [
      'project',
      sizes.projects,
      'P',
      `VALUES ('name', to_jsonb('项目' || n)), ('stage', '"lead"'), ('stageOn', '"2026-01-05"'), ('reserveOn', '"2026-01-05"'),
              ('investorId', to_jsonb('I' || lpad(((n % ${Math.max(1, sizes.investors)}) + 1)::text, 9, '0'))),
              ('totalInvestmentYuan', to_jsonb(n::bigint * 1000000)), ('createdAt', '"2026-01-05T09:00:00.000Z"'), ('updatedAt', '"2026-01-05T09:00:00.000Z"')`,
    ],
    [
      'negotiation',
      sizes.negotiations,
      'N',
      `VALUES ('projectId', to_jsonb('P' || lpad(((n % ${Math.max(1, sizes.projects)}) + 1)::text, 9, '0'))), ('happenedOn', '"2026-03-01"'),
              ('type', '"visit_out"'), ('summary', to_jsonb('洽谈记录 ' || n || '：用地、税收与投产计划')),
              ('createdAt', '"2026-03-01T09:00:00.000Z"'), ('updatedAt', '"2026-03-01T09:00:00.000Z"')`,
    ],
  ]
  let offset = 0
  let opCount = 0
  for (const [table, rows, prefix, pairs] of fields) {
    // In chunks: one statement per 20,000 rows keeps each transaction (and the push lock) short.
    for (let from = 1; from <= rows; from += 20_000) {
      const to = Math.min(rows, from + 19_999)
      const inserted = await hub.client.query(
        `INSERT INTO crm_hub.operation (hlc, team_id, replica_id, user_id, tbl, row_id, field, value)
         SELECT lpad((${T0} + ${offset} + (row_number() OVER ()))::text, 13, '0') || '-0000-' || $2, $1, $2, NULL, $3,
                $4 || lpad(n::text, 9, '0'), f.field, f.value
         FROM generate_series(${from}, ${to}) AS n, LATERAL (${pairs}) AS f (field, value)`,
        [teamId, REPLICA, table, prefix],
      )
      offset += inserted.rowCount ?? 0
      opCount += inserted.rowCount ?? 0
    }
  }
  return { operations: opCount, offset }
}

/** Case 12 of the bench: 10,000 projects, since the hub's ingest of a whole city takes 6–8 minutes; the city runs with --projects 100000 --investors 20000 --negotiations 1000000. */
export const HUB_SIZES = { full: { projects: 10_000, investors: 2_000, negotiations: 100_000 }, quick: { projects: 1_000, investors: 200, negotiations: 10_000 } }

export async function hubCase(sizes: HubSizes, log: (line: string) => void, urlArg: string | null = null, replay = false): Promise<HubBenchResult> {
  const cluster = urlArg ? null : await startPostgres()
  const dir = mkdtempSync(join(tmpdir(), 'crm-hub-bench-'))
  try {
    const url = urlArg ?? (await cluster!.createDatabase('hub_bench'))
    const laptop = await openBackend({ file: join(dir, 'new-laptop.sqlite'), autoBackup: false, now: () => new Date('2026-11-27T09:00:00Z') })
    const { ctx } = laptop
    const teamId = await inTransaction(ctx, async () => ensureTeam(ctx))
    await initHub({ url, password: null, team: { id: teamId, name: 'bench' } })
    await inTransaction(ctx, async () => saveHubConnection(ctx, url, undefined))
    const hub = await connectHub({ url, password: null })

    // 1. Ingest. Every op gets a distinct, increasing hlc: <millis>-<counter>-<replica>.
    log(`ingest: ${sizes.projects} projects, ${sizes.investors} investors, ${sizes.negotiations} negotiations as operations …`)
    const ingestStart = Date.now()
    const { operations: opCount, offset } = await ingestHistory(hub, teamId, sizes)
    const ingestMs = Date.now() - ingestStart
    log(`  ${opCount} operations in ${seconds(ingestMs)}`)

    // 2. Baseline: the team's current records read plainly from the relational copy, in pages.
    // CPU time of this process beside the wall clock: on a loaded machine the wall clock mostly measures the others.
    const cpuMs = (since: NodeJS.CpuUsage) => Math.round((process.cpuUsage(since).user + process.cpuUsage(since).system) / 1000)
    const recordsStart = Date.now()
    let records = 0
    for (const table of ['investor', 'project', 'negotiation']) {
      let after = ''
      for (;;) {
        const page = await hub.client.query<{ id: string }>(`SELECT * FROM crm.${table} WHERE team_id = $1 AND id > $2 ORDER BY id LIMIT 5000`, [teamId, after])
        if (page.rows.length === 0) break
        records += page.rows.length
        after = page.rows[page.rows.length - 1]!.id
      }
    }
    const baselineRecordsMs = Date.now() - recordsStart
    log(`baseline SELECT of the ${records} records in the hub's relational copy: ${seconds(baselineRecordsMs)}`)

    const identity = await resolveHubTeam(ctx, hub)
    const bootStart = Date.now()
    const bootCpu = process.cpuUsage()
    const boot = await pullFromHub(ctx, hub, identity)
    const bootstrapMs = Date.now() - bootStart
    const bootstrapCpuMs = cpuMs(bootCpu)
    // Its pages are copied into the file in the background (db/storage/checkpoint.ts) while the laptop answers.
    const copyStart = Date.now()
    await checkpointsSettled(ctx.sqlite)
    const bootstrapCheckpointMs = Date.now() - copyStart
    log(`first pull in bulk: ${boot.pulled} winning ops, ${seconds(bootstrapMs)} (${(bootstrapMs / baselineRecordsMs).toFixed(1)}× the plain SELECT), ${seconds(bootstrapCpuMs)} CPU here; then the copy into the file in the background ${seconds(bootstrapCheckpointMs)}`)
    const projects = (ctx.sqlite.prepare('SELECT count(*) AS n FROM project').get() as { n: number }).n
    log(`  the laptop now holds ${projects} projects`)

    let baselineMs: number | null = null
    let pullMs: number | null = null
    let pullCpuMs: number | null = null
    if (replay) {
      const baselineStart = Date.now()
      let cursor = '0'
      for (;;) {
        const page = await hub.client.query<{ seq: string }>(
          `SELECT o.seq::text AS seq, hlc, team_id, replica_id, user_id, tbl, row_id, field, value, author::text AS author
           FROM crm_hub.operation o WHERE o.team_id = $1 AND o.seq > $2::bigint ORDER BY o.seq LIMIT 5000`,
          [teamId, cursor],
        )
        if (page.rows.length === 0) break
        cursor = page.rows[page.rows.length - 1]!.seq
      }
      baselineMs = Date.now() - baselineStart
      log(`baseline SELECT of all ${opCount} operations: ${seconds(baselineMs)}`)
      const other = await openBackend({ file: join(dir, 'replaying-laptop.sqlite'), autoBackup: false, now: () => new Date('2026-11-27T09:00:00Z') })
      await inTransaction(other.ctx, async () => saveHubConnection(other.ctx, url, undefined))
      const otherIdentity = await resolveHubTeam(other.ctx, hub)
      const pullStart = Date.now()
      const pullCpu = process.cpuUsage()
      const full = await pullFromHub(other.ctx, hub, otherIdentity, { bootstrap: false })
      pullMs = Date.now() - pullStart
      pullCpuMs = cpuMs(pullCpu)
      log(`first pull replaying every op: ${full.pulled} operations, ${seconds(pullMs)} (${(pullMs / baselineMs).toFixed(1)}× the plain SELECT), ${seconds(pullCpuMs)} CPU here`)
      await other.close()
    }

    // 3. Compaction. The laptop's pull above told the hub how far it has read (everything).
    const readAll = async (from: 'log' | 'snapshot') => {
      const start = Date.now()
      await readingHub(hub, async (reader) => {
        for (const table of REPLICATED_TABLES) await readTable(reader, teamId, table, from, () => undefined)
      })
      return Date.now() - start
    }
    const readLogMs = await readAll('log')
    const compactStart = Date.now()
    const compacted = await compactHub({ url, password: null })
    const compactMs = Date.now() - compactStart
    const team = compacted.teams.find((t) => t.teamId === teamId)!
    log(`hub compact: ${team.before} → ${team.after} operations in the log, ${team.records} records in the snapshot, ${seconds(compactMs)}; log on disk ${(compacted.logBytesBefore / 1048576).toFixed(0)} → ${(compacted.logBytesAfter / 1048576).toFixed(0)} MB`)
    const readSnapshotMs = await readAll('snapshot')
    log(`read only, every page of per-record winners: from the log (DISTINCT ON) ${seconds(readLogMs)}, from the snapshot ${seconds(readSnapshotMs)}`)
    const second = await openBackend({ file: join(dir, 'after-compact-laptop.sqlite'), autoBackup: false, now: () => new Date('2026-11-27T09:00:00Z') })
    await inTransaction(second.ctx, async () => saveHubConnection(second.ctx, url, undefined))
    const secondIdentity = await resolveHubTeam(second.ctx, hub)
    const snapStart = Date.now()
    const snapCpu = process.cpuUsage()
    const fromSnapshot = await pullFromHub(second.ctx, hub, secondIdentity)
    const snapshotBootstrapMs = Date.now() - snapStart
    const snapshotBootstrapCpuMs = cpuMs(snapCpu)
    log(`first pull from the compacted hub: ${fromSnapshot.pulled} winning ops, ${seconds(snapshotBootstrapMs)}, ${seconds(snapshotBootstrapCpuMs)} CPU here (from the log above: ${seconds(bootstrapMs)}, ${seconds(bootstrapCpuMs)} CPU)`)
    await second.close()

    // 4. Incremental: 1,000 ops by another officer, pulled by this up-to-date laptop.
    await hub.client.query(
      `INSERT INTO crm_hub.operation (hlc, team_id, replica_id, tbl, row_id, field, value)
       SELECT lpad((${T0} + ${offset} + n)::text, 13, '0') || '-0000-' || $2, $1, $2, 'project', 'P' || lpad(n::text, 9, '0'), 'progress', to_jsonb('进展 ' || n)
       FROM generate_series(1, 1000) AS n`,
      [teamId, 'BENCHREPLICA00000002'],
    )
    const incStart = Date.now()
    const incCpu = process.cpuUsage()
    const inc = await pullFromHub(ctx, hub, identity)
    const incMs = Date.now() - incStart
    const incCpuMs = cpuMs(incCpu)
    log(`incremental pull: ${inc.pulled} operations in ${incMs} ms (${incCpuMs} ms CPU here)`)

    // 1,000 local edits (each one op: the field plus its updatedAt/updatedBy stamps make more), pushed.
    const env = { ctx, backend: laptop, shell: 'cli' as const }
    const ids = ctx.sqlite.prepare('SELECT id FROM project ORDER BY id LIMIT 334').pluck().all() as string[]
    for (const id of ids) await dispatch(env, 'project-update', { id, progress: '本机更新' })
    const pushStart = Date.now()
    const pushed = await pushToHub(ctx, hub, identity.teamId)
    const pushMs = Date.now() - pushStart
    log(`push of local edits: ${pushed} operations in ${pushMs} ms`)
    writeHubSetting(ctx, HUB_KEYS.lastError, null)

    // 5. Sizes.
    const size = await hub.client.query<{ log: string; copy: string }>(
      `SELECT pg_total_relation_size('crm_hub.operation')::text AS log,
              (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = 'crm' AND c.relkind = 'r')::text AS copy`,
    )
    const mb = (bytes: string) => `${(Number(bytes) / 1024 / 1024).toFixed(0)} MB`
    log(`hub size: operation log ${mb(size.rows[0]!.log)} (${opCount + 1000 + pushed} ops), relational copy ${mb(size.rows[0]!.copy)}`)
    await hub.close()
    await laptop.close()
    return {
      sizes,
      operations: opCount,
      ingestMs,
      baselineRecordsMs,
      bootstrapMs,
      bootstrapCpuMs,
      bootstrapCheckpointMs,
      records,
      baselineSelectMs: baselineMs,
      firstPullMs: pullMs,
      firstPullCpuMs: pullCpuMs,
      compact: {
        ms: compactMs,
        opsBefore: team.before,
        opsAfter: team.after,
        logBytesBefore: compacted.logBytesBefore,
        logBytesAfter: compacted.logBytesAfter,
        readLogMs,
        readSnapshotMs,
        bootstrapMs: snapshotBootstrapMs,
        bootstrapCpuMs: snapshotBootstrapCpuMs,
      },
      incrementalPull1000Ms: incMs,
      incrementalPull1000CpuMs: incCpuMs,
      pushOps: pushed,
      pushMs,
      logBytes: Number(size.rows[0]!.log),
      copyBytes: Number(size.rows[0]!.copy),
      load: loadAverage(),
    }
  } finally {
    await cluster?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The hub section of bench/RESULTS.md. */
export function renderHubSection(r: HubBenchResult): string {
  // The city of the other cases (100,000 projects, 20,000 investors, 1,000,000 negotiations) in this case's ops per row.
  const cityRecords = 100_000 + 20_000 + 1_000_000
  const cityOps = 100_000 * 8 + 20_000 * 3 + 1_000_000 * 6
  const perRecordUs = (r.bootstrapMs * 1000) / r.records
  const citySeconds = (perRecordUs * cityRecords) / 1e6
  // The laptop's own CPU per record: on a loaded machine the wall clock mostly measures the others.
  const cpuPerRecordUs = (Math.min(r.bootstrapCpuMs, r.compact.bootstrapCpuMs) * 1000) / r.records
  const lines = [
    '## Case 12: the hub (PostgreSQL) — first pull, incremental pull, push',
    '',
    `${r.sizes.projects.toLocaleString('en')} projects, ${r.sizes.investors.toLocaleString('en')} investors, ${r.sizes.negotiations.toLocaleString('en')} negotiations as ${r.operations.toLocaleString('en')} field operations in the hub's log (a throwaway cluster on this machine). Load average at the end ${r.load.join(' ')}.`,
    '',
    '| what | wall time | CPU of the laptop process | same-run baseline | target |',
    '|---|---|---|---|---|',
    `| first pull of a new laptop, in bulk (bootstrap) | ${seconds(r.bootstrapMs)} | ${seconds(r.bootstrapCpuMs)} | plain paged SELECT of the ${r.records.toLocaleString('en')} records from the hub's copy ${seconds(r.baselineRecordsMs)} | city < 60 s |`,
    `| then, in the background: its pages copied into the laptop's file (db/storage/checkpoint.ts) | ${seconds(r.bootstrapCheckpointMs)} | — | — | — |`,
  ]
  if (r.firstPullMs !== null) {
    lines.push(`| first pull replaying every op (before) | ${seconds(r.firstPullMs)} | ${seconds(r.firstPullCpuMs ?? 0)} | plain paged SELECT of every op ${seconds(r.baselineSelectMs ?? 0)} | — |`)
  }
  const c = r.compact
  lines.push(
    `| first pull after \`hub compact\` (from the hub's snapshot) | ${seconds(c.bootstrapMs)} | ${seconds(c.bootstrapCpuMs)} | the same pull from the log, first row | — |`,
    `| server only: every page of per-record winners | snapshot ${seconds(c.readSnapshotMs)} | — | log with DISTINCT ON ${seconds(c.readLogMs)} | — |`,
    `| \`hub compact\` | ${seconds(c.ms)} | — | log ${c.opsBefore.toLocaleString('en')} → ${c.opsAfter.toLocaleString('en')} ops, ${(c.logBytesBefore / 1048576).toFixed(0)} → ${(c.logBytesAfter / 1048576).toFixed(0)} MB on disk | — |`,
    `| incremental pull of 1,000 ops | ${r.incrementalPull1000Ms} ms | ${r.incrementalPull1000CpuMs} ms | — | < 2 s |`,
    `| push of ${r.pushOps.toLocaleString('en')} local ops | ${r.pushMs} ms | — | — | — |`,
    '',
    `Per record the bootstrap costs ${perRecordUs.toFixed(0)} µs of wall time: a city's ${cityRecords.toLocaleString('en')} records (≈${(cityOps / 1e6).toFixed(1)} M ops) ` +
      `would take ≈${citySeconds.toFixed(0)} s at this rate (${citySeconds <= 60 ? 'within' : 'above'} the 60 s target${r.records >= cityRecords ? ', measured' : '; extrapolated linearly, not measured'}). ` +
      `Laptop CPU ${cpuPerRecordUs.toFixed(0)} µs per record (the faster of the two first pulls): ≈${((cpuPerRecordUs * cityRecords) / 1e6).toFixed(0)} s for the city at this rate. ` +
      `Log ${(r.logBytes / 1048576).toFixed(0)} MB, relational copy ${(r.copyBytes / 1048576).toFixed(0)} MB.`,
    '',
  )
  return lines.join('\n')
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const num = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? Number(args[i + 1]) : fallback
  }
  const sizes = { projects: num('projects', HUB_SIZES.full.projects), investors: num('investors', HUB_SIZES.full.investors), negotiations: num('negotiations', HUB_SIZES.full.negotiations) }
  const url = args.includes('--url') ? args[args.indexOf('--url') + 1]! : null
  const result = await hubCase(sizes, (line) => process.stderr.write(`${line}\n`), url, args.includes('--replay'))
  console.log(JSON.stringify(result))
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
