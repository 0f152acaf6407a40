// A full disk on a real (tiny) tmpfs: the database's own disk and the backup folder's. Says
// 磁盘已满 and leaves no probe or temporary file behind. Needs permission to mount (root, as on CI's
// container); skipped where mounting is not allowed.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { testBackend } from '../../tests/support/backend'

const mounted: string[] = []

function tinyDisk(kilobytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'crm-full-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k`, 'tmpfs', dir], { stdio: 'ignore' })
  } catch {
    return null
  }
  mounted.push(dir)
  return dir
}

/** Takes every free byte of the disk. */
function fill(dir: string): void {
  const chunk = Buffer.alloc(4096, 1)
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk)
    } catch {
      return
    }
  }
}

const canMount = (() => {
  const probe = tinyDisk(64)
  return probe !== null
})()

afterAll(() => {
  for (const dir of mounted) {
    execFileSync('umount', [dir])
    rmSync(dir, { recursive: true, force: true })
  }
})

describe.skipIf(!canMount)('a full disk', () => {
  it('in the backup folder: says so and leaves no write-test or temporary file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-full-db-'))
    const api = await testBackend({ file: join(dataDir, 'crm.sqlite') })
    await api.call('district-create', { name: '槐荫区' })
    const usb = tinyDisk(256)!
    mkdirSync(join(usb, 'backups'))
    await api.call('backup-settings-set', { dir: join(usb, 'backups') })
    fill(usb)
    const error = await api.fail('backup-create', {})
    expect(error.message).toContain('磁盘已满')
    expect(readdirSync(join(usb, 'backups'))).toEqual([])
    const again = await api.fail('backup-settings-set', { dir: join(usb, 'backups') })
    expect(again.message).toContain('磁盘已满')
    expect(readdirSync(join(usb, 'backups'))).toEqual([])
    await api.close()
  })

  it('under the database: a write says 磁盘已满, not 内部错误, and what was saved stays', async () => {
    // Room for a fresh database with every migration (0010 made it outgrow 2 MB), then filled.
    const disk = tinyDisk(8192)!
    const api = await testBackend({ file: join(disk, 'crm.sqlite') })
    const kept = await api.call('district-create', { name: '槐荫区' })
    fill(disk)
    let error = null
    for (let i = 0; i < 200 && !error; i++) {
      const result = await api.call('district-create', { name: `区${i}`.padEnd(40, '长') }).then(
        () => null,
        (e: { apiError: { code: string; message: string } }) => e.apiError,
      )
      error = result
    }
    expect(error).not.toBeNull()
    expect(error!.message).toContain('磁盘已满')
    expect(error!.message).not.toContain('内部错误')
    expect((await api.call('district-list', {})).map((d: { id: string }) => d.id)).toContain(kept.id)
    await api.close().catch(() => undefined)
  })
})
