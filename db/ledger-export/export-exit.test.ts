// A process that exports the 台账 and ends leaves the database closed cleanly, so the next open
// skips quick_check (O(file): 15 s at the bench's 2.7 GB) — also when a read-only reader opened the
// file in between (the bench's plain baseline, `sqlite3 -readonly`, a viewer): SQLite leaves an
// empty -wal behind when a read-only connection on a WAL file closes, and that empty file used to
// count as commits left unwritten.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../tests/support/bundle'
import { openDatabase } from '../open'

/** Opens the file read-only in a process of its own, reads it and closes, as the bench's plain export does. */
function readOnlyReader(file: string): Promise<number | null> {
  const source = `
    const Sqlite = require('better-sqlite3')
    const db = new Sqlite(process.argv[1], { readonly: true, fileMustExist: true })
    db.prepare('SELECT count(*) AS n FROM project').get()
    db.close()`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', source, file], { cwd: process.cwd(), stdio: 'inherit' })
    child.on('error', reject)
    child.on('close', resolve)
  })
}

describe('after an export process ends', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-export-exit-'))
    file = join(dir, 'crm.sqlite')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('the next open skips quick_check, even after a read-only reader left its empty -wal', async () => {
    const created = await openDatabase({ file })
    const at = '2024-01-01T00:00:00Z'
    const insert = created.sqlite.prepare(
      `INSERT INTO project (id, created_at, updated_at, name, search_keys, stage, stage_on, reserve_on, total_investment_yuan) VALUES (?, ?, ?, ?, '', 'signed', '2024-03-01', '2024-01-15', ?)`,
    )
    for (let i = 1; i <= 30; i++) insert.run(`P${i}`, at, at, `测试项目${i}号`, 100_000_000 * i)
    await created.close()

    const out = join(dir, 'ledger.xlsx')
    const exported = await runCli(['--db', file, 'export', 'ledger', out])
    expect(exported.code, exported.out).toBe(0)
    expect(statSync(out).size).toBeGreaterThan(0)
    const afterExport = await openDatabase({ file })
    expect(afterExport.integrity).toBe('skipped')
    await afterExport.close()

    expect(await readOnlyReader(file)).toBe(0)
    // what the reader left: an empty write-ahead log, no commits in it
    expect(statSync(`${file}-wal`).size).toBe(0)
    const afterReader = await openDatabase({ file })
    expect(afterReader.integrity).toBe('skipped')
    await afterReader.close()
    expect(existsSync(`${file}.clean-shutdown`)).toBe(true)
  }, 120_000)
})
