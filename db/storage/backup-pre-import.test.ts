// The copy taken before an import is checked with quick_check, not the full integrity_check (which
// took 15–24 minutes in front of a city-size import): shown with a database whose damage only the
// full check finds, an index missing a row. The import goes ahead on its quick-checked copy, and
// restore, which runs the full check, still refuses that copy.
import Sqlite from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { testBackend } from '../../tests/support/backend'
import { backupBeforeImport, preImportBackupOf } from '../ledger-import/apply'
import { corpusXlsx } from '../ledger-import/fixtures'

const root = mkdtempSync(join(tmpdir(), 'crm-pre-import-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Changes a change journal row behind the back of its index change_at (the index is hidden from
 * SQLite for the update, then put back as it was): the index still has as many entries as the
 * table, so quick_check passes; integrity_check finds the row missing from the index. */
function indexMissingARow(file: string): void {
  // unsafe mode: better-sqlite3's defensive default refuses writes to sqlite_master
  const hide = new Sqlite(file).unsafeMode(true)
  const index = hide.prepare(`SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master WHERE name = 'change_at'`).get()
  hide.pragma('writable_schema = ON')
  hide.prepare(`DELETE FROM sqlite_master WHERE name = 'change_at'`).run()
  hide.close()
  const write = new Sqlite(file).unsafeMode(true)
  write.prepare(`UPDATE change SET at = '2020-01-01T00:00:00.000Z' WHERE seq = (SELECT min(seq) FROM change)`).run()
  write.pragma('writable_schema = ON')
  write.prepare(`INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES (@type, @name, @tbl_name, @rootpage, @sql)`).run(index)
  write.close()
}

it('an import backs up with quick_check only; restore still runs the full check and refuses that copy', async () => {
  const dir = join(root, 'db')
  mkdirSync(dir)
  const file = join(dir, 'crm.sqlite')
  const seed = await testBackend({ file })
  await seed.call('district-create', { name: '槐荫区', code: '370104' })
  await seed.close()
  indexMissingARow(file)
  const probe = new Sqlite(file, { readonly: true })
  expect(probe.pragma('quick_check', { simple: true })).toBe('ok')
  expect(String(probe.pragma('integrity_check', { simple: true }))).toContain('missing from index change_at')
  probe.close()

  const api = await testBackend({ file })
  // The old full check refused this copy ("备份失败"), and with it the import.
  const result = await api.call('ledger-import', { fileName: '台账.xlsx', dataBase64: (await corpusXlsx()).toString('base64'), skipErrors: true, createPeople: true })
  expect(result.batchId).not.toBeNull()
  const backups = readdirSync(join(dir, 'backups')).filter((n) => n.includes('pre-import'))
  expect(backups).toHaveLength(1)
  const refused = await api.fail('backup-restore', { file: backups[0]! })
  expect(refused.message).toContain('未通过完整性检查')
  expect(refused.message).toContain('change_at')
  await api.close()
})

it('copies the database before an import only while it is small: a larger one goes by the import\'s own undo, and the preview says which', async () => {
  const dir = join(root, 'sizes')
  mkdirSync(dir)
  const api = await testBackend({ file: join(dir, 'crm.sqlite') })
  const ledger = { fileName: '台账.xlsx', dataBase64: (await corpusXlsx()).toString('base64'), skipErrors: true, createPeople: true }
  const preview = await api.call('ledger-import-preview', ledger)
  const bytes = preview.preImportBackup.databaseBytes
  expect(preview.preImportBackup).toEqual({ taken: true, tooLarge: false, databaseBytes: bytes })
  expect(bytes).toBeGreaterThan(0)

  // The same database, with the limit just below its size.
  expect(preImportBackupOf(api.env.ctx, bytes - 1)).toEqual({ taken: false, tooLarge: true, databaseBytes: bytes })
  const preImport = () => (existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')).filter((n) => n.includes('pre-import')) : [])
  await backupBeforeImport(api.env.ctx, preImportBackupOf(api.env.ctx, bytes - 1))
  expect(preImport()).toEqual([])
  await backupBeforeImport(api.env.ctx, preImportBackupOf(api.env.ctx, bytes))
  expect(preImport()).toHaveLength(1)
  await api.close()
})
