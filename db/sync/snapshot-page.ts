// A page of a snapshot (per record, each field's winning op as [hlc, userId, value]) made ready for
// the bulk write of a first pull (bootstrap.ts): checked like any received operations, then each
// record turned into the positional row its table's INSERT takes. Needs no database, only the
// table's shape, so a hub's pages are checked and shaped in a worker thread (page-check-worker.ts)
// while this thread writes the page before; a package's pages run it in place.
import type Sqlite from 'better-sqlite3'
import type { ClockSet } from './clock-set'
import { derivedColumns } from './derived'
import { DELETED_FIELD, PURGED_FIELD } from './operation'
import type { RowSnapshot } from './snapshot'
import { type ColumnInfo, DERIVED_FIELDS, LINK_KEYS, type ReplicatedTable, replicatedColumns } from './tables'
import { validateSnapshotPage } from './validate'

/** How a table's snapshots become rows: the travelling fields, then the derived columns, then the id. */
export interface RecordShape {
  table: ReplicatedTable
  /** The travelling columns (replicatedColumns), for the checks. */
  columns: Map<string, ColumnInfo>
  fields: string[]
  /** NOT NULL without a default: a record lacking one is not written yet. */
  required: number[]
  /** NOT NULL with a default: left out of the INSERT when the record lacks it. */
  defaulted: number[]
  derived: string[]
  /** A link table's two keys (its row is those two ids), or null. */
  link: readonly [string, string] | null
}

export function recordShapeOf(sqlite: Sqlite.Database, table: ReplicatedTable): RecordShape {
  const columns = replicatedColumns(sqlite, table)
  const fields = [...columns.keys()]
  return {
    table,
    columns,
    fields,
    required: fields.flatMap((field, at) => (columns.get(field)!.notNull && !columns.get(field)!.hasDefault ? [at] : [])),
    defaulted: fields.flatMap((field, at) => (columns.get(field)!.notNull && columns.get(field)!.hasDefault ? [at] : [])),
    derived: [...(DERIVED_FIELDS[table] ?? [])],
    link: LINK_KEYS[table] ?? null,
  }
}

/** A page checked and shaped. */
export interface CheckedPage {
  /** Ops on the page. */
  count: number
  /** Ops per author ('' for none). */
  authors: Record<string, number>
  /**
   * Per record, its row (a record: createdRow's values in the shape's order, a nullable field
   * without an op null, then the derived columns and the id; a link: its two ids), or null when it
   * is not written now: emptied from the recycle bin (the snapshot keeps the purge), a record whose
   * creation has not reached the hub yet (it waits, as in the ordinary path), an absent link.
   */
  rows: Array<unknown[] | null>
}

/** Checks a page whole (one bad op refuses it, with the reason) and shapes its rows. */
export function checkPage(shape: RecordShape, records: Array<[string, RowSnapshot]>, nowMs: number, clocks: ClockSet): CheckedPage {
  const authors: Record<string, number> = {}
  const count = validateSnapshotPage(shape.columns, shape.table, records, nowMs, clocks, (userId, ops) => {
    authors[userId ?? ''] = (authors[userId ?? ''] ?? 0) + ops
  })
  return { count, authors, rows: records.map(([rowId, snapshot]) => rowOf(shape, rowId, snapshot)) }
}

function rowOf(shape: RecordShape, rowId: string, snapshot: RowSnapshot): unknown[] | null {
  if (shape.link) return snapshot[DELETED_FIELD]?.[2] === 0 ? rowId.split(':') : null
  if (snapshot[PURGED_FIELD]) return null
  const { fields, derived } = shape
  const values: unknown[] = new Array<unknown>(fields.length + derived.length + 1).fill(null)
  for (let at = 0; at < fields.length; at++) {
    const op = snapshot[fields[at]!]
    if (op) values[at] = op[2]
  }
  if (shape.required.some((at) => values[at] == null)) return null
  if (derived.length > 0) {
    const nameAt = fields.indexOf('name')
    const made = derivedColumns(shape.table, { name: nameAt < 0 ? undefined : values[nameAt] })
    derived.forEach((name, i) => (values[fields.length + i] = made[name] ?? null))
  }
  values[values.length - 1] = rowId
  return values
}
