// A database file can carry code: triggers and views run inside SQLite on the app's behalf. Open,
// restore and check refuse any schema that is not exactly what the app's migrations build.
import Sqlite from 'better-sqlite3'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openBackend } from '../backend'
import { openDatabase } from '../open'
import { MIGRATIONS } from '../migrations'
import { testBackend } from '../../tests/support/backend'
import { appliedMigrations, buildExpected, expectedSchema, foreignSchema, keptSchemaOf, readSchema } from './schema-guard'

const root = mkdtempSync(join(tmpdir(), 'crm-schema-guard-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let counter = 0
const freshFile = (name = 'crm.sqlite') => {
  const dir = join(root, `case-${++counter}`)
  mkdirSync(dir, { recursive: true })
  return join(dir, name)
}

/** What another program could add to or change in a copy of the database. */
const TAMPERING: Record<string, { sql: string; says: string }> = {
  // The trigger from the attack run: one ordinary negotiation rewrites every project's total.
  'a trigger rewriting totals': {
    sql: `CREATE TRIGGER evil_total AFTER INSERT ON negotiation BEGIN UPDATE project SET total_investment_yuan = 1; END`,
    says: '多出触发器 evil_total',
  },
  'a trigger deleting contacts': {
    sql: `CREATE TRIGGER evil_contacts AFTER UPDATE ON investor BEGIN DELETE FROM contact; END`,
    says: '多出触发器 evil_contacts',
  },
  'a view': { sql: `CREATE VIEW evil_view AS SELECT id, name FROM investor`, says: '多出视图 evil_view' },
  'a changed index': {
    sql: `DROP INDEX project_owner; CREATE INDEX project_owner ON project (owner_id)`,
    says: '索引 project_owner的定义被改动',
  },
  'an added column': { sql: `ALTER TABLE project ADD COLUMN evil TEXT DEFAULT 'x'`, says: '表 project的定义被改动' },
  'a changed trigger': {
    sql: `DROP TRIGGER project_search_ad; CREATE TRIGGER project_search_ad AFTER DELETE ON project BEGIN DELETE FROM search_doc; END`,
    says: '触发器 project_search_ad的定义被改动',
  },
}

/** A database the app made, then changed by "another program", closed as a standalone file. */
async function tamperedFile(sql: string, file = freshFile()): Promise<string> {
  const made = await openDatabase({ file })
  await made.close()
  const other = new Sqlite(file)
  other.exec(sql)
  other.pragma('journal_mode = DELETE')
  other.close()
  return file
}

describe('the expected schema', () => {
  it('is built from the migrations themselves and matches a freshly migrated database', async () => {
    const { sqlite, close } = await openDatabase({ file: ':memory:' })
    expect(appliedMigrations(sqlite)).toEqual(Object.keys(MIGRATIONS))
    expect(await foreignSchema(sqlite)).toEqual([])
    expect(sqlite.pragma('trusted_schema', { simple: true })).toBe(0)
    // Cached: asking again gives the same object.
    expect(await expectedSchema(appliedMigrations(sqlite))).toBe(await expectedSchema(appliedMigrations(sqlite)))
    expect([...readSchema(sqlite).keys()]).toContain('trigger project_search_ad')
    await close()
  })

  // The latest set is read from expected-schema.json instead of running every migration at each
  // open; this test keeps that file true (UPDATE_SNAPSHOT=1 rewrites it after a new migration).
  it('is kept for the latest migrations exactly as they build it', async () => {
    const all = Object.keys(MIGRATIONS)
    const built = keptSchemaOf(all, await buildExpected(all))
    const file = join(__dirname, 'expected-schema.json')
    if (process.env.UPDATE_SNAPSHOT) writeFileSync(file, JSON.stringify(built, null, 2) + '\n')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(built)
    expect([...(await expectedSchema(all)).values()]).toEqual(built.objects)
  })

  it('follows the migrations a file has: an older database passes before it is upgraded', async () => {
    const first = Object.keys(MIGRATIONS)[0]!
    const expected = await expectedSchema([first])
    expect(expected.size).toBeGreaterThan(0)
    expect(expected.size).toBeLessThan((await expectedSchema(Object.keys(MIGRATIONS))).size)
  })
})

describe.each(Object.entries(TAMPERING))('%s', (_, { sql, says }) => {
  it('is refused on open, with the file left byte for byte unchanged', async () => {
    const file = await tamperedFile(sql)
    const before = readFileSync(file)
    const error = await openBackend({ file, autoBackup: false }).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'db_unavailable', message: expect.stringContaining('结构与本应用不符') })
    expect((error as Error).message).toContain(says)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('is refused as a backup to restore, leaving the backup and the database as they were', async () => {
    const file = freshFile()
    const api = await testBackend({ file })
    const backup = await tamperedFile(sql, freshFile('tampered.sqlite'))
    const before = readFileSync(backup)
    const error = await api.fail('backup-restore', { file: backup })
    expect(error.code).toBe('validation')
    expect(error.message).toContain('备份文件的结构与本应用不符')
    expect(error.message).toContain(says)
    expect(readFileSync(backup).equals(before)).toBe(true)
    // Nothing was swapped in: the live database is still the app's own.
    expect(await foreignSchema(api.env.ctx.sqlite)).toEqual([])
    expect((await api.call('backup-list', {})).backups.filter((b) => b.reason === 'pre-restore')).toEqual([])
    await api.close()
  })

  it('is reported by check (quick and full) when another program changes the open database', async () => {
    const file = freshFile()
    const api = await testBackend({ file })
    expect((await api.call('storage-check', { full: true })).ok).toBe(true)
    const other = new Sqlite(file)
    other.exec(sql)
    other.close()
    for (const full of [false, true]) {
      const result = await api.call('storage-check', { full })
      expect(result.ok).toBe(false)
      expect(result.problems.join('\n')).toContain(says)
    }
    await api.close()
  })
})

describe('the attack from the issue', () => {
  it('cannot run: a restored trigger never gets to rewrite the totals', async () => {
    const backup = await tamperedFile(TAMPERING['a trigger rewriting totals']!.sql, freshFile('evil.sqlite'))
    const file = freshFile()
    const api = await testBackend({ file })
    await api.fail('backup-restore', { file: backup })
    const triggers = api.env.ctx.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'evil%'`).all()
    expect(triggers).toEqual([])
    await api.close()
  })
})
