// README's claim, checked: db/schema.ts (through its typed runtime list, schema-columns.ts) names
// exactly the tables and columns the migrations build, with the same nullability.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../tests/support/backend'
import { SCHEMA_COLUMNS } from './schema-columns'

/** Tables the app reaches only by SQL text, never through kysely's types, and why. */
const UNTYPED_TABLES: Record<string, string> = {
  kysely_migration: "kysely's own migration record",
  kysely_migration_lock: "kysely's own migration lock",
  sqlite_sequence: 'SQLite bookkeeping for AUTOINCREMENT',
  search_fts: 'FTS5 index over search_doc, queried with MATCH in SQL text',
}
const isUntyped = (table: string) => table in UNTYPED_TABLES || table.startsWith('search_fts_')

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())

let api: TestBackend
beforeAll(async () => {
  api = await testBackend()
})
afterAll(() => api.close())

function migrated(): Map<string, Record<string, 'null' | 'not null'>> {
  const { sqlite } = api.env.ctx
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  const found = new Map<string, Record<string, 'null' | 'not null'>>()
  for (const { name } of tables) {
    if (isUntyped(name)) continue
    const columns = sqlite.prepare('SELECT name, "notnull" AS required, pk FROM pragma_table_info(?)').all(name) as { name: string; required: number; pk: number }[]
    // An INTEGER PRIMARY KEY is the rowid: never null, though pragma says notnull = 0.
    found.set(camel(name), Object.fromEntries(columns.map((c) => [camel(c.name), c.required || c.pk ? 'not null' : 'null'])))
  }
  return found
}

describe('db/schema.ts and the migrated database', () => {
  it('have the same tables', () => {
    expect([...migrated().keys()].sort()).toEqual(Object.keys(SCHEMA_COLUMNS).sort())
  })

  it('have the same columns with the same nullability, table by table', () => {
    const database = migrated()
    for (const [table, columns] of Object.entries(SCHEMA_COLUMNS)) {
      expect({ table, columns: database.get(table) }).toEqual({ table, columns })
    }
  })

  it('the untyped tables exist (a stale exemption would hide a new table)', () => {
    const { sqlite } = api.env.ctx
    for (const table of Object.keys(UNTYPED_TABLES)) {
      expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = ?").get(table), table).toBeDefined()
    }
  })
})
