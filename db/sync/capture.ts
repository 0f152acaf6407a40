// Every write to replicated data becomes field-level operations in the same transaction as the
// write. Called from db/services/records.ts (rows) and the services that write link tables or
// purge directly. Values are read back from the row just written, so defaults and normalisation
// travel exactly as stored.
import type { Ctx } from '../context'
import { clockOf, replicaJustStarted } from './identity'
import { DELETED_FIELD, PURGED_FIELD } from './operation'
import { type ReplicatedTable, isReplicated, linkRowId, replicatedColumns, toSnake } from './tables'
import { sqlText, stmt } from './statements'
import { noteWritten } from '../written-tables'

/** Fields every write of a row stamps besides what it changed. */
const WRITE_STAMPS = ['updatedAt', 'updatedBy']

/** One local operation, stamped now by this replica's clock. */
export function emit(ctx: Ctx, table: ReplicatedTable, rowId: string, field: string, value: unknown): void {
  const clock = clockOf(ctx)
  const stored = value === undefined ? null : typeof value === 'bigint' ? Number(value) : (value as string | number | null)
  stmt(ctx.sqlite, 'INSERT INTO sync_operation (hlc, replica_id, user_id, tbl, row_id, field, value) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(clock.send(), clock.replicaId, ctx.userId, table, rowId, field, stored)
}

/**
 * Records the current values of a row's fields as operations: 'created' after a create, else the
 * changed fields (plus updatedAt/updatedBy). Inside the write's transaction.
 *
 * A created row's empty fields get no operation: the row was made here under a fresh id, so no
 * earlier value exists anywhere for an op to override, and every apply path (db/sync/apply.ts,
 * db/sync/bootstrap.ts) creates a record's missing fields as null. An import of 10⁴ ledger rows
 * wrote about 57 ops per project before, most of them nulls.
 */
export function captureRow(ctx: Ctx, table: string, id: string, fields: 'created' | string[]): void {
  noteWritten(ctx.sqlite, table)
  if (!isReplicated(table) || replicaJustStarted(ctx)) return
  const columns = replicatedColumns(ctx.sqlite, table)
  const created = fields === 'created'
  const wanted = created ? [...columns.keys()] : [...new Set([...fields, ...WRITE_STAMPS])].filter((f) => columns.has(f))
  if (wanted.length === 0) return
  const select = sqlText(`select ${table}(${wanted.join(',')})`, () => `SELECT ${wanted.map(toSnake).join(', ')} FROM ${toSnake(table)} WHERE id = ?`)
  const row = stmt(ctx.sqlite, select).raw().get(id) as unknown[] | undefined
  if (!row) return
  wanted.forEach((field, i) => {
    if (!created || row[i] !== null) emit(ctx, table, id, field, row[i])
  })
}

/** A link-table row added (present) or removed. */
export function captureLink(ctx: Ctx, table: string, key: Record<string, string>, present: boolean): void {
  noteWritten(ctx.sqlite, table)
  if (!isReplicated(table) || replicaJustStarted(ctx)) return
  emit(ctx, table, linkRowId(table, key), DELETED_FIELD, present ? 0 : 1)
}

/** A row emptied from the recycle bin: gone on every laptop, for good. */
export function capturePurge(ctx: Ctx, table: string, id: string): void {
  noteWritten(ctx.sqlite, table)
  if (!isReplicated(table) || replicaJustStarted(ctx)) return
  emit(ctx, table, id, PURGED_FIELD, 1)
}
