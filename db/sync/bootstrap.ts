// A new laptop's first pull (from the hub, or a package for anyone: bootstrapFromOperations) without
// replaying the team's history: the team's current state comes as a snapshot (per record, the
// winning op of each field — db/sync/snapshot.ts) and is written straight into the tables: one
// prepared INSERT per table and a positional row per record, in the caller's one transaction, with
// secondary indexes built once at the end, foreign keys checked once at the end, the search index
// and the report facts (migration 0007) rebuilt once instead of by their triggers row by row, no
// change-journal entries (the rows are the team's, not new local writes).
// The snapshot is kept beside the log, so later operations merge per field by (clock, replica)
// exactly as on a laptop that replayed every operation.
//
// Records that cannot be written directly — a duplicate of one this laptop holds (same park, same
// investor: merged as in any sync), or a record this laptop already has — take the ordinary path:
// their ops are applied like a received package (db/sync/apply.ts).
import type Sqlite from 'better-sqlite3'
import type { Ctx } from '../context'
import { REBUILD_REPORT_FACTS, REPORT_FACT_TRIGGERS } from '../services/reports/fact-sql'
import { searchDocsOf } from '../services/search-docs'
import { noteWritten } from '../written-tables'
import { applyValidated } from './apply'
import { ClockSet } from './clock-set'
import { clockOf, ensureReplica } from './identity'
import { type IndexAside, putIndexesBack, setIndexesAside } from './indexes-aside'
import { liveDuplicateOf, mergeDuplicates, type PendingMerge } from './merge'
import type { ApplySource, ApplySummary, Operation, Watermarks } from './operation'
import { type RowSnapshot, hasSnapshot, raiseSnapshotMarks, replicaOfHlc } from './snapshot'
import { type CheckedPage, type RecordShape, checkPage, recordShapeOf } from './snapshot-page'
import { stmt } from './statements'
import { REPLICATED_TABLES, type ReplicatedTable, isReplicated, toSnake } from './tables'
import { refused, validateOperations } from './validate'

/**
 * Whether this database holds nothing of the team yet, so a first pull may bootstrap: no snapshot,
 * no operation from another laptop, and no records besides people (the welcome page may already have
 * made the user; that row's ops are this laptop's own and simply stay in its log).
 */
export function canBootstrap(ctx: Ctx): boolean {
  const { sqlite } = ctx
  if (hasSnapshot(sqlite)) return false
  if (stmt(sqlite, 'SELECT 1 FROM sync_operation WHERE replica_id != ? LIMIT 1').get(ensureReplica(ctx))) return false
  return REPLICATED_TABLES.every((table) => table === 'user' || stmt(sqlite, `SELECT 1 FROM ${toSnake(table)} LIMIT 1`).get() === undefined)
}

/** Records per add(): a page, as from the hub. */
const RECORDS_PER_PAGE = 5000

/**
 * A whole log received at once (a package for anyone, on a laptop that holds nothing of the team)
 * written like a hub's first pull: per record each field's winning op, in bulk, instead of replaying
 * every op. Inside the caller's transaction; `ops` validated and in hlc order.
 */
export function bootstrapFromOperations(ctx: Ctx, ops: Operation[], source: ApplySource): ApplySummary {
  const records = new Map<string, Map<string, RowSnapshot>>()
  const marks: Watermarks = {}
  for (const op of ops) {
    let rows = records.get(op.table)
    if (!rows) records.set(op.table, (rows = new Map()))
    let snapshot = rows.get(op.rowId)
    if (!snapshot) rows.set(op.rowId, (snapshot = {}))
    // In hlc order: the last op of a field wins it.
    snapshot[op.field] = [op.hlc, op.userId, op.value]
    marks[op.replicaId] = op.hlc
  }
  const bootstrap = new Bootstrap(ctx, source)
  bootstrap.start()
  for (const table of REPLICATED_TABLES) {
    const rows = [...(records.get(table) ?? [])]
    for (let i = 0; i < rows.length; i += RECORDS_PER_PAGE) bootstrap.add(table, rows.slice(i, i + RECORDS_PER_PAGE))
  }
  const summary = bootstrap.finish()
  bootstrap.cover(marks)
  // Overwritten ops are history the snapshot accounts for: received, not applied.
  return { ...summary, received: ops.length, skipped: summary.skipped + ops.length - summary.received }
}

/**
 * One bootstrap, inside the caller's transaction: start(), add() pages of records table by table
 * (parents' tables first, as REPLICATED_TABLES), finish(), then cover() with the marks the snapshot covers.
 */
export class Bootstrap {
  private readonly summary: ApplySummary = { received: 0, applied: 0, skipped: 0, added: {}, changed: {}, byUser: {}, merged: 0, toReview: 0 }
  /** Ops of records that take the ordinary path at the end. */
  private readonly leftovers: Operation[] = []
  /** Triggers set aside while the rows arrive (search index, report facts), put back by finish(). */
  private setAside: { name: string; sql: string }[] = []
  /** The replicated tables' search_doc insert triggers (part of setAside), run over each whole table by finish(). */
  private searchInserts: { name: string; tbl: string; sql: string }[] = []
  /** Secondary indexes dropped while the rows arrive, built again by finish(). */
  private indexes: IndexAside[] = []
  /** Clocks later than a day after this are refused (validate.ts). */
  readonly nowMs: number
  /** Every clock seen so far: one op per clock in a whole snapshot. */
  private readonly clocks = new ClockSet()
  /** Per table, how its records become rows and are written (shapeOf). */
  private readonly shapes = new Map<ReplicatedTable, TableWrite>()

  constructor(
    private readonly ctx: Ctx,
    private readonly source: ApplySource,
  ) {
    this.nowMs = ctx.now().getTime()
  }

  start(): void {
    const { sqlite } = this.ctx
    // A replica made now would first record every row it holds as its own ops (identity.ts): make it before the rows arrive.
    ensureReplica(this.ctx)
    sqlite.pragma('defer_foreign_keys = ON')
    // The full-text index is rebuilt once at the end ('rebuild' reads search_doc in one pass), and so
    // are the report facts (every project's in one statement): kept row by row, either would cost
    // more than writing the records. The report facts' triggers are the one list the ledger import
    // sets aside too (REPORT_FACT_TRIGGERS), put back from there.
    const tables = new Set<string>(REPLICATED_TABLES.map(toSnake))
    // The search documents of the rows (search_doc) are made once at the end too, by each table's
    // insert trigger's own statement run over the whole table (searchDocsOf), not row by row.
    this.searchInserts = (stmt(sqlite, "SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger' AND name = tbl_name || '_search_ai'").all() as {
      name: string
      tbl: string
      sql: string
    }[]).filter((trigger) => tables.has(trigger.tbl))
    this.setAside = [
      ...(stmt(sqlite, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_doc'").all() as { name: string; sql: string }[]),
      ...this.searchInserts,
      ...Object.entries(REPORT_FACT_TRIGGERS).map(([name, sql]) => ({ name, sql })),
    ]
    for (const trigger of this.setAside) sqlite.exec(`DROP TRIGGER ${trigger.name}`)
    // Secondary indexes of the replicated tables are built once from the finished tables (a sort)
    // instead of row by row; unique ones stay, they find the duplicates that take the ordinary path.
    this.indexes = setIndexesAside(sqlite, tables)
  }

  /**
   * A page of one table's records: checked whole like any received operations, then written.
   * `texts` are the records' snapshots as the JSON they were parsed from, when there is one (a hub's
   * page): kept as they came instead of each being serialized again here.
   */
  add(table: string, records: Array<[string, RowSnapshot]>, texts?: string[]): void {
    const checked = checkPage(this.shapeOf(table).record, records, this.nowMs, this.clocks)
    const rowIds = records.map(([rowId]) => rowId)
    this.write(table, rowIds, texts ?? records.map(([, snapshot]) => JSON.stringify(snapshot)), checked, (i) => records[i]![1])
  }

  /**
   * A page checked and shaped elsewhere (a hub's pages, in a worker thread: page-checker.ts) against
   * recordShape(table), with the clocks of every page before: written as add() writes its own.
   */
  addChecked(table: string, rowIds: string[], texts: string[], checked: CheckedPage): void {
    this.write(table, rowIds, texts, checked, (i) => JSON.parse(texts[i]!) as RowSnapshot)
  }

  /** The shape a page of `table` is checked against (what a worker needs: no statement). */
  recordShape(table: string): RecordShape {
    return this.shapeOf(table).record
  }

  /**
   * Writes a checked page: each record's row through one prepared single-row INSERT (no object per
   * row, no multi-row statement to assemble), each record's snapshot kept as its text. A record that
   * a unique key refuses (a duplicate, or a record this laptop has) takes the ordinary path at the end
   * with its ops (`snapshotAt` parses the few that do).
   */
  private write(table: string, rowIds: string[], texts: string[], checked: CheckedPage, snapshotAt: (i: number) => RowSnapshot): void {
    const { sqlite } = this.ctx
    const shape = this.shapeOf(table)
    const { byUser } = this.summary
    for (const [userId, ops] of Object.entries(checked.authors)) byUser[userId] = (byUser[userId] ?? 0) + ops
    this.summary.received += checked.count
    let added = 0
    const leftover: number[] = []
    checked.rows.forEach((row, i) => {
      if (!row) return
      if (this.insertRow(shape, row)) added += 1
      else leftover.push(i)
    })
    const keep = stmt(sqlite, 'INSERT INTO sync_snapshot (tbl, row_id, ops) VALUES (?, ?, ?)')
    try {
      for (let i = 0; i < rowIds.length; i++) keep.run(table, rowIds[i], texts[i])
    } catch (error) {
      // A record id twice (a hub's queries and a log's snapshot give each once: forged).
      if (isConstraint(error)) throw refused(`${table} 的同一条记录出现了两次（可能是伪造的）`)
      throw error
    }
    // Records that take the ordinary path get their snapshot there.
    const drop = stmt(sqlite, 'DELETE FROM sync_snapshot WHERE tbl = ? AND row_id = ?')
    for (const i of leftover) drop.run(table, rowIds[i])
    const ops = this.operationsOf(table, leftover.map((i) => [rowIds[i]!, snapshotAt(i)]))
    this.leftovers.push(...ops)
    this.summary.applied += checked.count - ops.length
    if (added > 0) {
      this.summary.added[table] = (this.summary.added[table] ?? 0) + added
      noteWritten(sqlite, table)
    }
  }

  /** Leftovers, duplicates, the foreign-key check, the search index and the report facts. */
  finish(): ApplySummary {
    const { ctx } = this
    const { sqlite } = ctx
    const summary = this.summary
    // The ordinary path and the merges below look rows up by these.
    putIndexesBack(sqlite, this.indexes)
    if (this.leftovers.length > 0) {
      const ordinary = applyValidated(ctx, validateOperations(sqlite, this.leftovers, this.nowMs), this.source)
      summary.applied += ordinary.applied
      summary.skipped += ordinary.skipped
      summary.merged += ordinary.merged
      summary.toReview += ordinary.toReview
      for (const [name, count] of Object.entries(ordinary.added)) summary.added[name] = (summary.added[name] ?? 0) + count
      for (const [name, count] of Object.entries(ordinary.changed)) summary.changed[name] = (summary.changed[name] ?? 0) + count
    }
    // The same investor typed on two laptops under one normalised name: merged as a replay would.
    const twins = stmt(
      sqlite,
      `SELECT id FROM investor WHERE deleted_at IS NULL AND name_norm IN
         (SELECT name_norm FROM investor WHERE deleted_at IS NULL GROUP BY name_norm HAVING count(*) > 1) ORDER BY id`,
    ).pluck().all() as string[]
    const merges: PendingMerge[] = []
    for (const id of twins) {
      const duplicate = liveDuplicateOf(ctx, 'investor', id, true)
      if (duplicate) merges.push(duplicate)
    }
    summary.merged += mergeDuplicates(ctx, merges)

    const broken = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[]
    if (broken.length > 0) {
      const first = broken[0]!
      throw refused(`有记录引用了团队数据中不存在的${first.parent}（${first.table}），中心库的数据不完整`, { broken: broken.slice(0, 5) })
    }
    for (const trigger of this.searchInserts) sqlite.exec(searchDocsOf(trigger.tbl, trigger.sql))
    for (const trigger of this.setAside) sqlite.exec(trigger.sql)
    sqlite.exec("INSERT INTO search_fts (search_fts) VALUES ('rebuild')")
    for (const statement of REBUILD_REPORT_FACTS) sqlite.exec(statement)
    return summary
  }

  /** What the snapshot covers, per origin replica (after finish: the leftovers above are applied as new). */
  cover(marks: Watermarks): void {
    raiseSnapshotMarks(this.ctx.sqlite, marks)
    const newest = Object.values(marks).sort().at(-1)
    if (newest) clockOf(this.ctx).observe(newest)
  }

  private operationsOf(table: string, rows: Array<[string, RowSnapshot]>): Operation[] {
    const ops: Operation[] = []
    for (const [rowId, snapshot] of rows) {
      for (const [field, [hlc, userId, value]] of Object.entries(snapshot)) ops.push({ hlc, replicaId: replicaOfHlc(hlc), userId, table, rowId, field, value })
    }
    return ops
  }

  /**
   * One row; false when a unique key refuses it. A record lacking a NOT NULL field that has a default
   * leaves that column out, so the default applies, as createdRow's INSERT does.
   */
  private insertRow(shape: TableWrite, row: unknown[]): boolean {
    // A link's row is its two ids.
    const absent = shape.record.link ? [] : shape.record.defaulted.filter((at) => row[at] == null)
    if (absent.length === 0) return insertRow(shape.insert, row)
    const names = shape.names.filter((_, at) => !absent.includes(at))
    const insert = stmt(this.ctx.sqlite, `INSERT INTO ${toSnake(shape.record.table)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
    return insertRow(insert, row.filter((_, at) => !absent.includes(at)))
  }

  private shapeOf(table: string): TableWrite {
    if (!isReplicated(table)) throw refused(`未知的数据表（${String(table).slice(0, 40)}）`)
    let shape = this.shapes.get(table)
    if (!shape) {
      const record = recordShapeOf(this.ctx.sqlite, table)
      const names = (record.link ?? [...record.fields, ...record.derived, 'id']).map(toSnake)
      const insert = stmt(this.ctx.sqlite, `INSERT INTO ${toSnake(table)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
      this.shapes.set(table, (shape = { record, names, insert }))
    }
    return shape
  }
}

/** How a table's checked rows are written: its record shape, its columns' names in a row's order, its INSERT. */
interface TableWrite {
  record: RecordShape
  names: string[]
  insert: Sqlite.Statement
}

/** One row; false when a constraint (a unique key: a duplicate, or a record this laptop has) refuses it. */
function insertRow(insert: Sqlite.Statement, values: unknown[]): boolean {
  try {
    insert.run(values)
    return true
  } catch (error) {
    if (!isConstraint(error)) throw error
    return false
  }
}

const isConstraint = (error: unknown) => ((error as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')
