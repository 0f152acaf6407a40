// What the 中心库 card and `hub status` show: where the hub is, when it last synced, how many local
// operations wait to be pushed, and the last error in plain words. Reads only this database: the
// status never waits on the network.
import type Sqlite from 'better-sqlite3'
import type pg from 'pg'
import type { Ctx } from '../context'
import { readSetting, REPLICA_KEY, TEAM_KEY } from '../sync/identity'
import type { Watermarks } from '../sync/operation'
import type { HubLogSize, HubStatus, HubSyncResult } from '../domain/hub'
import { COPY_SCHEMA, LOG_SCHEMA } from './schema-sql'
import { HUB_KEYS, currentSecretStorage, loadHubConnection, readHubSetting } from './settings'

export const DEFAULT_INTERVAL_MINUTES = 5

/** Local log operations not covered by what the hub is known to hold. */
export function countPending(sqlite: Sqlite.Database): number {
  const watermarks = readHubSetting<Watermarks>(sqlite, HUB_KEYS.pushedUpTo) ?? {}
  const replicas = sqlite.prepare('SELECT DISTINCT replica_id AS replicaId FROM sync_operation').all() as { replicaId: string }[]
  const count = sqlite.prepare('SELECT count(*) AS n FROM sync_operation WHERE replica_id = ? AND hlc > ?')
  let pending = 0
  for (const { replicaId } of replicas) pending += (count.get(replicaId, watermarks[replicaId] ?? '') as { n: number }).n
  return pending
}

/**
 * Up to this many operations the log is counted exactly; beyond, PostgreSQL's own estimate is used:
 * count(*) reads the whole log (≈7 M rows at city scale), which would cost an incremental sync
 * about a second of its two.
 */
export const EXACT_COUNT_UP_TO = 200_000

/**
 * How big the hub has grown: measured by each sync on its open connection, kept with the result.
 * The size functions and pg_class need no privilege on the tables, so an officer's role can read them.
 */
export async function measureHubLog(client: pg.Client, exactUpTo = EXACT_COUNT_UP_TO): Promise<HubLogSize> {
  const { rows } = await client.query<{ estimate: string; logBytes: string; copyBytes: string }>(
    `SELECT (SELECT reltuples::bigint FROM pg_class WHERE oid = '${LOG_SCHEMA}.operation'::regclass) AS estimate,
            pg_total_relation_size('${LOG_SCHEMA}.operation') AS "logBytes",
            (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = '${COPY_SCHEMA}' AND c.relkind = 'r') AS "copyBytes"`,
  )
  const row = rows[0]!
  // reltuples is -1 until the table is first analysed: then only an exact count says anything.
  const estimate = Number(row.estimate)
  let operations = estimate
  const operationsExact = estimate < 0 || estimate <= exactUpTo
  if (operationsExact) {
    const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${LOG_SCHEMA}.operation`)
    operations = Number(counted.rows[0]!.n)
  }
  return { operations, operationsExact, logBytes: Number(row.logBytes), copyBytes: Number(row.copyBytes) }
}

export function readHubStatus(ctx: Ctx, live: { running: boolean; nextSyncAt: string | null }): HubStatus {
  const connection = loadHubConnection(ctx.sqlite)
  const error = readHubSetting<{ message: string; at: string }>(ctx.sqlite, HUB_KEYS.lastError)
  const lastResult = readHubSetting<HubSyncResult>(ctx.sqlite, HUB_KEYS.lastResult)
  return {
    configured: connection !== null,
    url: connection?.url ?? null,
    hasPassword: connection?.passwordStorage != null,
    passwordStorage: connection?.passwordStorage ?? null,
    secretStorage: currentSecretStorage(),
    teamId: readSetting(ctx.sqlite, TEAM_KEY),
    replicaId: readSetting(ctx.sqlite, REPLICA_KEY),
    running: live.running,
    lastSyncAt: readHubSetting<string>(ctx.sqlite, HUB_KEYS.lastSyncAt),
    lastResult,
    lastError: error?.message ?? null,
    lastErrorAt: error?.at ?? null,
    pending: countPending(ctx.sqlite),
    hubLog: lastResult?.log ?? null,
    intervalMinutes: readHubSetting<number>(ctx.sqlite, HUB_KEYS.intervalMinutes) ?? DEFAULT_INTERVAL_MINUTES,
    nextSyncAt: live.nextSyncAt,
  }
}
