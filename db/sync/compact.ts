// Compaction of the local operation log: operations every known receiver has acknowledged move
// into the snapshot (db/sync/snapshot.ts) as their field's winner, or go when a newer op of the same
// field beats them; the log keeps only what someone may still need to be sent. A receiver that
// missed the pruned part later gets the snapshot (a package for anyone carries it as winning ops),
// never a gap.
//
// "Known receivers": every peer that ever sent us a package (sync_watermark) and, with a hub
// configured, the hub (what it holds: hub.pushedUpTo). An origin one of them has never acknowledged
// is not compacted at all; with nobody known, nothing is.
import type Sqlite from 'better-sqlite3'
import type { Ctx } from '../context'
import { HUB_KEYS, readHubSetting } from '../hub/settings'
import type { Operation, Watermarks } from './operation'
import { type RowSnapshot, raiseSnapshotMarks, replicaOfHlc, snapshotMarks, snapshotsOf } from './snapshot'
import { stmt } from './statements'

export interface CompactResult {
  /** Operations in the log before and after. */
  before: number
  after: number
  /** Records whose snapshot was written. */
  records: number
  /** Per origin, the hlc up to which everyone known has acknowledged (what was compacted). */
  horizon: Watermarks
}

const logSize = (sqlite: Sqlite.Database) => (stmt(sqlite, 'SELECT count(*) AS n FROM sync_operation').get() as { n: number }).n

/** Per origin, the least hlc every known receiver holds; origins someone has not acknowledged are absent. */
export function acknowledgedByAll(sqlite: Sqlite.Database): Watermarks {
  const receivers = new Map<string, Watermarks>()
  for (const row of stmt(sqlite, 'SELECT peer_id AS peer, origin_id AS origin, hlc FROM sync_watermark').all() as { peer: string; origin: string; hlc: string }[]) {
    const marks = receivers.get(row.peer) ?? {}
    marks[row.origin] = row.hlc
    receivers.set(row.peer, marks)
  }
  if (readHubSetting<string>(sqlite, HUB_KEYS.url) !== null) receivers.set('hub', readHubSetting<Watermarks>(sqlite, HUB_KEYS.pushedUpTo) ?? {})
  if (receivers.size === 0) return {}
  const all = [...receivers.values()]
  const horizon: Watermarks = {}
  for (const origin of Object.keys(all[0]!)) {
    const held = all.map((marks) => marks[origin])
    if (held.some((hlc) => hlc === undefined)) continue
    horizon[origin] = (held as string[]).sort()[0]!
  }
  return horizon
}

/** Inside a transaction. */
export function compactLog(ctx: Ctx): CompactResult {
  const { sqlite } = ctx
  const before = logSize(sqlite)
  const horizon = acknowledgedByAll(sqlite)
  const ops = stmt(
    sqlite,
    `SELECT o.hlc, o.replica_id AS replicaId, o.user_id AS userId, o.tbl AS "table", o.row_id AS rowId, o.field, o.value
     FROM sync_operation o JOIN json_each(?) h ON h.key = o.replica_id AND o.hlc <= h.value ORDER BY o.hlc`,
  ).all(JSON.stringify(horizon)) as Operation[]
  if (ops.length === 0) return { before, after: before, records: 0, horizon }

  const byTable = new Map<string, Map<string, Operation[]>>()
  for (const op of ops) {
    let rows = byTable.get(op.table)
    if (!rows) byTable.set(op.table, (rows = new Map()))
    const list = rows.get(op.rowId) ?? []
    list.push(op)
    rows.set(op.rowId, list)
  }
  const upsert = stmt(sqlite, 'INSERT INTO sync_snapshot (tbl, row_id, ops) VALUES (?, ?, ?) ON CONFLICT (tbl, row_id) DO UPDATE SET ops = excluded.ops')
  let records = 0
  for (const [table, rows] of byTable) {
    const existing = snapshotsOf(sqlite, table, rows.keys())
    for (const [rowId, rowOps] of rows) {
      const snapshot: RowSnapshot = existing.get(rowId) ?? {}
      // ops come in hlc order: the last one per field wins.
      for (const op of rowOps) if ((snapshot[op.field]?.[0] ?? '') < op.hlc) snapshot[op.field] = [op.hlc, op.userId, op.value]
      upsert.run(table, rowId, JSON.stringify(snapshot))
      records += 1
    }
  }
  stmt(sqlite, 'DELETE FROM sync_operation WHERE hlc IN (SELECT value FROM json_each(?))').run(JSON.stringify(ops.map((op) => op.hlc)))
  // Marks only as far as the ops this log really held (a peer may hold more of an origin than we do).
  const covered: Watermarks = {}
  for (const op of ops) covered[op.replicaId] = op.hlc
  raiseSnapshotMarks(sqlite, covered)
  return { before, after: logSize(sqlite), records, horizon }
}

/** The snapshot as operations (each field's winning op): what a receiver that lacks the compacted part needs. */
export function snapshotOperations(sqlite: Sqlite.Database): Operation[] {
  const ops: Operation[] = []
  for (const row of stmt(sqlite, 'SELECT tbl, row_id AS rowId, ops FROM sync_snapshot').all() as { tbl: string; rowId: string; ops: string }[]) {
    for (const [field, [hlc, userId, value]] of Object.entries(JSON.parse(row.ops) as RowSnapshot)) {
      ops.push({ hlc, replicaId: replicaOfHlc(hlc), userId, table: row.tbl, rowId: row.rowId, field, value })
    }
  }
  return ops.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
}

/** Whether a receiver holding `held` would be left with a gap by the log alone (it lacks compacted ops). */
export function needsSnapshot(sqlite: Sqlite.Database, held: Watermarks): boolean {
  return Object.entries(snapshotMarks(sqlite)).some(([origin, mark]) => (held[origin] ?? '') < mark)
}
