import Sqlite from 'better-sqlite3'
import { Migrator } from 'kysely'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openBackend } from '../backend'
import { openDatabase } from '../open'
import { MIGRATIONS } from '../migrations'
import { testBackend } from '../../tests/support/backend'
import { backupName, parseBackupName } from './rotation'
import { createBackup, maybeDailyBackup } from './backup'

const root = mkdtempSync(join(tmpdir(), 'crm-backup-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let counter = 0
const freshDir = () => {
  const dir = join(root, `case-${++counter}`)
  return { dir, file: join(dir, 'crm.sqlite') }
}
const mkdir = (dir: string) => mkdirSync(dir, { recursive: true })

/** Every table from sqlite_master, row for row, in a stable order. */
function dumpTables(sqlite: Sqlite.Database): Record<string, unknown[]> {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
  return Object.fromEntries(tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]))
}

async function seeded(file: string, now = '2026-11-27T09:00:00+08:00') {
  mkdir(join(file, '..'))
  const api = await testBackend({ file, now })
  const district = await api.call('district-create', { name: '槐荫区', code: '370104' })
  for (const name of ['济南西部会展片区', '槐荫经济开发区']) await api.call('park-create', { districtId: district.id, name })
  return { api, district }
}

describe('backups', () => {
  it('writes a verified, standalone copy with a backup name through a temporary file', async () => {
    const { dir, file } = freshDir()
    const { api } = await seeded(file)
    const info = await api.call('backup-create', {})
    expect(info).toMatchObject({ reason: 'manual', verified: true, file: join(dir, 'backups', info.name) })
    expect(parseBackupName(info.name)).not.toBeNull()
    const names = readdirSync(join(dir, 'backups'))
    expect(names.filter((n) => n.endsWith('.tmp') || n.includes('-wal') || n.includes('-shm'))).toEqual([])
    // The copy opens read-only on its own (no -wal/-shm beside it: fine on a read-only USB drive).
    const copy = new Sqlite(info.file, { readonly: true, fileMustExist: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(dumpTables(copy)).toEqual(dumpTables(api.env.ctx.sqlite))
    copy.close()
    const list = await api.call('backup-list', {})
    expect(list.backups.map((b) => b.name)).toContain(info.name)
    expect(list.backups.every((b) => b.size > 0 && b.verified)).toBe(true)
    await api.close()
  })

  it('two backups in the same second get distinct names; old ones are rotated away', async () => {
    const { dir, file } = freshDir()
    const { api } = await seeded(file)
    const backups = join(dir, 'backups')
    const first = await api.call('backup-create', {})
    const second = await api.call('backup-create', {})
    expect(second.name).toBe(first.name.replace('.sqlite', '-2.sqlite'))
    const databaseId = parseBackupName(first.name)!.databaseId
    expect(databaseId).toMatch(/^[0-9a-f]{16}$/)
    // Forty old dailies from last spring: the policy keeps the newest of their month at most.
    const old = (d: number) => backupName(new Date(2026, 2, d, 9), 'daily', 1, databaseId)
    for (let d = 1; d <= 40; d++) copyFileSync(first.file, join(backups, old(d)))
    await api.call('backup-create', {})
    const left = readdirSync(backups).filter((n) => n.includes('daily'))
    // Kept: today's, the 6 last days with backups (Apr 4..9), newest of the weeks before (Mar 29) and of March.
    expect(left.sort()).toEqual([...[35, 36, 37, 38, 39, 40, 29, 31].map(old), ...left.filter((n) => n.includes('-2026112'))].sort())
    await api.close()
  })

  it('uses the chosen folder, refuses one it cannot write (in Chinese), and goes back to the default', async () => {
    const { dir, file } = freshDir()
    const { api } = await seeded(file)
    const usb = join(root, `usb-${counter}`, '备份')
    expect(await api.call('backup-settings-set', { dir: usb })).toEqual({ dir: usb, defaultDir: join(dir, 'backups'), custom: true })
    expect((await api.call('backup-create', {})).file.startsWith(usb)).toBe(true)
    expect((await api.fail('backup-settings-set', { dir: 'relative/path' })).message).toContain('完整路径')
    const blocker = join(root, `blocker-${counter}`)
    writeFileSync(blocker, 'a file where a folder should be')
    const refused = await api.fail('backup-settings-set', { dir: join(blocker, 'sub') })
    expect(refused.message).toMatch(/^备份目录不可写/)
    expect((await api.call('backup-settings-get', {})).dir).toBe(usb)
    expect(await api.call('backup-settings-set', { dir: null })).toMatchObject({ dir: join(dir, 'backups'), custom: false })
    await api.close()
  })

  it('makes one daily backup a day, in the background at open and when asked hourly', async () => {
    const { dir, file } = freshDir()
    const { api } = await seeded(file)
    await api.close() // waits for the backup started at open
    const dailies = () => readdirSync(join(dir, 'backups')).filter((n) => n.includes('-daily'))
    expect(dailies()).toHaveLength(1)
    const again = await testBackend({ file, now: '2026-11-27T15:00:00+08:00' })
    expect(await maybeDailyBackup(again.env.ctx)).toBeNull()
    again.setNow('2026-11-28T09:30:00+08:00')
    expect((await maybeDailyBackup(again.env.ctx))?.reason).toBe('daily')
    await again.close()
    expect(dailies()).toHaveLength(2)
  })

  it('backs up an existing database before migrating it', async () => {
    const { dir, file } = freshDir()
    mkdir(dir)
    const old = await openDatabase({ file: ':memory:' }) // for the provider only
    await old.close()
    const sqlite = new Sqlite(file)
    const { Kysely, SqliteDialect } = await import('kysely')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    const first = Object.keys(MIGRATIONS)[0]!
    await new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo(first)
    await db.destroy()
    const backend = await openBackend({ file })
    const pre = readdirSync(join(dir, 'backups')).filter((n) => n.includes('pre-migration'))
    expect(pre).toHaveLength(1)
    const copy = new Sqlite(join(dir, 'backups', pre[0]!), { readonly: true })
    expect(copy.prepare('SELECT name FROM kysely_migration').all()).toEqual([{ name: first }])
    copy.close()
    await backend.close()
  })

  // How long it takes is the benchmark's business (tests assert no timings); this one proves that a
  // database larger than one backup step is copied whole and verified.
  it('goes on answering calls while the copy is checked (the daily backup runs in the writer, and the check takes minutes at city size)', async () => {
    const { file } = freshDir()
    const { api } = await seeded(file)
    let checking = false
    let answeredWhileChecking = 0
    let calls: Promise<void> = Promise.resolve()
    const backup = createBackup(api.env.ctx, 'manual', (label) => {
      if (label !== '正在校验备份' || checking) return
      checking = true
      calls = (async () => {
        while (checking) {
          // A call from a window arrives as a message: one per turn of the event loop.
          await new Promise((resolve) => setImmediate(resolve))
          if (!checking) break
          await api.call('district-list', {})
          if (checking) answeredWhileChecking++
        }
      })()
    })
    const info = await backup
    checking = false
    await calls
    expect(info.verified).toBe(true)
    // Checked on the backend's own thread, no call got an answer until the check was over.
    expect(answeredWhileChecking).toBeGreaterThan(5)
    await api.close()
  })

  it('backs up a 10k-row database whole', { timeout: 60_000 }, async () => {
    const { dir, file } = freshDir()
    const { api, district } = await seeded(file)
    const ctx = api.env.ctx
    const insert = ctx.sqlite.prepare(`INSERT INTO park (id, district_id, name, note, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')`)
    ctx.sqlite.transaction(() => {
      for (let i = 0; i < 10_000; i++) insert.run(`P${i}`, district.id, `园区${i}`, '备注'.repeat(20))
    })()
    const started = performance.now()
    const info = await createBackup(ctx, 'manual')
    const ms = performance.now() - started
    console.log(`backup of a 10k-row database: ${(info.size / 1024 / 1024).toFixed(1)} MB in ${ms.toFixed(0)} ms`)
    expect(info.verified).toBe(true)
    expect(readdirSync(join(dir, 'backups'))).toContain(info.name)
    const copy = new Sqlite(info.file, { readonly: true })
    expect(copy.prepare(`SELECT count(*) AS n FROM park WHERE id LIKE 'P%'`).get()).toEqual({ n: 10_000 })
    expect(copy.prepare(`SELECT name, note FROM park WHERE id = 'P9999'`).get()).toEqual({ name: '园区9999', note: '备注'.repeat(20) })
    copy.close()
    await api.close()
  })
})

describe('restore', () => {
  it('puts a backup back: every table row for row, the current one kept as pre-restore, the lock held', async () => {
    const { dir, file } = freshDir()
    const { api, district } = await seeded(file)
    const backup = await api.call('backup-create', {})
    const original = dumpTables(api.env.ctx.sqlite)
    const oldBackend = api.env.backend
    // Work after the backup that the restore takes back.
    await api.call('park-create', { districtId: district.id, name: '长清大学科技园' })
    await api.call('district-update', { id: district.id, note: '改过' })
    const result = await api.call('backup-restore', { file: backup.name })
    expect(result.restored).toBe(backup.file)
    expect(result.preRestore.reason).toBe('pre-restore')
    expect(api.env.backend).not.toBe(oldBackend)
    expect(api.env.ctx).toBe(api.env.backend.ctx)
    expect(dumpTables(api.env.ctx.sqlite)).toEqual(original)
    expect((await api.call('park-list', {})).map((p) => p.name).sort()).toEqual(['槐荫经济开发区', '济南西部会展片区'].sort())
    expect(existsSync(`${file}.lock`)).toBe(true)
    // The pre-restore copy holds the work the restore took back.
    const pre = new Sqlite(result.preRestore.file, { readonly: true })
    expect(pre.prepare(`SELECT count(*) AS n FROM park`).get()).toEqual({ n: 3 })
    pre.close()
    await api.env.backend.close()
    expect(existsSync(`${file}.lock`)).toBe(false)
    expect(readdirSync(dir).filter((n) => n.includes('restore-tmp'))).toEqual([])
  })

  it('refuses files outside the backup folder, non-SQLite files and newer versions, changing nothing', async () => {
    const { dir, file } = freshDir()
    const { api } = await seeded(file)
    const before = dumpTables(api.env.ctx.sqlite)
    expect((await api.fail('backup-restore', { file: '../crm.sqlite' })).code).toBe('validation')
    expect((await api.fail('backup-restore', { file: join(dir, 'notes.txt') })).message).toContain('.sqlite')
    expect((await api.fail('backup-restore', { file: join(dir, 'missing.sqlite') })).code).toBe('not_found')
    const text = join(dir, 'text.sqlite')
    writeFileSync(text, 'x'.repeat(4096))
    expect((await api.fail('backup-restore', { file: text })).message).toContain('不是 SQLite')
    const newer = (await api.call('backup-create', {})).file
    const db = new Sqlite(newer)
    db.prepare(`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999-future', 'x')`).run()
    db.close()
    const bytes = readFileSync(newer)
    expect((await api.fail('backup-restore', { file: newer })).message).toContain('更新版本')
    expect(readFileSync(newer).equals(bytes)).toBe(true)
    expect((await api.fail('backup-restore', { file })).message).toContain('正在使用')
    expect(dumpTables(api.env.ctx.sqlite)).toEqual(before)
    expect(readdirSync(join(dir, 'backups')).filter((n) => n.includes('pre-restore'))).toEqual([])
    await api.close()
  })
})
