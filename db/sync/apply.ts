// Applying received operations: log them (known ones are skipped), then rebuild each touched row
// from the log — per field, the op with the greatest hlc wins — so a row's state is a function
// of the set of ops a replica holds, whatever order they came in. Then duplicates made on two
// laptops are merged (db/sync/merge.ts). All in one transaction.
import type Sqlite from 'better-sqlite3'
import { type Ctx, inTransaction } from '../context'
import { derivedColumns } from './derived'
import { STAMP_FIELDS, journal } from './journal'
import { clockOf, ensureReplica } from './identity'
import { insertOperation } from './log'
import { type PendingMerge, liveDuplicateOf, loserStamp, mergeDuplicates, retireExisting } from './merge'
import { type ApplySource, type ApplySummary, DELETED_FIELD, type Operation, PURGED_FIELD } from './operation'
import { recordReview } from './review'
import { type RowSnapshot, coveredBy, hasSnapshot, replicaOfHlc, snapshotMarks, snapshotOf, snapshotsOf } from './snapshot'
import { type ColumnInfo, LINK_KEYS, REPLICATED_TABLES, type ReplicatedTable, replicatedColumns, toSnake } from './tables'
import { refused, validateOperations } from './validate'
import { stmt } from './statements'
import { noteWritten } from '../written-tables'


interface Winner {
  field: string
  value: string | number | null
  hlc: string
  userId: string | null
}

interface LoggedOp {
  hlc: string
  replicaId: string
  userId: string | null
  value: string | number | null
  source: string
}

export async function applyReceived(ctx: Ctx, rawOps: unknown[], source: ApplySource): Promise<ApplySummary> {
  const ops = validateOperations(ctx.sqlite, rawOps, ctx.now().getTime())
  return inTransaction(ctx, async () => {
    const summary = applyValidated(ctx, ops, source)
    source.inSameTransaction?.()
    return summary
  })
}

/** Inside a transaction. Throws (and the caller's transaction rolls back) when the batch cannot stand. */
export function applyValidated(ctx: Ctx, ops: Operation[], source: ApplySource): ApplySummary {
  const { sqlite } = ctx
  const localReplica = ensureReplica(ctx)
  sqlite.pragma('defer_foreign_keys = ON')
  const summary: ApplySummary = { received: ops.length, applied: 0, skipped: 0, added: {}, changed: {}, byUser: {}, merged: 0, toReview: 0 }
  const batchHlcs = new Set<string>()
  const label = `${source.kind}:${source.label}`.slice(0, 200)
  // Set-based lookups, one statement per batch or per table, instead of two per op: a page of
  // thousands of ops spent most of its time crossing from JavaScript into SQLite and back.
  const known = knownOperations(sqlite, ops)
  // A bootstrapped or compacted log keeps older history as per-field winners (db/sync/snapshot.ts).
  const compacted = hasSnapshot(sqlite)
  const marks = compacted ? snapshotMarks(sqlite) : {}
  const latest = latestLogged(sqlite, rowsOf(ops), compacted)
  const touched = new Map<ReplicatedTable, Set<string>>()

  for (const op of ops) {
    const existing = known.get(op.hlc)
    if (existing) {
      const same = existing.tbl === op.table && existing.rowId === op.rowId && existing.field === op.field && existing.value === op.value && existing.userId === op.userId
      if (!same) throw refused(`操作 ${op.hlc} 与本机已有的同一操作内容不同（可能是伪造的）`)
      summary.skipped += 1
      continue
    }
    // The same op twice in one batch (validation made sure both copies are identical), or one the
    // snapshot already accounts for (it won its field, or lost to an op that did).
    if (batchHlcs.has(op.hlc) || coveredBy(marks, op)) {
      summary.skipped += 1
      continue
    }
    // This replica's own op that it no longer holds (the file was restored from a backup): a colleague kept it, so it comes back.
    const key = fieldKey(op.table, op.rowId, op.field)
    const prev = latest.get(key)
    if (prev && isConcurrentEdit(prev, op, source, batchHlcs, localReplica)) {
      const [winner, loser] = prev.hlc > op.hlc ? [prev, op] : [op, prev]
      if (recordReview(ctx, op.table, op.rowId, op.field, winner, loser)) summary.toReview += 1
    }
    insertOperation(sqlite, op, label)
    if (!prev || op.hlc > prev.hlc) latest.set(key, { hlc: op.hlc, replicaId: op.replicaId, userId: op.userId, value: op.value, source: label })
    batchHlcs.add(op.hlc)
    summary.applied += 1
    const author = op.userId ?? ''
    summary.byUser[author] = (summary.byUser[author] ?? 0) + 1
    const table = op.table as ReplicatedTable
    if (!touched.has(table)) touched.set(table, new Set())
    touched.get(table)!.add(op.rowId)
  }
  if (summary.applied === 0) return summary
  const clock = clockOf(ctx)
  clock.observe(ops[ops.length - 1]!.hlc)

  const merges: PendingMerge[] = []
  const rows = new RowCache(sqlite, compacted)
  for (const table of REPLICATED_TABLES) {
    const ids = touched.get(table)
    if (!ids) continue
    rows.load(table, ids)
    for (const rowId of ids) {
      let outcome: Outcome
      try {
        outcome = LINK_KEYS[table] ? materializeLink(ctx, rows, table, rowId) : materializeRecord(ctx, rows, table, rowId, merges)
      } catch (error) {
        const code = (error as { code?: string }).code ?? ''
        if (!code.startsWith('SQLITE_CONSTRAINT')) throw error
        throw refused(`${table} 的记录 ${rowId} 不符合数据规则（${(error as Error).message}）`)
      }
      if (outcome === 'added') summary.added[table] = (summary.added[table] ?? 0) + 1
      if (outcome === 'changed') summary.changed[table] = (summary.changed[table] ?? 0) + 1
      // Received rows change open pages like local writes do (see db/written-tables.ts).
      if (outcome === 'added' || outcome === 'changed') noteWritten(sqlite, table)
    }
  }
  // Same investor typed on two laptops under the same normalised name (no unique index holds it).
  for (const rowId of touched.get('investor') ?? []) {
    const duplicate = liveDuplicateOf(ctx, 'investor', rowId, true)
    if (duplicate) merges.push(duplicate)
  }
  summary.merged = mergeDuplicates(ctx, merges)

  const broken = brokenReferences(sqlite, touched, merges.length > 0)
  if (broken.length > 0) {
    const first = broken[0]!
    throw refused(`有记录引用了本机不存在的${first.parent}（${first.table}），请先导入更早的同步包`, { broken: broken.slice(0, 5) })
  }
  return summary
}

const fieldKey = (table: string, rowId: string, field: string) => `${table}\u0000${rowId}\u0000${field}`

function rowsOf(ops: Operation[]): Map<ReplicatedTable, Set<string>> {
  const rows = new Map<ReplicatedTable, Set<string>>()
  for (const op of ops) {
    const table = op.table as ReplicatedTable
    if (!rows.has(table)) rows.set(table, new Set())
    rows.get(table)!.add(op.rowId)
  }
  return rows
}

/** The batch's ops this log already holds, by hlc: one primary-key probe per op, inside SQLite. */
function knownOperations(sqlite: Sqlite.Database, ops: Operation[]): Map<string, Omit<Operation, 'table'> & { tbl: string }> {
  const rows = stmt(
    sqlite,
    'SELECT hlc, replica_id AS replicaId, user_id AS userId, tbl, row_id AS rowId, field, value FROM sync_operation WHERE hlc IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ops.map((op) => op.hlc))) as (Omit<Operation, 'table'> & { tbl: string })[]
  return new Map(rows.map((row) => [row.hlc, row]))
}

/** Per (table, row, field) of the touched rows: the logged op with the greatest hlc (before this batch). */
function latestLogged(sqlite: Sqlite.Database, touched: Map<ReplicatedTable, Set<string>>, compacted: boolean): Map<string, LoggedOp> {
  const latest = new Map<string, LoggedOp>()
  // max() makes SQLite take the other bare columns from the row holding the maximum.
  const query = stmt(
    sqlite,
    `SELECT row_id AS rowId, field, max(hlc) AS hlc, replica_id AS replicaId, user_id AS userId, value, source
     FROM sync_operation WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?)) GROUP BY row_id, field`,
  )
  for (const [table, ids] of touched) {
    for (const row of query.all(table, JSON.stringify([...ids])) as (LoggedOp & { rowId: string; field: string })[]) {
      latest.set(fieldKey(table, row.rowId, row.field), { hlc: row.hlc, replicaId: row.replicaId, userId: row.userId, value: row.value, source: row.source })
    }
    if (!compacted) continue
    for (const [rowId, snapshot] of snapshotsOf(sqlite, table, ids)) {
      for (const [field, [hlc, userId, value]] of Object.entries(snapshot)) {
        const key = fieldKey(table, rowId, field)
        if ((latest.get(key)?.hlc ?? '') < hlc) latest.set(key, { hlc, replicaId: replicaOfHlc(hlc), userId, value, source: 'snapshot' })
      }
    }
  }
  return latest
}

/**
 * The touched rows' winners and stored state, read per table in one grouped query each. A merge
 * found while materializing writes to other rows and the log, so from then on this batch reads
 * row by row again (merges are rare; correctness first).
 */
class RowCache {
  private winners = new Map<string, Map<string, Winner>>()
  private current = new Map<string, Record<string, unknown> | undefined>()
  private stale = false

  constructor(
    private readonly sqlite: Sqlite.Database,
    private readonly compacted: boolean,
  ) {}

  load(table: ReplicatedTable, ids: Set<string>): void {
    this.winners.clear()
    this.current.clear()
    if (this.stale) return
    const json = JSON.stringify([...ids])
    const winners = stmt(
      this.sqlite,
      `SELECT row_id AS rowId, field, value, max(hlc) AS hlc, user_id AS userId FROM sync_operation
       WHERE tbl = ? AND row_id IN (SELECT value FROM json_each(?)) GROUP BY row_id, field`,
    ).all(table, json) as (Winner & { rowId: string })[]
    for (const { rowId, ...winner } of winners) {
      let perRow = this.winners.get(rowId)
      if (!perRow) this.winners.set(rowId, (perRow = new Map()))
      perRow.set(winner.field, winner)
    }
    if (this.compacted) {
      for (const [rowId, snapshot] of snapshotsOf(this.sqlite, table, ids)) {
        let perRow = this.winners.get(rowId)
        if (!perRow) this.winners.set(rowId, (perRow = new Map()))
        withSnapshot(perRow, snapshot)
      }
    }
    for (const id of ids) this.current.set(id, undefined)
    if (LINK_KEYS[table]) return
    const rows = stmt(this.sqlite, `SELECT * FROM ${toSnake(table)} WHERE id IN (SELECT value FROM json_each(?))`).all(json) as Record<string, unknown>[]
    for (const row of rows) this.current.set(row.id as string, row)
  }

  /** Other rows or the log were written by a merge: the cached reads may be out of date. */
  invalidate(): void {
    this.stale = true
    this.winners.clear()
    this.current.clear()
  }

  winnersOf(table: ReplicatedTable, rowId: string): Map<string, Winner> {
    if (!this.stale) return this.winners.get(rowId) ?? new Map()
    const rows = stmt(this.sqlite, 'SELECT field, value, max(hlc) AS hlc, user_id AS userId FROM sync_operation WHERE tbl = ? AND row_id = ? GROUP BY field')
      .all(table, rowId) as Winner[]
    const winners = new Map(rows.map((row) => [row.field, row]))
    const snapshot = this.compacted ? snapshotOf(this.sqlite, table, rowId) : null
    return snapshot ? withSnapshot(winners, snapshot) : winners
  }

  currentOf(table: ReplicatedTable, rowId: string): Record<string, unknown> | undefined {
    if (!this.stale) return this.current.get(rowId)
    return stmt(this.sqlite, `SELECT * FROM ${toSnake(table)} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined
  }
}

/** Adds the snapshot's winners where they beat (or stand in for) the log's. */
function withSnapshot(winners: Map<string, Winner>, snapshot: RowSnapshot): Map<string, Winner> {
  for (const [field, [hlc, userId, value]] of Object.entries(snapshot)) {
    if ((winners.get(field)?.hlc ?? '') < hlc) winners.set(field, { field, value, hlc, userId })
  }
  return winners
}

interface ForeignKey {
  parent: string
  from: string
  to: string
}

const foreignKeyCache = new WeakMap<Sqlite.Database, Map<string, ForeignKey[]>>()

function foreignKeysOf(sqlite: Sqlite.Database, table: string): ForeignKey[] {
  let perDb = foreignKeyCache.get(sqlite)
  if (!perDb) foreignKeyCache.set(sqlite, (perDb = new Map()))
  let keys = perDb.get(table)
  if (!keys) {
    const rows = sqlite.prepare('SELECT "table" AS parent, "from" AS "from", "to" AS "to" FROM pragma_foreign_key_list(?)').all(table) as ForeignKey[]
    keys = rows.map((row) => ({ ...row, to: row.to ?? 'id' }))
    perDb.set(table, keys)
  }
  return keys
}

/**
 * References to rows this database lacks, among the rows the batch wrote. Only those rows can break
 * a reference: parents are never deleted here except by a purge, which checks at once. (The whole
 * PRAGMA foreign_key_check read every table per page: quadratic over a bootstrap.) After a merge,
 * which re-points rows outside the batch, the whole check runs as before.
 */
function brokenReferences(sqlite: Sqlite.Database, touched: Map<ReplicatedTable, Set<string>>, merged: boolean): { table: string; parent: string }[] {
  if (merged) return sqlite.pragma('foreign_key_check') as { table: string; parent: string }[]
  const broken: { table: string; parent: string }[] = []
  for (const [table, ids] of touched) {
    const snake = toSnake(table)
    const link = LINK_KEYS[table]
    // Link rows are named 'a:b' by their two keys; record rows by id.
    const rowsOfBatch = link
      ? `c.${toSnake(link[0])} = substr(j.value, 1, instr(j.value, ':') - 1) AND c.${toSnake(link[1])} = substr(j.value, instr(j.value, ':') + 1)`
      : 'c.id = j.value'
    for (const key of foreignKeysOf(sqlite, snake)) {
      const missing = stmt(
        sqlite,
        `SELECT 1 FROM json_each(?) j JOIN ${snake} c ON ${rowsOfBatch}
         WHERE c.${key.from} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${key.parent} p WHERE p.${key.to} = c.${key.from}) LIMIT 1`,
      ).get(JSON.stringify([...ids]))
      if (missing) broken.push({ table: snake, parent: key.parent })
    }
  }
  return broken
}

/**
 * Whether two ops on one field are edits made without seeing each other (listed for review).
 * With the sender's watermarks it is exact for the sender's own ops; without, an overwrite of
 * this laptop's own edit, or two laptops' edits arriving in the same batch, count as concurrent.
 */
function isConcurrentEdit(prev: LoggedOp, op: Operation, source: ApplySource, batch: Set<string>, localReplica: string): boolean {
  if (STAMP_FIELDS.has(op.field) || op.field === DELETED_FIELD || op.field === PURGED_FIELD) return false
  if (prev.replicaId === op.replicaId || prev.value === op.value) return false
  if (op.hlc < prev.hlc) return true
  if (source.seen) return (source.seen[prev.replicaId] ?? '') < prev.hlc
  return prev.replicaId === localReplica || batch.has(prev.hlc)
}

type Outcome = 'added' | 'changed' | 'same' | 'pending'

function materializeLink(ctx: Ctx, rows: RowCache, table: ReplicatedTable, rowId: string): Outcome {
  const [a, b] = LINK_KEYS[table]!
  const [aId, bId] = rowId.split(':')
  const present = rows.winnersOf(table, rowId).get(DELETED_FIELD)?.value === 0
  const where = `${toSnake(a)} = ? AND ${toSnake(b)} = ?`
  const exists = stmt(ctx.sqlite, `SELECT 1 FROM ${toSnake(table)} WHERE ${where}`).get(aId, bId) !== undefined
  if (present === exists) return 'same'
  if (present) stmt(ctx.sqlite, `INSERT INTO ${toSnake(table)} (${toSnake(a)}, ${toSnake(b)}) VALUES (?, ?)`).run(aId, bId)
  else stmt(ctx.sqlite, `DELETE FROM ${toSnake(table)} WHERE ${where}`).run(aId, bId)
  return present ? 'added' : 'changed'
}

/**
 * The row a created record is inserted as: a nullable field without any op is null, whatever the
 * column's default — a creation sends no op for an empty field (db/sync/capture.ts). A NOT NULL
 * field without one (written by a laptop whose schema lacked the column) takes its default.
 */
export function createdRow(table: ReplicatedTable, columns: Map<string, ColumnInfo>, target: Record<string, unknown>, rowId: string): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const [field, column] of columns) if (!column.notNull) values[field] = null
  return Object.assign(values, target, derivedColumns(table, target), { id: rowId })
}

function materializeRecord(ctx: Ctx, rows: RowCache, table: ReplicatedTable, rowId: string, merges: PendingMerge[]): Outcome {
  const { sqlite } = ctx
  const winners = rows.winnersOf(table, rowId)
  const snake = toSnake(table)
  const current = rows.currentOf(table, rowId)
  if (winners.has(PURGED_FIELD)) return purge(ctx, table, rowId, current)
  const columns = replicatedColumns(sqlite, table)
  const target: Record<string, unknown> = {}
  for (const [field, winner] of winners) if (columns.has(field)) target[field] = winner.value

  if (!current) {
    // Ops of a row whose creation has not arrived yet wait in the log; a later batch completes it.
    for (const [field, column] of columns) if (column.notNull && !column.hasDefault && target[field] == null) return 'pending'
    const duplicate = target.deletedAt == null ? liveDuplicateOf(ctx, table, rowId, false, target) : null
    if (duplicate) {
      merges.push(duplicate)
      rows.invalidate()
      if (duplicate.loserId === rowId) target.deletedAt = loserStamp(ctx, table, rowId, duplicate.survivorId)
      else retireExisting(ctx, table, duplicate.loserId, duplicate.survivorId)
    }
    const values = createdRow(table, columns, target, rowId)
    const names = Object.keys(values)
    stmt(sqlite, `INSERT INTO ${snake} (${names.map(toSnake).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      .run(...names.map((name) => values[name] as never))
    journal(ctx, table, rowId, 'create', Object.fromEntries(names.map((n) => [n, [null, values[n]]])), latestAuthor(winners))
    return 'added'
  }

  const diff: Record<string, [unknown, unknown]> = {}
  for (const [field, value] of Object.entries(target)) {
    const before = current[toSnake(field)]
    if (before !== value) diff[field] = [before ?? null, value]
  }
  if (Object.keys(diff).length === 0) return 'same'
  const becomesLive = target.deletedAt == null && ('deletedAt' in diff || Object.keys(diff).some((f) => f !== 'deletedAt'))
  if (becomesLive) {
    const duplicate = liveDuplicateOf(ctx, table, rowId, false, { ...camel(current), ...target })
    if (duplicate) {
      merges.push(duplicate)
      rows.invalidate()
      if (duplicate.loserId === rowId) {
        target.deletedAt = loserStamp(ctx, table, rowId, duplicate.survivorId)
        diff.deletedAt = [current.deleted_at ?? null, target.deletedAt]
      } else retireExisting(ctx, table, duplicate.loserId, duplicate.survivorId)
    }
  }
  const set = { ...Object.fromEntries(Object.keys(diff).map((f) => [f, target[f]])), ...('name' in diff ? derivedColumns(table, target) : {}) }
  const names = Object.keys(set)
  stmt(sqlite, `UPDATE ${snake} SET ${names.map((n) => `${toSnake(n)} = ?`).join(', ')} WHERE id = ?`).run(...names.map((n) => set[n] as never), rowId)
  const action = 'deletedAt' in diff ? (target.deletedAt == null ? 'restore' : 'delete') : 'update'
  journal(ctx, table, rowId, action, diff, latestAuthor(winners))
  return 'changed'
}

/** A row emptied from another laptop's recycle bin; kept (deleted) while rows here still refer to it. */
function purge(ctx: Ctx, table: ReplicatedTable, rowId: string, current: Record<string, unknown> | undefined): Outcome {
  if (!current) return 'same'
  try {
    stmt(ctx.sqlite, 'SAVEPOINT sync_purge').run()
    ctx.sqlite.pragma('defer_foreign_keys = OFF')
    stmt(ctx.sqlite, `DELETE FROM ${toSnake(table)} WHERE id = ?`).run(rowId)
    stmt(ctx.sqlite, 'RELEASE sync_purge').run()
  } catch {
    stmt(ctx.sqlite, 'ROLLBACK TO sync_purge').run()
    stmt(ctx.sqlite, 'RELEASE sync_purge').run()
    return 'same'
  } finally {
    ctx.sqlite.pragma('defer_foreign_keys = ON')
  }
  journal(ctx, table, rowId, 'purge', {}, null)
  return 'changed'
}

function latestAuthor(winners: Map<string, Winner>): string | null {
  let latest: Winner | null = null
  for (const winner of winners.values()) if (!latest || winner.hlc > latest.hlc) latest = winner
  return latest?.userId ?? null
}

function camel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]))
}

