// Uniqueness across laptops: the same park (same district, same name), district, tag, industry,
// target, or investor (same 统一社会信用代码, or same normalised name typed on two laptops) made
// on two laptops becomes one record everywhere. The smaller id survives, on every replica alike;
// the other is deleted and what pointed at it is re-pointed, all by new operations, and the merge
// is listed (sync_merge) with what undo needs.
import type Sqlite from 'better-sqlite3'
import { type Ctx, newId, nowIso } from '../context'
import { emit } from './capture'
import { journal } from './journal'
import { DELETED_FIELD } from './operation'
import { LINK_KEYS, REPLICATED_TABLES, type ReplicatedTable, linkRowId, toCamel, toSnake } from './tables'
import { replicaOfHlc, snapshotOf } from './snapshot'
import { stmt } from './statements'

export interface PendingMerge {
  table: ReplicatedTable
  survivorId: string
  loserId: string
  reason: string
}

interface Key {
  columns: string[]
  reason: string
}

/** The unique keys among live rows (as in the migrations' partial unique indexes). */
const UNIQUE: Partial<Record<ReplicatedTable, Key>> = {
  district: { columns: ['name'], reason: '同名区县' },
  park: { columns: ['districtId', 'name'], reason: '同一区县的同名园区' },
  industry: { columns: ['parentId', 'name'], reason: '同名产业' },
  tag: { columns: ['name'], reason: '同名标签' },
  investor: { columns: ['creditCode'], reason: '统一社会信用代码相同' },
  target: { columns: ['year', 'unitType', 'unitId', 'indicator'], reason: '同一对象同一年的同一指标' },
}
const BY_NAME: Key = { columns: ['nameNorm'], reason: '客商名称相同（规范化后）' }

function creatorReplica(sqlite: Sqlite.Database, table: string, id: string): string | null {
  const row = stmt(sqlite, "SELECT hlc FROM sync_operation WHERE tbl = ? AND row_id = ? AND field = 'createdAt' ORDER BY hlc LIMIT 1").get(table, id) as
    | { hlc: string }
    | undefined
  // A bootstrapped record's createdAt may live only in the snapshot (db/sync/snapshot.ts).
  const compacted = snapshotOf(sqlite, table, id)?.createdAt?.[0]
  const first = row && (!compacted || row.hlc < compacted) ? row.hlc : compacted
  return first ? replicaOfHlc(first) : null
}

function wasUndone(sqlite: Sqlite.Database, table: string, a: string, b: string): boolean {
  return (
    stmt(sqlite, 'SELECT 1 FROM sync_merge WHERE tbl = ? AND undone_at IS NOT NULL AND ((loser_id = ? AND survivor_id = ?) OR (loser_id = ? AND survivor_id = ?))')
      .get(table, a, b, b, a) !== undefined
  )
}

/**
 * A live row other than rowId with the same unique key as `values` (the row as it is about to
 * be, or as stored). byName: investors by normalised name, only when made on two laptops.
 */
export function liveDuplicateOf(ctx: Ctx, table: ReplicatedTable, rowId: string, byName: boolean, values?: Record<string, unknown>): PendingMerge | null {
  const key = byName ? (table === 'investor' ? BY_NAME : undefined) : UNIQUE[table]
  if (!key) return null
  const row = values ?? camelRow(stmt(ctx.sqlite, `SELECT * FROM ${toSnake(table)} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined)
  if (!row || row.deletedAt != null) return null
  if (key.columns.some((c) => row[c] == null && !(table === 'industry' && c === 'parentId'))) return null
  const where = key.columns.map((c) => (c === 'parentId' ? `coalesce(parent_id, '') = coalesce(?, '')` : `${toSnake(c)} = ?`)).join(' AND ')
  const other = stmt(ctx.sqlite, `SELECT id FROM ${toSnake(table)} WHERE ${where} AND deleted_at IS NULL AND id != ? ORDER BY id LIMIT 1`)
    .get(...key.columns.map((c) => row[c] as never), rowId) as { id: string } | undefined
  if (!other) return null
  if (wasUndone(ctx.sqlite, table, rowId, other.id)) return null
  if (byName && creatorReplica(ctx.sqlite, table, rowId) === creatorReplica(ctx.sqlite, table, other.id)) return null
  const [survivorId, loserId] = rowId < other.id ? [rowId, other.id] : [other.id, rowId]
  return { table, survivorId, loserId, reason: key.reason }
}

function camelRow(row: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return row && Object.fromEntries(Object.entries(row).map(([k, v]) => [toCamel(k), v]))
}

/** Deletes the losing row by new local ops (an investor also points at the survivor); returns the time. */
export function loserStamp(ctx: Ctx, table: ReplicatedTable, loserId: string, survivorId: string): string {
  const at = nowIso(ctx)
  emit(ctx, table, loserId, 'deletedAt', at)
  if (table === 'investor') emit(ctx, table, loserId, 'mergedInto', survivorId)
  return at
}

/** The losing row is already stored live: delete it before its twin takes the unique key. */
export function retireExisting(ctx: Ctx, table: ReplicatedTable, loserId: string, survivorId: string): void {
  const at = loserStamp(ctx, table, loserId, survivorId)
  if (table === 'investor') stmt(ctx.sqlite, 'UPDATE investor SET deleted_at = ?, merged_into = ? WHERE id = ?').run(at, survivorId, loserId)
  else stmt(ctx.sqlite, `UPDATE ${toSnake(table)} SET deleted_at = ? WHERE id = ?`).run(at, loserId)
  journal(ctx, table, loserId, 'delete', { deletedAt: [null, at] }, ctx.userId)
}

interface Reference {
  table: ReplicatedTable
  column: string
}

const referenceCache = new WeakMap<Sqlite.Database, Map<string, Reference[]>>()

/** Which (table, column) pairs point at a table, from the foreign keys themselves. */
function referencesTo(sqlite: Sqlite.Database, table: ReplicatedTable): Reference[] {
  let perDb = referenceCache.get(sqlite)
  if (!perDb) {
    perDb = new Map()
    for (const child of REPLICATED_TABLES) {
      const keys = stmt(sqlite, 'SELECT "table" AS parent, "from" AS col FROM pragma_foreign_key_list(?)').all(toSnake(child)) as { parent: string; col: string }[]
      for (const { parent, col } of keys) {
        const list = perDb.get(parent) ?? []
        list.push({ table: child, column: toCamel(col) })
        perDb.set(parent, list)
      }
    }
    referenceCache.set(sqlite, perDb)
  }
  return perDb.get(toSnake(table)) ?? []
}

interface UndoData {
  repointed: { table: string; rowId: string; field: string }[]
  links: { table: string; from: string; to: string }[]
}

/** Re-points everything that refers to the loser, then lists the merge. Returns how many were merged. */
export function mergeDuplicates(ctx: Ctx, merges: PendingMerge[]): number {
  const done = new Set<string>()
  for (const merge of merges) {
    const key = `${merge.table}:${merge.loserId}`
    if (done.has(key)) continue
    done.add(key)
    const loser = stmt(ctx.sqlite, `SELECT deleted_at AS d FROM ${toSnake(merge.table)} WHERE id = ?`).get(merge.loserId) as { d: string | null } | undefined
    if (loser && loser.d === null) retireExisting(ctx, merge.table, merge.loserId, merge.survivorId)
    const undo = repoint(ctx, merge)
    stmt(ctx.sqlite, 'INSERT OR IGNORE INTO sync_merge (id, tbl, survivor_id, loser_id, reason, merged_at, undo) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(newId(), merge.table, merge.survivorId, merge.loserId, merge.reason, nowIso(ctx), JSON.stringify(undo))
  }
  return done.size
}

function repoint(ctx: Ctx, { table, survivorId, loserId }: PendingMerge): UndoData {
  const { sqlite } = ctx
  const undo: UndoData = { repointed: [], links: [] }
  for (const ref of referencesTo(sqlite, table)) {
    if (ref.table === table && ref.column === 'mergedInto') continue
    const link = LINK_KEYS[ref.table]
    const childTable = toSnake(ref.table)
    if (link) {
      const rows = stmt(sqlite, `SELECT * FROM ${childTable} WHERE ${toSnake(ref.column)} = ?`).all(loserId) as Record<string, unknown>[]
      for (const raw of rows) {
        const from = camelRow(raw)!
        const to = { ...from, [ref.column]: survivorId }
        stmt(sqlite, `DELETE FROM ${childTable} WHERE ${link.map((c) => `${toSnake(c)} = ?`).join(' AND ')}`).run(...link.map((c) => from[c] as never))
        stmt(sqlite, `INSERT OR IGNORE INTO ${childTable} (${link.map(toSnake).join(', ')}) VALUES (?, ?)`).run(...link.map((c) => to[c] as never))
        emit(ctx, ref.table, linkRowId(ref.table, from), DELETED_FIELD, 1)
        emit(ctx, ref.table, linkRowId(ref.table, to), DELETED_FIELD, 0)
        undo.links.push({ table: ref.table, from: linkRowId(ref.table, from), to: linkRowId(ref.table, to) })
      }
      continue
    }
    const rows = stmt(sqlite, `SELECT id FROM ${childTable} WHERE ${toSnake(ref.column)} = ?`).all(loserId) as { id: string }[]
    for (const { id } of rows) {
      stmt(sqlite, `UPDATE ${childTable} SET ${toSnake(ref.column)} = ? WHERE id = ?`).run(survivorId, id)
      emit(ctx, ref.table, id, ref.column, survivorId)
      journal(ctx, ref.table, id, 'update', { [ref.column]: [loserId, survivorId] }, ctx.userId)
      undo.repointed.push({ table: ref.table, rowId: id, field: ref.column })
    }
  }
  // Attachments name their record by (entity, entity_id), not by a foreign key.
  if (table === 'investor' || table === 'project') {
    const rows = stmt(sqlite, 'SELECT id FROM attachment WHERE entity = ? AND entity_id = ?').all(table, loserId) as { id: string }[]
    for (const { id } of rows) {
      stmt(sqlite, 'UPDATE attachment SET entity_id = ? WHERE id = ?').run(survivorId, id)
      emit(ctx, 'attachment', id, 'entityId', survivorId)
      undo.repointed.push({ table: 'attachment', rowId: id, field: 'entityId' })
    }
  }
  return undo
}
