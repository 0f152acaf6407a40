// Migration 0006 adds 签约各方 and leaves every existing agreement's note exactly as it was: the
// parties typed into 备注 before stay there (no guessing which part of a note names the parties).
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { expect, it } from 'vitest'
import * as m0001 from './0001-foundation'
import * as m0002 from './0002-domain'
import * as m0003 from './0003-import-batch'
import * as m0004 from './0004-sync'
import * as m0005 from './0005-client-request'
import * as m0006 from './0006-agreement-parties'

it('adds an empty parties column and carries old notes untouched', async () => {
  const sqlite = new Sqlite(':memory:')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  // The database as 0005 left it (imported one by one: a migration's test is frozen with it).
  for (const step of [m0001, m0002, m0003, m0004, m0005]) await step.up(db)
  sqlite.pragma('foreign_keys = OFF')
  const note = '甲方：长清区人民政府；乙方：齐鲁制药有限公司\n土地指标另议'
  sqlite
    .prepare(`INSERT INTO agreement (id, created_at, updated_at, project_id, type, signed_on, note)
              VALUES ('A1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'P1', 'investment', '2026-01-01', ?)`)
    .run(note)
  await m0006.up(db)
  expect(sqlite.prepare(`SELECT note, parties FROM agreement WHERE id = 'A1'`).get()).toEqual({ note, parties: null })
  await db.destroy()
})
