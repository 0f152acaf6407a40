// Applying received operations: log them (known ones are skipped), then rebuild each touched row
// from the log — per field, the op with the greatest hlc wins — so a row's state is a function
// of the set of ops a replica holds, whatever order they came in. Then duplicates made on two
// laptops are merged (db/sync/merge.ts). All in one transaction.
import type Sqlite from 'better-sqlite3'
import { type Ctx, inTransaction } from '../context'
import { normalizeInvestorName } from '../domain/investor-name'
import { searchKeys } from '../domain/pinyin'
import { STAMP_FIELDS, journal } from './journal'
import { clockOf, ensureReplica } from './identity'
import { insertOperation } from './log'
import { type PendingMerge, liveDuplicateOf, loserStamp, mergeDuplicates, retireExisting } from './merge'
import { type ApplySource, type ApplySummary, DELETED_FIELD, type Operation, PURGED_FIELD } from './operation'
import { recordReview } from './review'
import { LINK_KEYS, REPLICATED_TABLES, type ReplicatedTable, replicatedColumns, toSnake } from './tables'
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
  const touched = new Map<ReplicatedTable, Set<string>>()
  const batchHlcs = new Set<string>()
  const label = `${source.kind}:${source.label}`.slice(0, 200)
  const known = stmt(sqlite, 'SELECT hlc, replica_id AS replicaId, user_id AS userId, tbl, row_id AS rowId, field, value FROM sync_operation WHERE hlc = ?')
  const previous = stmt(sqlite, 
    'SELECT hlc, replica_id AS replicaId, user_id AS userId, value, source FROM sync_operation WHERE tbl = ? AND row_id = ? AND field = ? ORDER BY hlc DESC LIMIT 1',
  )

  for (const op of ops) {
    const existing = known.get(op.hlc) as (Omit<Operation, 'table'> & { tbl: string }) | undefined
    if (existing) {
      const same = existing.tbl === op.table && existing.rowId === op.rowId && existing.field === op.field && existing.value === op.value && existing.userId === op.userId
      if (!same) throw refused(`操作 ${op.hlc} 与本机已有的同一操作内容不同（可能是伪造的）`)
      summary.skipped += 1
      continue
    }
    // This replica's own op that it no longer holds (the file was restored from a backup): a colleague kept it, so it comes back.
    const prev = previous.get(op.table, op.rowId, op.field) as LoggedOp | undefined
    if (prev && isConcurrentEdit(prev, op, source, batchHlcs, localReplica)) {
      const [winner, loser] = prev.hlc > op.hlc ? [prev, op] : [op, prev]
      if (recordReview(ctx, op.table, op.rowId, op.field, winner, loser)) summary.toReview += 1
    }
    insertOperation(sqlite, op, label)
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
  for (const table of REPLICATED_TABLES) {
    for (const rowId of touched.get(table) ?? []) {
      let outcome: Outcome
      try {
        outcome = LINK_KEYS[table] ? materializeLink(ctx, table, rowId) : materializeRecord(ctx, table, rowId, merges)
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

  const broken = sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  if (broken.length > 0) {
    const first = broken[0]!
    throw refused(`有记录引用了本机不存在的${first.parent}（${first.table}），请先导入更早的同步包`, { broken: broken.slice(0, 5) })
  }
  return summary
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

function winnersOf(sqlite: Sqlite.Database, table: ReplicatedTable, rowId: string): Map<string, Winner> {
  const rows = stmt(sqlite, 'SELECT field, value, max(hlc) AS hlc, user_id AS userId FROM sync_operation WHERE tbl = ? AND row_id = ? GROUP BY field')
    .all(table, rowId) as Winner[]
  return new Map(rows.map((row) => [row.field, row]))
}

type Outcome = 'added' | 'changed' | 'same' | 'pending'

function materializeLink(ctx: Ctx, table: ReplicatedTable, rowId: string): Outcome {
  const [a, b] = LINK_KEYS[table]!
  const [aId, bId] = rowId.split(':')
  const present = winnersOf(ctx.sqlite, table, rowId).get(DELETED_FIELD)?.value === 0
  const where = `${toSnake(a)} = ? AND ${toSnake(b)} = ?`
  const exists = stmt(ctx.sqlite, `SELECT 1 FROM ${toSnake(table)} WHERE ${where}`).get(aId, bId) !== undefined
  if (present === exists) return 'same'
  if (present) stmt(ctx.sqlite, `INSERT INTO ${toSnake(table)} (${toSnake(a)}, ${toSnake(b)}) VALUES (?, ?)`).run(aId, bId)
  else stmt(ctx.sqlite, `DELETE FROM ${toSnake(table)} WHERE ${where}`).run(aId, bId)
  return present ? 'added' : 'changed'
}

/** Columns computed locally from the travelling ones. */
function derivedColumns(table: ReplicatedTable, values: Record<string, unknown>): Record<string, unknown> {
  if (typeof values.name !== 'string') return {}
  const keys = searchKeys(values.name)
  if (table === 'investor') return { nameNorm: normalizeInvestorName(values.name), searchKeys: `${keys.full} ${keys.initials}` }
  if (table === 'project') return { searchKeys: `${keys.full} ${keys.initials}` }
  return {}
}

function materializeRecord(ctx: Ctx, table: ReplicatedTable, rowId: string, merges: PendingMerge[]): Outcome {
  const { sqlite } = ctx
  const winners = winnersOf(sqlite, table, rowId)
  const snake = toSnake(table)
  const current = stmt(sqlite, `SELECT * FROM ${snake} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined
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
      if (duplicate.loserId === rowId) target.deletedAt = loserStamp(ctx, table, rowId, duplicate.survivorId)
      else retireExisting(ctx, table, duplicate.loserId, duplicate.survivorId)
    }
    const values: Record<string, unknown> = { ...target, ...derivedColumns(table, target), id: rowId }
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

