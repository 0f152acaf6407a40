// The one way a domain row is written: stamps who and when, and appends the change journal entry
// in the same transaction. Services call these inside inTransaction().
//
// Typed per table: values and patches are the table's own columns without the stamps, rows read
// back are the table's Selectable, so a misspelt or mistyped column fails the type check.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely'
import { type Ctx, type Trx, newId, nowIso } from '../context'
import { notFound } from '../domain/errors'
import type { Database, RecordColumns } from '../schema'
import { captureRow } from '../sync/capture'
import { sqlText, stmt } from '../sync/statements'
import { toSnake } from '../sync/tables'

export type RecordTable = {
  [T in keyof Database]: Database[T] extends RecordColumns ? T : never
}[keyof Database]

type Stamp = keyof RecordColumns
/** A new row: its columns without the stamps; `id` only where the row keeps one it already has. */
export type RecordValues<T extends RecordTable> = Omit<Insertable<Database[T]>, Stamp> & { id?: string }
/** A change to a row: any of its columns except the stamps. */
export type RecordPatch<T extends RecordTable> = Omit<Updateable<Database[T]>, Stamp>
export type LiveRow<T extends RecordTable> = Selectable<Database[T]>

type Values = Record<string, unknown>
type Diff = Record<string, [unknown, unknown]>

const STAMPS = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt'])

/**
 * The services' one way past kysely's types, for a table chosen at run time (kysely cannot type
 * one): the functions below stay typed by table, and the callers (recycle bin, investor merge, an
 * event's links) pick the table from constant lists.
 */
export const untyped = (db: Trx | Kysely<Database>): Kysely<any> => db as unknown as Kysely<any>

/** A new row's journal entry: every field it sets, from nothing. */
function createDiff(values: Values): Diff {
  const diff: Diff = {}
  for (const [key, value] of Object.entries(values)) {
    if (!STAMPS.has(key) && value !== null && value !== undefined) diff[key] = [null, value]
  }
  return diff
}

/** The fields a patch really changes, each with its value before (read by `before(field)`). */
function changeDiff(patch: Values, before: (field: string) => unknown): Diff {
  const diff: Diff = {}
  for (const [key, value] of Object.entries(patch)) {
    if (STAMPS.has(key) || value === undefined) continue
    const was = before(key)
    if (was !== value) diff[key] = [was ?? null, value]
  }
  return diff
}

/**
 * The one way a journal entry is written, by the single and the batch writes alike: a prepared
 * statement on the connection the transaction runs on (as captureRow writes the sync operations),
 * stamped with the time the row itself was stamped with, so history and the row agree on when.
 */
function journal(ctx: Ctx, entity: string, id: string, action: string, changes: Diff, at: string): void {
  stmt(ctx.sqlite, 'INSERT INTO change (entity, entity_id, action, changes, user_id, at) VALUES (?, ?, ?, ?, ?, ?)').run(entity, id, action, JSON.stringify(changes), ctx.userId, at)
}

export async function insertRecord<T extends RecordTable>(trx: Trx, ctx: Ctx, table: T, values: RecordValues<T>): Promise<string> {
  const id = values.id ?? newId()
  const at = nowIso(ctx)
  const row = { ...values, id, createdAt: at, createdBy: ctx.userId, updatedAt: at, updatedBy: ctx.userId, deletedAt: null }
  await untyped(trx).insertInto(table).values(row).execute()
  journal(ctx, table, id, 'create', createDiff(values), at)
  captureRow(ctx, table, id, 'created')
  return id
}

/**
 * Many new rows at once (the ledger import's 10⁴ projects): for each the same row, journal entry
 * and sync operations as insertRecord, in the caller's transaction, but through prepared
 * statements reused across the batch. Building and compiling a kysely query per row cost more
 * than SQLite's work. Synchronous; inside inTransaction() like every record write.
 */
export function insertRecords<T extends RecordTable>(trx: Trx, ctx: Ctx, table: T, rows: readonly RecordValues<T>[]): string[] {
  requireTransaction(trx, ctx)
  const at = nowIso(ctx)
  const snake = toSnake(table)
  return rows.map((values) => {
    const id = values.id ?? newId()
    const row: Values = { ...values, id, createdAt: at, createdBy: ctx.userId, updatedAt: at, updatedBy: ctx.userId, deletedAt: null }
    // kysely leaves undefined values out of an insert: so does this
    const names = Object.keys(row).filter((key) => row[key] !== undefined)
    const insert = sqlText(`insert ${snake}(${names.join(',')})`, () => `INSERT INTO ${snake} (${names.map(toSnake).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    stmt(ctx.sqlite, insert).run(...names.map((n) => row[n]))
    journal(ctx, table, id, 'create', createDiff(values), at)
    captureRow(ctx, table, id, 'created')
    return id
  })
}

/**
 * updateRecord for many rows at once, as insertRecords is to insertRecord: the same diff, journal
 * entry and sync operations per row. Returns each row's diff (empty: nothing was written).
 */
export function updateRecords<T extends RecordTable>(
  trx: Trx,
  ctx: Ctx,
  table: T,
  patches: readonly { id: string; patch: RecordPatch<T> }[],
  what: string,
): Diff[] {
  requireTransaction(trx, ctx)
  const snake = toSnake(table)
  const read = stmt(ctx.sqlite, `SELECT * FROM ${snake} WHERE id = ? AND deleted_at IS NULL`)
  return patches.map(({ id, patch }) => {
    const stored = read.get(id) as Values | undefined
    if (!stored) throw notFound(what, id)
    const diff = changeDiff(patch as Values, (key) => stored[toSnake(key)])
    const fields = Object.keys(diff)
    if (fields.length === 0) return diff
    const at = nowIso(ctx)
    const set = [...fields, 'updatedAt', 'updatedBy']
    const values: Values = { ...Object.fromEntries(fields.map((key) => [key, diff[key]![1]])), updatedAt: at, updatedBy: ctx.userId }
    stmt(ctx.sqlite, `UPDATE ${snake} SET ${set.map((n) => `${toSnake(n)} = ?`).join(', ')} WHERE id = ?`).run(...set.map((n) => values[n]), id)
    journal(ctx, table, id, 'update', diff, at)
    captureRow(ctx, table, id, fields)
    return diff
  })
}

// The batch functions write through ctx.sqlite, the connection the transaction runs on: refuse
// to write outside one, where each statement would commit on its own.
function requireTransaction(trx: Trx, ctx: Ctx): void {
  if (!trx.isTransaction || !ctx.sqlite.inTransaction) throw new Error('insertRecords/updateRecords must run inside inTransaction()')
}

/** Reads a live row or throws not_found. */
export async function getLive<T extends RecordTable>(db: Trx | Kysely<Database>, table: T, id: string, what: string): Promise<LiveRow<T>> {
  const row = await untyped(db)
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
  if (!row) throw notFound(what, id)
  return row as LiveRow<T>
}

/** Writes only the fields that really change; returns the diff (empty: nothing was written). */
export async function updateRecord<T extends RecordTable>(
  trx: Trx,
  ctx: Ctx,
  table: T,
  id: string,
  patch: RecordPatch<T>,
  what: string,
): Promise<Diff> {
  const before = (await getLive(trx, table, id, what)) as Values
  const diff = changeDiff(patch as Values, (key) => before[key])
  if (Object.keys(diff).length === 0) return diff
  const changed = Object.fromEntries(Object.entries(diff).map(([key, [, after]]) => [key, after]))
  const at = nowIso(ctx)
  await untyped(trx)
    .updateTable(table as RecordTable)
    .set({ ...changed, updatedAt: at, updatedBy: ctx.userId })
    .where('id', '=', id)
    .execute()
  journal(ctx, table, id, 'update', diff, at)
  captureRow(ctx, table, id, Object.keys(diff))
  return diff
}

/** Soft delete: the row goes to the recycle bin and can be restored. */
export async function deleteRecord(trx: Trx, ctx: Ctx, table: RecordTable, id: string, what: string): Promise<void> {
  await getLive(trx, table, id, what)
  const at = nowIso(ctx)
  await untyped(trx).updateTable(table).set({ deletedAt: at, updatedAt: at, updatedBy: ctx.userId }).where('id', '=', id).execute()
  journal(ctx, table, id, 'delete', { deletedAt: [null, at] }, at)
  captureRow(ctx, table, id, ['deletedAt'])
}

export async function restoreRecord(trx: Trx, ctx: Ctx, table: RecordTable, id: string, what: string): Promise<void> {
  const row = await untyped(trx).selectFrom(table).select('deletedAt').where('id', '=', id).executeTakeFirst()
  if (!row || row.deletedAt === null) throw notFound(`回收站中的${what}`, id)
  const at = nowIso(ctx)
  await untyped(trx).updateTable(table).set({ deletedAt: null, updatedAt: at, updatedBy: ctx.userId }).where('id', '=', id).execute()
  journal(ctx, table, id, 'restore', { deletedAt: [row.deletedAt, null] }, at)
  captureRow(ctx, table, id, ['deletedAt'])
}
