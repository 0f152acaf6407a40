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

// kysely cannot type a table chosen at run time; the public functions below stay typed by table.
const untyped = (db: Trx | Kysely<Database>): Kysely<any> => db as unknown as Kysely<any>

async function journal(trx: Trx, ctx: Ctx, entity: string, id: string, action: string, changes: Diff) {
  await untyped(trx)
    .insertInto('change')
    .values({ entity, entityId: id, action, changes: JSON.stringify(changes), userId: ctx.userId, at: nowIso(ctx) })
    .execute()
}

export async function insertRecord<T extends RecordTable>(trx: Trx, ctx: Ctx, table: T, values: RecordValues<T>): Promise<string> {
  const id = values.id ?? newId()
  const at = nowIso(ctx)
  const row = { ...values, id, createdAt: at, createdBy: ctx.userId, updatedAt: at, updatedBy: ctx.userId, deletedAt: null }
  await untyped(trx).insertInto(table).values(row).execute()
  const diff: Diff = {}
  for (const [key, value] of Object.entries(values)) {
    if (!STAMPS.has(key) && value !== null && value !== undefined) diff[key] = [null, value]
  }
  await journal(trx, ctx, table, id, 'create', diff)
  captureRow(ctx, table, id, 'all')
  return id
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
  const diff: Diff = {}
  for (const [key, value] of Object.entries(patch)) {
    if (STAMPS.has(key) || value === undefined) continue
    if (before[key] !== value) diff[key] = [before[key] ?? null, value]
  }
  if (Object.keys(diff).length === 0) return diff
  const changed = Object.fromEntries(Object.entries(diff).map(([key, [, after]]) => [key, after]))
  await untyped(trx)
    .updateTable(table as RecordTable)
    .set({ ...changed, updatedAt: nowIso(ctx), updatedBy: ctx.userId })
    .where('id', '=', id)
    .execute()
  await journal(trx, ctx, table, id, 'update', diff)
  captureRow(ctx, table, id, Object.keys(diff))
  return diff
}

/** Soft delete: the row goes to the recycle bin and can be restored. */
export async function deleteRecord(trx: Trx, ctx: Ctx, table: RecordTable, id: string, what: string): Promise<void> {
  await getLive(trx, table, id, what)
  const at = nowIso(ctx)
  await untyped(trx).updateTable(table).set({ deletedAt: at, updatedAt: at, updatedBy: ctx.userId }).where('id', '=', id).execute()
  await journal(trx, ctx, table, id, 'delete', { deletedAt: [null, at] })
  captureRow(ctx, table, id, ['deletedAt'])
}

export async function restoreRecord(trx: Trx, ctx: Ctx, table: RecordTable, id: string, what: string): Promise<void> {
  const row = await untyped(trx).selectFrom(table).select('deletedAt').where('id', '=', id).executeTakeFirst()
  if (!row || row.deletedAt === null) throw notFound(`回收站中的${what}`, id)
  const at = nowIso(ctx)
  await untyped(trx).updateTable(table).set({ deletedAt: null, updatedAt: at, updatedBy: ctx.userId }).where('id', '=', id).execute()
  await journal(trx, ctx, table, id, 'restore', { deletedAt: [row.deletedAt, null] })
  captureRow(ctx, table, id, ['deletedAt'])
}
