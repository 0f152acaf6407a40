// One sync with the hub: push the operations the hub lacks, then pull what others pushed, in pages.
//
// Push is idempotent by hlc (INSERT … ON CONFLICT DO NOTHING): a batch that reached the hub but
// whose acknowledgement was lost (crash, network) is simply sent again. What the hub holds is
// tracked per origin replica ('hub.pushedUpTo'), so operations this laptop received by file from
// an officer without a hub connection are relayed too.
//
// Pull follows the hub's `seq` cursor. Each page is checked whole (db/hub/validate.ts) and applied
// with sync-core's applyOperations in one SQLite transaction that also moves the cursor, so a crash
// keeps the page and its cursor or neither. (Even a re-pulled page would do no harm: applyOperations
// skips operations already in the local log.)
//
// A compacted hub (db/hub/compact.ts) no longer holds the ops up to its compaction point in the log.
// Every page is read together with that point (one statement, one moment): a laptop whose cursor is
// below it takes the hub's snapshot first — in bulk when it holds nothing of the team yet, otherwise
// as the winning ops through the ordinary apply — and then the log after the point. After each pull
// the laptop tells the hub how far it has read (note_read), which is what compaction waits for.
import type { Ctx } from '../context'
import type { HubSyncResult } from '../domain/hub'
import { inTransaction } from '../context'
import { type ApplySummary, type Operation, applyOperations, getSyncIdentity, readOperations } from '../sync'
import { TEAM_KEY, writeSetting } from '../sync/identity'
import { hasOperation } from '../sync/log'
import type { Watermarks } from '../sync/operation'
import { type HubClient, HubConfigError, connectHub } from './connect'
import { HUB_SCHEMA_VERSION, LOG_SCHEMA } from './schema-sql'
import { HUB_KEYS, loadHubConnection, readHubSetting, writeHubSetting } from './settings'
import { canBootstrap } from '../sync/bootstrap'
import { needsSnapshot, snapshotOperations } from '../sync/compact'
import { coveredBy, hasSnapshot, mergeMarks, replicaOfHlc, snapshotMarks } from '../sync/snapshot'
import { REPLICATED_TABLES } from '../sync/tables'
import { bootstrapFromHub, readCompaction, readTable, readingHub } from './bootstrap'
import { measureHubLog } from './status'
import { parsePage } from './page'
import { type HubRow, checkHubPage, checkSnapshotPage } from './validate'

export interface HubSyncOptions {
  /** Operations per INSERT when pushing. */
  pushBatch?: number
  /** Operations per pulled page (one SQLite transaction each; fewer, larger commits make a first pull faster). */
  pullPage?: number
  /**
   * A laptop that holds nothing of the team yet takes the hub's current state in bulk instead of
   * replaying the whole log (db/hub/bootstrap.ts). False: replay (tests compare the two).
   */
  bootstrap?: boolean
  /** Test hook: called after each pushed batch / applied page (crash tests kill the process here). */
  onStep?: (step: { kind: 'pushed' | 'pulled'; count: number }) => void
}


export async function openConfiguredHub(ctx: Ctx): Promise<HubClient> {
  const settings = loadHubConnection(ctx.sqlite)
  if (!settings) throw new HubConfigError('尚未设置中心库：请在 设置 → 数据同步 → 中心库 中填写地址。')
  if (settings.password === null && settings.passwordStorage === 'keychain') {
    throw new HubConfigError('中心库密码保存在桌面版的系统钥匙串中，此处无法读取：请在这里重新填写密码。')
  }
  return connectHub({ url: settings.url, password: settings.password })
}

/**
 * The team this laptop syncs as. A database that has no team yet joins the hub's team when the hub
 * holds exactly one; a hub that does not know our team is refused (someone pointed us at the wrong hub).
 */
export async function resolveHubTeam(ctx: Ctx, hub: HubClient): Promise<{ teamId: string; replicaId: string }> {
  const version = await hub.client.query<{ value: string }>(`SELECT value FROM ${LOG_SCHEMA}.meta WHERE key = 'schema_version'`)
  if (Number(version.rows[0]?.value ?? 0) > HUB_SCHEMA_VERSION) {
    throw new HubConfigError('中心库已由更新版本的程序升级，请先升级本程序再同步。')
  }
  const identity = await getSyncIdentity(ctx)
  const teams = await hub.client.query<{ id: string; name: string }>(`SELECT id, name FROM ${LOG_SCHEMA}.team ORDER BY id`)
  if (identity.teamId) {
    if (!teams.rows.some((team) => team.id === identity.teamId)) {
      throw new HubConfigError(`此中心库中没有本团队（团队编号 ${identity.teamId}）：可能连错了中心库。请核对地址，或请管理员用本团队的数据库运行 hub init。`)
    }
    return { teamId: identity.teamId, replicaId: identity.replicaId }
  }
  if (teams.rows.length !== 1) {
    throw new HubConfigError(teams.rows.length === 0 ? '中心库中还没有团队：请管理员先运行 hub init。' : '中心库中有多个团队，本机尚未加入任何团队：请先在欢迎页选择要加入的团队。')
  }
  const teamId = teams.rows[0]!.id
  await inTransaction(ctx, async () => writeSetting(ctx, TEAM_KEY, teamId))
  return { teamId, replicaId: identity.replicaId }
}

const maxHlc = (a: string | undefined, b: string) => (a !== undefined && a > b ? a : b)

export async function pushToHub(ctx: Ctx, hub: HubClient, teamId: string, options: HubSyncOptions = {}): Promise<number> {
  const batch = options.pushBatch ?? 2000
  let pushed = 0
  // A log compacted before this hub was set up holds part of its history only as the snapshot:
  // the hub gets those winning ops first (idempotent like every push), or it would have a gap.
  const held = readHubSetting<Watermarks>(ctx.sqlite, HUB_KEYS.pushedUpTo) ?? {}
  if (hasSnapshot(ctx.sqlite) && needsSnapshot(ctx.sqlite, held)) {
    const snapshot = snapshotOperations(ctx.sqlite)
    for (let i = 0; i < snapshot.length; i += batch) {
      const ops = snapshot.slice(i, i + batch)
      await insertOperations(hub, teamId, ops)
      pushed += ops.length
      options.onStep?.({ kind: 'pushed', count: ops.length })
    }
    writeHubSetting(ctx, HUB_KEYS.pushedUpTo, mergeMarks(held, snapshotMarks(ctx.sqlite)))
  }
  for (;;) {
    const watermarks = readHubSetting<Watermarks>(ctx.sqlite, HUB_KEYS.pushedUpTo) ?? {}
    const ops = await readOperations(ctx, watermarks, batch)
    if (ops.length === 0) return pushed
    await insertOperations(hub, teamId, ops)
    const next = { ...watermarks }
    for (const op of ops) next[op.replicaId] = maxHlc(next[op.replicaId], op.hlc)
    writeHubSetting(ctx, HUB_KEYS.pushedUpTo, next)
    pushed += ops.length
    options.onStep?.({ kind: 'pushed', count: ops.length })
  }
}

/** One statement (one transaction on the server) per batch: unnest keeps it a single round trip. */
async function insertOperations(hub: HubClient, teamId: string, ops: Operation[]): Promise<void> {
  await hub.client.query(
      `INSERT INTO ${LOG_SCHEMA}.operation (hlc, team_id, replica_id, user_id, tbl, row_id, field, value)
       SELECT h, $1, r, u, t, i, f, v::jsonb
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS x (h, r, u, t, i, f, v)
       ON CONFLICT (hlc) DO NOTHING`,
      [
        teamId,
        ops.map((op) => op.hlc),
        ops.map((op) => op.replicaId),
        ops.map((op) => op.userId),
        ops.map((op) => op.table),
        ops.map((op) => op.rowId),
        ops.map((op) => op.field),
        ops.map((op) => JSON.stringify(op.value)),
      ],
    )
}

type Totals = Omit<HubSyncResult, 'log' | 'pushed' | 'tls' | 'at' | 'ms'>

function addSummary(totals: Totals, summary: ApplySummary): void {
  totals.applied += summary.applied
  totals.merged += summary.merged
  totals.toReview += summary.toReview
  for (const [key, into] of [['added', totals.added], ['changed', totals.changed], ['byUser', totals.byUser]] as const) {
    for (const [name, count] of Object.entries(summary[key])) into[name] = (into[name] ?? 0) + count
  }
}

/**
 * One page of the hub's log after the cursor, in seq order. The server sends the page as one JSON
 * text (an array per row) that is parsed in one go: row by row, decoding the wire format took
 * longer than applying the ops (a city's first pull is millions of rows).
 */
async function fetchPage(hub: HubClient, teamId: string, cursor: string, limit: number, compacting: boolean): Promise<{ rows: HubRow[]; compactedUpTo: string }> {
  const result = await hub.client.query<{ page: string; compacted: string }>(
    // ORDER BY o.seq, not a text alias: text order would put 10 before 2.
    `SELECT coalesce(json_agg(json_build_array(o.seq::text, hlc, team_id, replica_id, user_id, tbl, row_id, field, value, author::text) ORDER BY o.seq), '[]')::text AS page,
       ${compacting ? `(SELECT coalesce(max(upto_seq), 0) FROM ${LOG_SCHEMA}.compaction WHERE team_id = $1)::text` : `'0'`} AS compacted
     FROM (SELECT * FROM ${LOG_SCHEMA}.operation WHERE team_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3) o`,
    [teamId, cursor, limit],
  )
  const arrays = JSON.parse(result.rows[0]!.page) as unknown[][]
  const rows = arrays.map(([seq, hlc, team_id, replica_id, user_id, tbl, row_id, field, value, author]) => ({
    seq: seq as string,
    hlc,
    team_id,
    replica_id,
    user_id,
    tbl,
    row_id,
    field,
    value,
    author,
  }))
  return { rows, compactedUpTo: result.rows[0]!.compacted }
}

/** Whether the hub's schema has compaction (version 2 on): an older hub is read as before. */
async function hubCompacts(hub: HubClient): Promise<boolean> {
  const result = await hub.client.query<{ present: boolean }>(`SELECT to_regclass('${LOG_SCHEMA}.compaction') IS NOT NULL AS present`)
  return result.rows[0]!.present
}

/**
 * A laptop that holds data but is behind the compaction point (offline across a compaction, or
 * the hub changed): the hub's snapshot as operations — each field's winner, as the log would have
 * decided — applied the ordinary way, so per-field merging, duplicates and reviews work as for any
 * pull. One consistent read on the hub, one SQLite transaction that also moves the cursor to the point.
 */
async function catchUpFromSnapshot(ctx: Ctx, hub: HubClient, identity: { teamId: string; replicaId: string }): Promise<ApplySummary | null> {
  return readingHub(hub, async (reader) => {
    const compaction = await readCompaction(reader, identity.teamId)
    if (!compaction) return null
    const marks = snapshotMarks(ctx.sqlite)
    const ops: Operation[] = []
    for (const table of REPLICATED_TABLES) {
      await readTable(reader, identity.teamId, table, 'snapshot', (received) => {
        ops.push(
          ...checkSnapshotPage(table, parsePage(received), {
            ...identity,
            hasOperation: (hlc) => hasOperation(ctx.sqlite, hlc) || coveredBy(marks, { hlc, replicaId: replicaOfHlc(hlc) }),
          }),
        )
      })
    }
    ops.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
    return await applyOperations(ctx, ops, {
      kind: 'hub',
      label: `中心库 ${hub.client.host}（快照）`,
      inSameTransaction: () => {
        writeHubSetting(ctx, HUB_KEYS.cursor, compaction.uptoSeq)
        writeHubSetting(ctx, HUB_KEYS.pushedUpTo, mergeMarks(readHubSetting<Watermarks>(ctx.sqlite, HUB_KEYS.pushedUpTo) ?? {}, compaction.marks))
      },
    })
  })
}

export async function pullFromHub(
  ctx: Ctx,
  hub: HubClient,
  identity: { teamId: string; replicaId: string },
  options: HubSyncOptions = {},
): Promise<Totals> {
  const page = options.pullPage ?? 20_000
  const totals: Totals = { pulled: 0, applied: 0, added: {}, changed: {}, byUser: {}, merged: 0, toReview: 0 }
  const compacting = await hubCompacts(hub)
  const neverPulled = (readHubSetting<string>(ctx.sqlite, HUB_KEYS.cursor) ?? '0') === '0'
  if (neverPulled && (options.bootstrap ?? true) && canBootstrap(ctx)) {
    const bootstrapped = await bootstrapFromHub(ctx, hub, identity.teamId, options.onStep, compacting)
    if (bootstrapped) {
      totals.pulled += bootstrapped.received
      addSummary(totals, bootstrapped)
    }
  }
  for (;;) {
    const cursor = readHubSetting<string>(ctx.sqlite, HUB_KEYS.cursor) ?? '0'
    const { rows, compactedUpTo } = await fetchPage(hub, identity.teamId, cursor, page, compacting)
    if (BigInt(compactedUpTo) > BigInt(cursor)) {
      // The log no longer holds what lies between our cursor and the compaction point.
      const caughtUp = await catchUpFromSnapshot(ctx, hub, identity)
      if (caughtUp) {
        totals.pulled += caughtUp.received
        addSummary(totals, caughtUp)
        options.onStep?.({ kind: 'pulled', count: caughtUp.received })
      }
      continue
    }
    if (rows.length === 0) {
      // How far we have read: what `hub compact` waits for before pruning.
      if (compacting) await hub.client.query(`SELECT ${LOG_SCHEMA}.note_read($1, $2, $3::bigint)`, [identity.teamId, identity.replicaId, cursor])
      return totals
    }
    const marks = snapshotMarks(ctx.sqlite)
    const ops: Operation[] = checkHubPage(rows, {
      ...identity,
      after: cursor,
      // Our own ops compacted into the snapshot count as held (a cursor reset re-reads them); any
      // other op at or below the snapshot's marks is skipped by the apply, forged or not.
      hasOperation: (hlc) => hasOperation(ctx.sqlite, hlc) || coveredBy(marks, { hlc, replicaId: replicaOfHlc(hlc) }),
    })
    const last = rows[rows.length - 1]!.seq
    // What we pulled the hub certainly holds: never push it back.
    const watermarks = readHubSetting<Watermarks>(ctx.sqlite, HUB_KEYS.pushedUpTo) ?? {}
    for (const op of ops) watermarks[op.replicaId] = maxHlc(watermarks[op.replicaId], op.hlc)
    const summary = await applyOperations(ctx, ops, {
      kind: 'hub',
      label: `中心库 ${hub.client.host}`,
      // The cursor moves in the same SQLite transaction as the page: a crash keeps both or neither.
      inSameTransaction: () => {
        writeHubSetting(ctx, HUB_KEYS.cursor, last)
        writeHubSetting(ctx, HUB_KEYS.pushedUpTo, watermarks)
      },
    })
    totals.pulled += ops.length
    addSummary(totals, summary)
    options.onStep?.({ kind: 'pulled', count: ops.length })
  }
}

/** Push then pull, on a connection of its own. Throws with the reason when anything fails. */
export async function syncWithHub(ctx: Ctx, options: HubSyncOptions = {}): Promise<HubSyncResult> {
  const started = Date.now()
  const hub = await openConfiguredHub(ctx)
  try {
    // A push stuck behind another laptop's long push should not hang forever.
    await hub.client.query(`SET lock_timeout = '60s'`)
    const identity = await resolveHubTeam(ctx, hub)
    const pushed = await pushToHub(ctx, hub, identity.teamId, options)
    const totals = await pullFromHub(ctx, hub, identity, options)
    const log = await measureHubLog(hub.client)
    return { log, pushed, ...totals, tls: hub.tls, at: ctx.now().toISOString(), ms: Date.now() - started }
  } finally {
    await hub.close()
  }
}
