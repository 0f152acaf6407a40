// Two databases in one folder share one backup folder: each must count, list, rotate and restore
// only its own backups (issue 13: y got no daily backup because x's counted, and y's list offered
// x's backup).
import Sqlite from 'better-sqlite3'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { testBackend } from '../../tests/support/backend'
import { maybeDailyBackup } from './backup'
import { DATABASE_ID_KEY } from './database-id'
import { restoreUnopenedDatabase } from './restore'
import { backupName, parseBackupName } from './rotation'

const root = mkdtempSync(join(tmpdir(), 'crm-backup-per-db-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let counter = 0

/** x.sqlite and y.sqlite side by side, each with a district and a park of its own. */
async function twoDatabases() {
  const dir = join(root, `case-${++counter}`)
  mkdirSync(dir)
  const open = async (name: string, district: string, park: string) => {
    const api = await testBackend({ file: join(dir, name) })
    await maybeDailyBackup(api.env.ctx) // the one started at open
    const created = await api.call('district-create', { name: district })
    await api.call('park-create', { districtId: created.id, name: park })
    return api
  }
  const x = await open('x.sqlite', '槐荫区', '槐荫经济开发区')
  const y = await open('y.sqlite', '长清区', '长清大学科技园')
  return { dir, backups: join(dir, 'backups'), x, y }
}

const parkNames = async (api: Awaited<ReturnType<typeof testBackend>>) => (await api.call('park-list', {})).map((p) => p.name)
const idOf = (name: string) => parseBackupName(name)!.databaseId

describe('backups of two databases in one folder', () => {
  it('each gets its own daily backup, lists only its own, and names them with its id', async () => {
    const { backups, x, y } = await twoDatabases()
    const dailies = readdirSync(backups).filter((n) => n.includes('-daily'))
    expect(dailies).toHaveLength(2)
    const [idX, idY] = [x, y].map((api) => (api.env.ctx.sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(DATABASE_ID_KEY) as { value: string }).value)
    expect(new Set(dailies.map(idOf))).toEqual(new Set([JSON.parse(idX!), JSON.parse(idY!)]))
    await x.call('backup-create', {})
    for (const [api, id] of [[x, idX], [y, idY]] as const) {
      const list = await api.call('backup-list', {})
      expect(list.backups.length).toBeGreaterThan(0)
      expect(list.backups.every((b) => idOf(b.name) === JSON.parse(id!))).toBe(true)
    }
    expect((await x.call('backup-list', {})).backups).toHaveLength(2)
    expect((await y.call('backup-list', {})).backups).toHaveLength(1)
    // Today's daily of x does not stop y's, and the other way round.
    expect(await maybeDailyBackup(y.env.ctx)).toBeNull()
    await x.close()
    await y.close()
  })

  it('restore refuses the other database’s backup unless the user insists; the database keeps its id', async () => {
    const { dir, backups, x, y } = await twoDatabases()
    const fromX = await x.call('backup-create', {})
    const before = readFileSync(join(dir, 'y.sqlite'))
    const refused = await y.fail('backup-restore', { file: fromX.name })
    expect(refused.code).toBe('conflict')
    expect(refused.message).toContain('这份备份属于另一个数据库')
    expect(refused.message).toContain('--force')
    expect(await parkNames(y)).toEqual(['长清大学科技园'])
    expect(readdirSync(backups).filter((n) => n.includes('pre-restore'))).toEqual([])
    expect(readdirSync(dir).filter((n) => n.includes('restore-tmp'))).toEqual([])
    expect(readFileSync(join(dir, 'y.sqlite')).equals(before)).toBe(true)

    const idY = idOf((await y.call('backup-list', {})).backups[0]!.name)
    const replicaX = (await x.call('sync-status', {})).replicaId
    await y.call('backup-restore', { file: fromX.name, force: true })
    expect(await parkNames(y)).toEqual(['槐荫经济开发区'])
    // x's laptop still writes as x's replica: y's copy of its data becomes a replica of its own.
    const restoredY = await y.call('sync-status', {})
    expect(restoredY.replicaId).not.toBe(replicaX)
    expect(restoredY.operations).toBeGreaterThan(0)
    await y.call('park-update', { id: (await y.call('park-list', {}))[0]!.id, name: '槐荫经济开发区（长清代管）' })
    expect((await y.call('sync-status', {})).operations).toBeGreaterThan(restoredY.operations)
    // y's place keeps y's id: its next backups are y's, not mixed into x's.
    expect(idOf((await y.call('backup-create', {})).name)).toBe(idY)
    expect(idOf((await x.call('backup-create', {})).name)).toBe(idOf(fromX.name))
    await x.close()
    await y.close()
  })

  it('the command line’s restore refuses it too, and takes it with --force', async () => {
    const { dir, x, y } = await twoDatabases()
    const fromX = await x.call('backup-create', {})
    await x.close()
    await y.close()
    const yFile = join(dir, 'y.sqlite')
    await expect(restoreUnopenedDatabase(yFile, fromX.file)).rejects.toThrow(/这份备份属于另一个数据库/)
    const { replaced } = await restoreUnopenedDatabase(yFile, fromX.file, 'cli', new Date(), { force: true })
    expect(replaced).not.toBeNull()
    const restored = await testBackend({ file: yFile })
    expect(await parkNames(restored)).toEqual(['槐荫经济开发区'])
    const own = await restored.call('backup-create', {})
    expect(idOf(own.name)).not.toBe(idOf(fromX.name))
    await restored.close()
  })

  it('backups named before databases had ids: listed and restorable by their own database only, never rotated away', async () => {
    const { backups, x, y } = await twoDatabases()
    const fromX = await x.call('backup-create', {})
    // An old backup: no id in its name, none inside.
    const legacy = (date: Date) => {
      const name = backupName(date, 'daily')
      copyFileSync(fromX.file, join(backups, name))
      const db = new Sqlite(join(backups, name))
      db.prepare('DELETE FROM setting WHERE key = ?').run(DATABASE_ID_KEY)
      db.close()
      return name
    }
    const old = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((d) => legacy(new Date(2025, 0, d, 9)))
    expect(parseBackupName(old[0]!)!.databaseId).toBeNull()
    await x.call('backup-create', {}) // rotates x's own backups only
    expect(readdirSync(backups)).toEqual(expect.arrayContaining(old))
    // What it holds (x's sync replica id) says whose it is.
    expect((await x.call('backup-list', {})).backups.map((b) => b.name)).toEqual(expect.arrayContaining(old))
    expect((await y.call('backup-list', {})).backups.map((b) => b.name).filter((n) => old.includes(n))).toEqual([])
    expect((await y.fail('backup-restore', { file: old[9]! })).code).toBe('conflict')
    await x.call('park-create', { districtId: (await x.call('district-list', {}))[0]!.id, name: '之后新建的园区' })
    await x.call('backup-restore', { file: old[9]! })
    expect(await parkNames(x)).toEqual(['槐荫经济开发区'])
    await x.close()
    await y.close()
  })
})
