import Sqlite from 'better-sqlite3'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from './open'
import { MIGRATIONS } from './migrations'

const SNAPSHOT = join(__dirname, 'schema.snapshot.json')
const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'crm-migrate-')), name)

/** Tables, columns and indexes as SQLite reports them: what the migrations really built. */
function describeSchema(sqlite: Sqlite.Database) {
  const objects = sqlite
    .prepare(`SELECT type, name, tbl_name AS tableName FROM sqlite_master
              WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts_%' ORDER BY type, name`)
    .all() as { type: string; name: string; tableName: string }[]
  const schema: Record<string, unknown> = {}
  for (const object of objects) {
    if (object.type === 'table') {
      const columns = sqlite.prepare(`SELECT name, type, "notnull", dflt_value AS dflt, pk FROM pragma_table_info(?)`).all(object.name)
      schema[`table ${object.name}`] = columns.map((c: any) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.pk ? ' PK' : ''}${c.dflt !== null ? ` = ${c.dflt}` : ''}`)
    } else if (object.type === 'index') {
      const columns = sqlite.prepare(`SELECT name FROM pragma_index_info(?)`).all(object.name) as { name: string | null }[]
      schema[`index ${object.name}`] = `${object.tableName}(${columns.map((c) => c.name ?? '<expr>').join(', ')})`
    } else {
      schema[`${object.type} ${object.name}`] = object.tableName
    }
  }
  return schema
}

describe('migrations', () => {
  it('build the committed schema from an empty database', async () => {
    const { sqlite, close } = await openDatabase({ file: ':memory:' })
    const schema = describeSchema(sqlite)
    const applied = sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all().map((r: any) => r.name)
    expect(applied).toEqual(Object.keys(MIGRATIONS))
    await close()
    if (process.env.UPDATE_SNAPSHOT || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, JSON.stringify(schema, null, 2) + '\n')
    expect(schema).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')))
  })

  it('are ordered and named NNNN-name', () => {
    const names = Object.keys(MIGRATIONS)
    expect(names).toEqual([...names].sort())
    for (const name of names) expect(name).toMatch(/^\d{4}-[a-z0-9-]+$/)
  })

  it('open an existing database again without re-running anything, and call beforeMigrate only when a step is pending', async () => {
    const file = tempFile('crm.sqlite')
    const first = await openDatabase({ file })
    first.sqlite.prepare(`INSERT INTO setting (key, value, updated_at) VALUES ('x', '1', 'now')`).run()
    await first.close()
    let called = 0
    const again = await openDatabase({ file, beforeMigrate: () => called++ })
    expect(again.sqlite.prepare(`SELECT value FROM setting WHERE key = 'x'`).get()).toEqual({ value: '1' })
    expect(called).toBe(0)
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2) // FULL
    await again.close()
  })

  it('refuse a database from a newer app version and leave the file byte for byte unchanged', async () => {
    const file = tempFile('newer.sqlite')
    const made = await openDatabase({ file })
    made.sqlite.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-from-the-future', 'x')`).run()
    made.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await made.close()
    const before = readFileSync(file)
    await expect(openDatabase({ file })).rejects.toMatchObject({ code: 'db_unavailable', message: expect.stringContaining('更新版本') })
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuse files that are not SQLite, or are truncated, without changing them', async () => {
    const text = tempFile('notes.sqlite')
    writeFileSync(text, '这不是数据库 just some text that is long enough to have a header')
    const before = readFileSync(text)
    await expect(openDatabase({ file: text })).rejects.toMatchObject({ code: 'db_unavailable', message: expect.stringContaining('不是 SQLite') })
    expect(readFileSync(text).equals(before)).toBe(true)

    const good = tempFile('good.sqlite')
    const made = await openDatabase({ file: good })
    made.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await made.close()
    const truncated = tempFile('truncated.sqlite')
    copyFileSync(good, truncated)
    const bytes = readFileSync(truncated)
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 3)))
    const cut = readFileSync(truncated)
    await expect(openDatabase({ file: truncated })).rejects.toMatchObject({ code: 'db_unavailable' })
    expect(readFileSync(truncated).equals(cut)).toBe(true)
  })
})
