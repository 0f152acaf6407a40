import Sqlite from 'better-sqlite3'
import { mkdtempSync, openSync, rmSync, statSync, writeSync, closeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openBackend } from '../backend'
import { testBackend } from '../../tests/support/backend'
import { RESTORE_HINT, checkSqlite } from './integrity'

const dir = mkdtempSync(join(tmpdir(), 'crm-integrity-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('storage-check', () => {
  it('passes on a healthy database, quick and full', async () => {
    const api = await testBackend()
    expect(await api.call('storage-check', {})).toMatchObject({ ok: true, mode: 'quick', problems: [] })
    expect(await api.call('storage-check', { full: true })).toMatchObject({ ok: true, mode: 'full', problems: [] })
    await api.close()
  })

  it('reports broken references in Chinese', async () => {
    const api = await testBackend()
    const { sqlite } = api.env.ctx
    sqlite.pragma('foreign_keys = OFF')
    sqlite.prepare(`INSERT INTO park (id, district_id, name, created_at, updated_at) VALUES ('P1', 'NOPE', '孤儿园区', 'x', 'x')`).run()
    const result = checkSqlite(sqlite)
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual(['引用检查：表 park 的第 1 行引用了表 district 中不存在的记录', RESTORE_HINT])
    await api.close()
  })

  it('a damaged file is refused at start with directions to restore', async () => {
    const file = join(dir, 'damaged.sqlite')
    const backend = await openBackend({ file, autoBackup: false })
    const api = backend.ctx
    api.sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) api.sqlite.prepare(`INSERT INTO setting (key, value, updated_at) VALUES (?, '"x"', 'x')`).run(`k${i}`)
    })()
    api.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    await backend.close()
    // Scribble over the middle pages (b-tree pages of the setting table and its index).
    const size = statSync(file).size
    const fd = openSync(file, 'r+')
    for (let at = 4096 * 3; at < size - 4096; at += 4096 * 2) writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, at)
    closeSync(fd)
    const error = await openBackend({ file, autoBackup: false }).catch((e: Error) => e)
    expect(error).toMatchObject({ code: 'db_unavailable' })
    expect((error as Error).message).toContain('损坏')
    expect((error as Error).message).toContain(RESTORE_HINT)
    const probe = new Sqlite(file, { readonly: true })
    expect(checkSqlite(probe, true).ok).toBe(false)
    probe.close()
  })
})

describe('restore of a database that will not open', () => {
  it('moves the replaced file aside (called replaced, not damaged) and puts the backup in place', async () => {
    const { restoreUnopenedDatabase } = await import('./restore')
    const file = join(dir, 'broken.sqlite')
    const good = await openBackend({ file, autoBackup: false })
    await good.ctx.db.insertInto('setting').values({ key: 'k', value: '"kept"', updatedAt: 'x' }).execute()
    const backup = join(dir, 'good-copy.sqlite')
    await good.ctx.sqlite.backup(backup)
    await good.close()
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096)
    closeSync(fd)
    const { replaced } = await restoreUnopenedDatabase(file, backup)
    expect(replaced).toMatch(/backups[\\/]replaced-\d{8}-\d{6}-manual\.sqlite$/)
    const reopened = await openBackend({ file, autoBackup: false })
    expect(reopened.ctx.sqlite.prepare(`SELECT value FROM setting WHERE key = 'k'`).get()).toEqual({ value: '"kept"' })
    await reopened.close()
  })
})
