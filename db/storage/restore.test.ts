// One rule for the files backup writes and restore reads: whatever `backup FILE` wrote, `restore FILE` takes.
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testBackend } from '../../tests/support/backend'
import { backupToFile } from './backup'
import { restoreDatabase } from './restore'

describe('backup FILE and restore FILE', () => {
  it('a backup written under a name without .sqlite is restored from the name it reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-restore-'))
    const api = await testBackend({ file: join(dir, 'crm.sqlite') })
    await api.call('district-create', { name: '槐荫区' })
    const info = await backupToFile(api.env.ctx, join(dir, '月底备份'))
    expect(info.file).toBe(join(dir, '月底备份.sqlite'))
    expect(existsSync(info.file)).toBe(true)
    await api.call('district-create', { name: '长清区' })
    const restored = await restoreDatabase(api.env.backend, info.file)
    const names = (await restored.ctx.db.selectFrom('district').select('name').execute()).map((d) => d.name)
    expect(names).toEqual(['槐荫区'])
    await restored.close()
  })
})
