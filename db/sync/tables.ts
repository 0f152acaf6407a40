// Which tables travel between laptops and what their columns are. Columns are read from the
// database itself (PRAGMA table_info), so a later migration that adds a column replicates it
// without a second list to keep in step.
import type Sqlite from 'better-sqlite3'

/** In parent-before-child order: rows are created in this order when a package brings both. */
export const REPLICATED_TABLES = [
  'user',
  'district',
  'park',
  'industry',
  'tag',
  'investor',
  'investorTag',
  'contact',
  'event',
  'eventInvestor',
  'project',
  'projectTag',
  'eventProject',
  'stageEvent',
  'negotiation',
  'agreement',
  'funds',
  'request',
  'target',
  'attachment',
] as const
export type ReplicatedTable = (typeof REPLICATED_TABLES)[number]

/** Link tables: membership is the pseudo-field '_deleted' (0 present, 1 removed) of the composite key. */
export const LINK_KEYS: Partial<Record<ReplicatedTable, readonly [string, string]>> = {
  investorTag: ['investorId', 'tagId'],
  projectTag: ['projectId', 'tagId'],
  eventInvestor: ['eventId', 'investorId'],
  eventProject: ['eventId', 'projectId'],
}

/** Columns computed from other columns on every laptop (normalised names, pinyin): never travel. */
export const DERIVED_FIELDS: Partial<Record<ReplicatedTable, readonly string[]>> = {
  investor: ['nameNorm', 'searchKeys'],
  project: ['searchKeys'],
}

export const isReplicated = (table: string): table is ReplicatedTable => (REPLICATED_TABLES as readonly string[]).includes(table)

export const toSnake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
export const toCamel = (name: string): string => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

export interface ColumnInfo {
  /** SQLite declared type of a STRICT table: TEXT, INTEGER, REAL, ANY. */
  type: string
  notNull: boolean
  hasDefault: boolean
}

const cache = new WeakMap<Sqlite.Database, Map<string, Map<string, ColumnInfo>>>()

/** The table's travelling columns (camelCase), without the id and derived columns. */
export function replicatedColumns(sqlite: Sqlite.Database, table: ReplicatedTable): Map<string, ColumnInfo> {
  let perDb = cache.get(sqlite)
  if (!perDb) cache.set(sqlite, (perDb = new Map()))
  let columns = perDb.get(table)
  if (!columns) {
    const derived = new Set(DERIVED_FIELDS[table] ?? [])
    const link = LINK_KEYS[table]
    columns = new Map()
    const rows = sqlite.prepare(`SELECT name, type, "notnull" AS "notNull", dflt_value AS dflt FROM pragma_table_info(?)`).all(toSnake(table)) as {
      name: string
      type: string
      notNull: number
      dflt: string | null
    }[]
    for (const row of rows) {
      const field = toCamel(row.name)
      if (field === 'id' || derived.has(field) || link?.includes(field)) continue
      columns.set(field, { type: row.type.toUpperCase(), notNull: row.notNull === 1, hasDefault: row.dflt !== null })
    }
    perDb.set(table, columns)
  }
  return columns
}

/** Link-table row id: the composite key in primary-key order joined by ':' (ULIDs hold no ':'). */
export const linkRowId = (table: ReplicatedTable, row: Record<string, unknown>): string =>
  LINK_KEYS[table]!.map((key) => String(row[key])).join(':')
