// The compacted part of the log (tables sync_snapshot, sync_snapshot_mark; migration 0009): per
// record, the winning operation of each field — what a first pull brings instead of the whole
// history. Everything that asks "which op wins this field?" reads it beside sync_operation, so a
// record merges the same whether its history was replayed or bootstrapped.
import type Sqlite from 'better-sqlite3'
import type { Operation, Watermarks } from './operation'
import { stmt } from './statements'

/** One field's winning op as kept in the snapshot: [hlc, userId, value]. */
export type SnapshotEntry = [string, string | null, string | number | null]
/** A record's snapshot: field → its winning op. */
export type RowSnapshot = Record<string, SnapshotEntry>

/** The replica id is the hlc's tail (formatHlc): <13 digits>-<4 hex>-<replica>. */
export const replicaOfHlc = (hlc: string): string => hlc.slice(19)

export function hasSnapshot(sqlite: Sqlite.Database): boolean {
  return stmt(sqlite, 'SELECT 1 FROM sync_snapshot_mark LIMIT 1').get() !== undefined
}

/** Per origin replica, the greatest hlc the snapshot covers (empty without a snapshot). */
export function snapshotMarks(sqlite: Sqlite.Database): Watermarks {
  const rows = stmt(sqlite, 'SELECT replica_id AS replicaId, hlc FROM sync_snapshot_mark').all() as { replicaId: string; hlc: string }[]
  return Object.fromEntries(rows.map((row) => [row.replicaId, row.hlc]))
}

/** Whether an op is one the snapshot already accounts for (kept as a winner, or overwritten by one). */
export const coveredBy = (marks: Watermarks, op: Pick<Operation, 'hlc' | 'replicaId'>): boolean => {
  const mark = marks[op.replicaId]
  return mark !== undefined && op.hlc <= mark
}

/** The snapshots of some records of one table, by row id (records without one are absent). */
export function snapshotsOf(sqlite: Sqlite.Database, table: string, ids: Iterable<string>): Map<string, RowSnapshot> {
  const rows = stmt(sqlite, 'SELECT row_id AS rowId, ops FROM sync_snapshot WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?))')
    .all(table, JSON.stringify([...ids])) as { rowId: string; ops: string }[]
  return new Map(rows.map((row) => [row.rowId, JSON.parse(row.ops) as RowSnapshot]))
}

export function snapshotOf(sqlite: Sqlite.Database, table: string, rowId: string): RowSnapshot | null {
  const row = stmt(sqlite, 'SELECT ops FROM sync_snapshot WHERE tbl = ? AND row_id = ?').get(table, rowId) as { ops: string } | undefined
  return row ? (JSON.parse(row.ops) as RowSnapshot) : null
}

/** Raises the marks (never lowers one): the snapshot now covers these ops too. */
export function raiseSnapshotMarks(sqlite: Sqlite.Database, marks: Watermarks): void {
  const upsert = stmt(sqlite, 'INSERT INTO sync_snapshot_mark (replica_id, hlc) VALUES (?, ?) ON CONFLICT (replica_id) DO UPDATE SET hlc = max(hlc, excluded.hlc)')
  for (const [replicaId, hlc] of Object.entries(marks)) upsert.run(replicaId, hlc)
}

/** The greatest hlc of every origin, in the snapshot's marks and the log together. */
export function mergeMarks(a: Watermarks, b: Watermarks): Watermarks {
  const out = { ...a }
  for (const [replicaId, hlc] of Object.entries(b)) if ((out[replicaId] ?? '') < hlc) out[replicaId] = hlc
  return out
}
