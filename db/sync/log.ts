// Reading and writing the local operation log (table sync_operation).
import type Sqlite from 'better-sqlite3'
import type { Operation, Watermarks } from './operation'
import { mergeMarks, snapshotMarks } from './snapshot'
import { stmt } from './statements'

interface OpRow {
  hlc: string
  replicaId: string
  userId: string | null
  tbl: string
  rowId: string
  field: string
  value: string | number | null
}

const COLUMNS = 'hlc, replica_id AS replicaId, user_id AS userId, tbl, row_id AS rowId, field, value'
const toOperation = (row: OpRow): Operation => ({
  hlc: row.hlc,
  replicaId: row.replicaId,
  userId: row.userId,
  table: row.tbl,
  rowId: row.rowId,
  field: row.field,
  value: row.value,
})

export function insertOperation(sqlite: Sqlite.Database, op: Operation, source: string): boolean {
  const result = stmt(sqlite, 'INSERT OR IGNORE INTO sync_operation (hlc, replica_id, user_id, tbl, row_id, field, value, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(op.hlc, op.replicaId, op.userId, op.table, op.rowId, op.field, op.value, source)
  return result.changes === 1
}

/** Per origin replica, the greatest hlc this database holds (in the log or covered by its snapshot). */
export function localWatermarks(sqlite: Sqlite.Database): Watermarks {
  const rows = stmt(sqlite, 'SELECT replica_id AS replicaId, max(hlc) AS hlc FROM sync_operation GROUP BY replica_id').all() as {
    replicaId: string
    hlc: string
  }[]
  return mergeMarks(snapshotMarks(sqlite), Object.fromEntries(rows.map((row) => [row.replicaId, row.hlc])))
}

/** Ops not covered by the watermarks (any replica's), in hlc order, at most `limit`. */
export function readOperationsAfter(sqlite: Sqlite.Database, after: Watermarks, limit: number): Operation[] {
  const replicas = stmt(sqlite, 'SELECT DISTINCT replica_id AS replicaId FROM sync_operation').all() as { replicaId: string }[]
  const page = stmt(sqlite, `SELECT ${COLUMNS} FROM sync_operation WHERE replica_id = ? AND hlc > ? ORDER BY hlc LIMIT ?`)
  const found: OpRow[] = []
  for (const { replicaId } of replicas) found.push(...(page.all(replicaId, after[replicaId] ?? '', limit) as OpRow[]))
  found.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
  return found.slice(0, limit).map(toOperation)
}

export function readOperationsFrom(sqlite: Sqlite.Database, afterHlc: string | null, limit: number, onlyReplica?: string): Operation[] {
  const rows = onlyReplica
    ? stmt(sqlite, `SELECT ${COLUMNS} FROM sync_operation WHERE replica_id = ? AND hlc > ? ORDER BY hlc LIMIT ?`).all(onlyReplica, afterHlc ?? '', limit)
    : stmt(sqlite, `SELECT ${COLUMNS} FROM sync_operation WHERE hlc > ? ORDER BY hlc LIMIT ?`).all(afterHlc ?? '', limit)
  return (rows as OpRow[]).map(toOperation)
}

export function hasOperation(sqlite: Sqlite.Database, hlc: string): boolean {
  return stmt(sqlite, 'SELECT 1 FROM sync_operation WHERE hlc = ?').get(hlc) !== undefined
}
