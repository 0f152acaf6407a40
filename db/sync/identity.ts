// Who this database is in the team: a replica id made once, the team it belongs to, and the
// replica's hybrid clock. The first write after sync exists records every existing row as
// operations, so data typed before sync was installed travels too.
import type Sqlite from 'better-sqlite3'
import { type Ctx, newId, nowIso } from '../context'
import { putIndexesBack, setIndexesAside } from './indexes-aside'
import { DELETED_FIELD, HybridClock, parseHlc } from './operation'
import { LINK_KEYS, REPLICATED_TABLES, type ReplicatedTable, replicatedColumns, toSnake } from './tables'
import { stmt } from './statements'

export const REPLICA_KEY = 'sync.replicaId'
export const TEAM_KEY = 'sync.teamId'

export function readSetting(sqlite: Sqlite.Database, key: string): string | null {
  const row = stmt(sqlite, 'SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined
  return row ? (JSON.parse(row.value) as string) : null
}

export function writeSetting(ctx: Ctx, key: string, value: string): void {
  stmt(ctx.sqlite, 'INSERT INTO setting (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
    .run(key, JSON.stringify(value), nowIso(ctx))
}

const clocks = new WeakMap<Sqlite.Database, HybridClock>()

/**
 * The replica id, made (with the snapshot of existing rows) on first use. Call inside a
 * transaction: it may write.
 */
export function ensureReplica(ctx: Ctx): string {
  return knownReplica(ctx) ?? startReplica(ctx)
}

// Read once per open database: every captured write asks.
const replicas = new WeakMap<Sqlite.Database, string>()

function knownReplica(ctx: Ctx): string | null {
  const cached = replicas.get(ctx.sqlite)
  if (cached) return cached
  const stored = readSetting(ctx.sqlite, REPLICA_KEY)
  if (stored) replicas.set(ctx.sqlite, stored)
  return stored
}

/**
 * True when this call made the replica (and its snapshot already holds the row just written, so
 * the caller has nothing more to record).
 */
export function replicaJustStarted(ctx: Ctx): boolean {
  if (knownReplica(ctx)) return false
  startReplica(ctx)
  return true
}

function startReplica(ctx: Ctx): string {
  const replicaId = newId()
  writeSetting(ctx, REPLICA_KEY, replicaId)
  snapshotExistingRows(ctx, replicaId)
  return replicaId
}

/** This replica's clock, continuing after the greatest hlc in the log (own or received). */
export function clockOf(ctx: Ctx): HybridClock {
  let clock = clocks.get(ctx.sqlite)
  const replicaId = ensureReplica(ctx)
  if (!clock || clock.replicaId !== replicaId) {
    clock = new HybridClock(replicaId, () => ctx.now().getTime())
    // The snapshot's marks count too: a bootstrapped laptop's log starts empty.
    const max = stmt(ctx.sqlite, 'SELECT max(hlc) AS hlc FROM (SELECT max(hlc) AS hlc FROM sync_operation UNION ALL SELECT max(hlc) FROM sync_snapshot_mark)').get() as {
      hlc: string | null
    }
    if (max.hlc) clock.observe(max.hlc)
    clocks.set(ctx.sqlite, clock)
  }
  return clock
}

/** Forgets the cached clock (after a backup restore replaced the file's contents). */
export function forgetClock(sqlite: Sqlite.Database): void {
  clocks.delete(sqlite)
  replicas.delete(sqlite)
}

/**
 * Every row found when sync starts, as operations: one per field that holds a value, as a create
 * sends them (no operation for an empty field, which every apply path creates as null; no other
 * laptop has the row yet for a null to override), and a link row as its membership. SQLite
 * writes them itself, one INSERT … SELECT per table: a city-size database holds some twenty
 * million filled fields, which carried through JavaScript one by one took more than 35 minutes
 * and a gigabyte of memory. Each row's fields stay together in the log (the table is the outer
 * loop of the CROSS JOIN, the field list the inner), in the tables' order, stamped by the
 * replica's clock as they are written.
 */
function snapshotExistingRows(ctx: Ctx, replicaId: string): void {
  const clock = new HybridClock(replicaId, () => ctx.now().getTime())
  clocks.set(ctx.sqlite, clock)
  const sqlite = ctx.sqlite
  sqlite.function('sync_first_start_stamp', { deterministic: false, varargs: false }, () => clock.send())
  // Into an empty log, the log's secondary indexes are built once from the finished table: kept
  // while millions of operations went in, they took them out of their order and rewrote their pages
  // again and again (gigabytes of WAL at city size).
  const indexes = stmt(sqlite, 'SELECT 1 FROM sync_operation LIMIT 1').get() ? [] : setIndexesAside(sqlite, new Set(['sync_operation']))
  for (const table of REPLICATED_TABLES) sqlite.prepare(snapshotSql(sqlite, table)).run({ replica: replicaId, user: ctx.userId })
  putIndexesBack(sqlite, indexes)
}

/** The table's rows as operations; parameters: @replica, the replica id; @user, the signed-in user. */
function snapshotSql(sqlite: Sqlite.Database, table: ReplicatedTable): string {
  const name = toSnake(table)
  const insert = 'INSERT INTO sync_operation (hlc, replica_id, user_id, tbl, row_id, field, value)'
  const link = LINK_KEYS[table]
  if (link) {
    const rowId = link.map((key) => `CAST(${toSnake(key)} AS TEXT)`).join(` || ':' || `)
    return `${insert} SELECT sync_first_start_stamp(), @replica, @user, '${table}', ${rowId}, '${DELETED_FIELD}', 0 FROM ${name}`
  }
  const columns = [...replicatedColumns(sqlite, table).keys()]
  // The author of what is there is who last changed it, where the table says so.
  const author = columns.includes('updatedBy') ? 'coalesce(t.updated_by, @user)' : '@user'
  const fields = columns.map((field, at) => `(${at}, '${field}')`).join(', ')
  const value = `CASE f.at ${columns.map((field, at) => `WHEN ${at} THEN t.${toSnake(field)}`).join(' ')} END`
  return `${insert} SELECT sync_first_start_stamp(), @replica, author, '${table}', id, field, value FROM (
    SELECT t.id AS id, f.field AS field, ${value} AS value, ${author} AS author
    FROM ${name} AS t CROSS JOIN (SELECT column1 AS at, column2 AS field FROM (VALUES ${fields})) AS f
  ) WHERE value IS NOT NULL`
}

/** The team id, or null before the user started or joined a team. */
export function teamIdOf(sqlite: Sqlite.Database): string | null {
  return readSetting(sqlite, TEAM_KEY)
}

export { parseHlc }
