// Issue 16: updates from an office's own server are off unless configured, and a wrong setting
// turns them off with a reason in crm.log instead of failing the start.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UPDATE_FILE, startUpdateChecks, updateSource } from '../../electron/main/updater'

let dataDir: string
beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'crm-updater-'))))
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('where updates come from', () => {
  it('nowhere unless CRM_UPDATE_URL or update.json names a server', () => {
    expect(updateSource({}, dataDir)).toEqual({ url: null })
    expect(updateSource({ CRM_UPDATE_URL: '  ' }, dataDir)).toEqual({ url: null })
  })

  it('from CRM_UPDATE_URL before update.json, always ending in / so that latest.yml lands inside the folder', () => {
    writeFileSync(join(dataDir, UPDATE_FILE), JSON.stringify({ url: 'https://file.example/crm' }))
    expect(updateSource({ CRM_UPDATE_URL: 'http://10.1.2.3:8080/crm' }, dataDir)).toEqual({ url: 'http://10.1.2.3:8080/crm/', from: 'CRM_UPDATE_URL' })
    expect(updateSource({}, dataDir)).toEqual({ url: 'https://file.example/crm/', from: UPDATE_FILE })
  })

  it('refuses what is not an http(s) address, with the reason', () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'ftp://server/crm/']) {
      const source = updateSource({ CRM_UPDATE_URL: url }, dataDir)
      expect(source.url, url).toBeNull()
      expect(source.url === null && source.problem, url).toMatch(/自动更新已关闭/)
    }
    writeFileSync(join(dataDir, UPDATE_FILE), '{ url: oops')
    expect(updateSource({}, dataDir)).toMatchObject({ url: null, problem: expect.stringContaining('不是有效的 JSON') })
    writeFileSync(join(dataDir, UPDATE_FILE), '{}')
    expect(updateSource({}, dataDir)).toMatchObject({ url: null, problem: expect.stringContaining('没有 url') })
  })

  it('writes a wrong setting to crm.log and starts nothing', async () => {
    await startUpdateChecks({ packaged: true, dataDir, env: { CRM_UPDATE_URL: 'file:///tmp/x' } })
    const lines = readFileSync(join(dataDir, 'crm.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { event: string })
    expect(lines.map((line) => line.event)).toEqual(['update-config'])
  })
})
