// The one way a domain row is written: stamps who and when, and appends the change journal entry
// in the same transaction. Services call these inside inTransaction().
import type { Kysely } from 'kysely'
import { type Ctx, type Trx, newId, nowIso } from '../context'
import { notFound } from '../domain/errors'
import type { Database, RecordColumns } from '../schema'

type RecordTable = {
  [T in keyof Database]: Database[T] extends RecordColumns ? T : never
}[keyof Database]

type Values = Record<string, unknown>
type Diff = Record<string, [unknown, unknown]>

const STAMPS = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt'])

// kysely cannot type a table chosen at run time; the public functions below stay typed by table.
const untyped = (trx: Trx): Kysely<any> => trx as unknown as Kysely<any>

async function journal(trx: Trx, ctx: Ctx, entity: string, id: string, action: string, changes: Diff) {
  await untyped(trx)
    .insertInto('change')
    .values({ entity, entityId: id, action, changes: JSON.stringify(changes), userId: ctx.userId, at: nowIso(ctx) })
    .execute()
}

export async function insertRecord(trx: Trx, ctx: Ctx, table: RecordTable, values: Values): Promise<string> {
  const id = (values.id as string | undefined) ?? newId()
  const at = nowIso(ctx)
  const row = { ...values, id, createdAt: at, createdBy: ctx.userId, updatedAt: at, updatedBy: ctx.userId, deletedAt: null }
  await untyped(trx).insertInto(table).values(row).execute()
  const diff: Diff = {}
  for (const [key, value] of Object.entries(values)) {
    if (!STAMPS.has(key) && value !== null && value !== undefined) diff[key] = [null, value]
  }
  await journal(trx, ctx, table, id, 'create', diff)
  return id
}

/** Reads a live row or throws not_found. */
export async function getLive(trx: Trx | Kysely<Database>, table: RecordTable, id: string, what: string): Promise<Values> {
  const row = await (trx as unknown as Kysely<any>)
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
  if (!row) throw notFound(what, id)
  return row as Values
}

/** Writes only the fields that really change; returns the diff (empty: nothing was written). */
export async function updateRecord(trx: Trx, ctx: Ctx, table: RecordTable, id: string, patch: Values, what: string): Promise<Diff> {
  const before = await getLive(trx, table, id, what)
  const diff: Diff = {}
  for (const [key, value] of Object.entries(patch)) {
    if (STAMPS.has(key) || value === undefined) continue
    if (before[key] !== value) diff[key] = [before[key] ?? null, value]
  }
  if (Object.keys(diff).length === 0) return diff
  const changed = Object.fromEntries(Object.entries(diff).map(([key, [, after]]) => [key, after]))
  await untyped(trx)
    .updateTable(table)
    .set({ ...changed, updatedAt: nowIso(ctx), updatedBy: ctx.userId })
    .where('id', '=', id)
    .execute()
  await journal(trx, ctx, table, id, 'update', diff)
  return diff
}

/** Soft delete: the row goes to the recycle bin and can be restored. */
export async function deleteRecord(trx: Trx, ctx: Ctx, table: RecordTable, id: string, what: string): Promise<void> {
  await getLive(trx, table, id, what)
  const at = nowIso(ctx)
  await untyped(trx).updateTable(table).set({ deletedAt: at, updatedAt: at, updatedBy: ctx.userId }).where('id', '=', id).execute()
  await journal(trx, ctx, table, id, 'delete', { deletedAt: [null, at] })
}

export async function restoreRecord(trx: Trx, ctx: Ctx, table: RecordTable, id: string, what: string): Promise<void> {
  const row = await untyped(trx).selectFrom(table).select('deletedAt').where('id', '=', id).executeTakeFirst()
  if (!row || row.deletedAt === null) throw notFound(`回收站中的${what}`, id)
  const at = nowIso(ctx)
  await untyped(trx).updateTable(table).set({ deletedAt: null, updatedAt: at, updatedBy: ctx.userId }).where('id', '=', id).execute()
  await journal(trx, ctx, table, id, 'restore', { deletedAt: [row.deletedAt, null] })
}
