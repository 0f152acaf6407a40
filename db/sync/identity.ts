// Who this database is in the team: a replica id made once, the team it belongs to, and the
// replica's hybrid clock. The first write after sync exists records every existing row as
// operations, so data typed before sync was installed travels too.
import type Sqlite from 'better-sqlite3'
import { type Ctx, newId, nowIso } from '../context'
import { HybridClock, parseHlc } from './operation'
import { LINK_KEYS, REPLICATED_TABLES, linkRowId, replicatedColumns, toSnake } from './tables'
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

function snapshotExistingRows(ctx: Ctx, replicaId: string): void {
  const clock = new HybridClock(replicaId, () => ctx.now().getTime())
  clocks.set(ctx.sqlite, clock)
  const insert = stmt(ctx.sqlite, 
    'INSERT INTO sync_operation (hlc, replica_id, user_id, tbl, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  for (const table of REPLICATED_TABLES) {
    const rows = stmt(ctx.sqlite, `SELECT * FROM ${toSnake(table)}`).all() as Record<string, unknown>[]
    if (LINK_KEYS[table]) {
      for (const raw of rows) {
        const row = camelRow(raw)
        insert.run(clock.send(), replicaId, ctx.userId, table, linkRowId(table, row), '_deleted', 0)
      }
      continue
    }
    const columns = [...replicatedColumns(ctx.sqlite, table).keys()]
    for (const raw of rows) {
      const row = camelRow(raw)
      const author = (row.updatedBy as string | null) ?? ctx.userId
      // As a create sends it (db/sync/capture.ts): no operation for an empty field, which every
      // apply path creates as null; no other laptop has the row yet for a null to override.
      for (const field of columns) {
        const value = row[field]
        if (value !== null && value !== undefined) insert.run(clock.send(), replicaId, author, table, row.id, field, value)
      }
    }
  }
}

export function camelRow(raw: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) row[key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value
  return row
}

/** The team id, or null before the user started or joined a team. */
export function teamIdOf(sqlite: Sqlite.Database): string | null {
  return readSetting(sqlite, TEAM_KEY)
}

export { parseHlc }
