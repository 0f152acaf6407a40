// A 项目状态 word the import does not know stops the command-line import with the word named and
// the flag to explain it; with --stage-word the same file imports at the stage given.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { bundled } from '../support/bundle'
import { afterAll, describe, expect, it } from 'vitest'

const CLI_TIMEOUT = 180_000

async function cli(args: string[]): Promise<{ code: number | null; out: string }> {
  // The CLI bundled from source once for the file (tests/support/bundle.ts): a real Node process per
  // command, without tsx's compile of the whole backend at every start.
  const entry = await bundled('cli')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

describe('command line import: unknown stage words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-stage-word-'))
  const db = join(dir, 'crm.sqlite')
  const ledger = join(dir, '台账.csv')
  writeFileSync(ledger, '项目名称,总投资（万元）,项目状态\n新能源电池项目,5000,推进落实\n光伏组件项目,3000,签约\n')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses the word, naming it and --stage-word, then imports with it', async () => {
    const refused = await cli(['--db', db, 'import', ledger])
    expect(refused.code).not.toBe(0)
    expect(refused.out).toContain('无法识别的项目状态：“推进落实”')
    expect(refused.out).toContain('--stage-word "推进落实=在谈"')

    const imported = await cli(['--db', db, 'import', ledger, '--stage-word', '推进落实=在谈'])
    expect(imported.out).toContain('导入完成')
    expect(imported.code).toBe(0)
    const sqlite = new Database(db, { readonly: true })
    const stages = sqlite.prepare('SELECT name, stage FROM project WHERE deleted_at IS NULL ORDER BY name').all()
    sqlite.close()
    expect(stages).toEqual([
      { name: '光伏组件项目', stage: 'signed' },
      { name: '新能源电池项目', stage: 'negotiating' },
    ])
  }, CLI_TIMEOUT * 2)

  it('reads the word as the --template saved it (the wizard keeps its answers in templates)', async () => {
    const writable = new Database(db)
    const templates = { 推进月报: { mapping: {}, sheet: null, stageWords: { 推进落实: 'signed' }, savedAt: '2024-04-01T00:00:00Z' } }
    writable.prepare("INSERT INTO setting (key, value, updated_at) VALUES ('import_templates', ?, '2024-04-01T00:00:00Z')").run(JSON.stringify(templates))
    writable.close()
    const april = join(dir, '四月台账.csv')
    writeFileSync(april, '项目名称,总投资（万元）,项目状态\n储能电站项目,8000,推进落实\n')

    const imported = await cli(['--db', db, 'import', april, '--template', '推进月报'])
    expect(imported.out).toContain('导入完成')
    expect(imported.code).toBe(0)
    const sqlite = new Database(db, { readonly: true })
    expect(sqlite.prepare("SELECT stage FROM project WHERE name = '储能电站项目'").get()).toEqual({ stage: 'signed' })
    sqlite.close()
  }, CLI_TIMEOUT)

  it('refuses a --stage-word whose stage is not one', async () => {
    const wrong = await cli(['--db', db, 'import', ledger, '--stage-word', '推进落实=很好'])
    expect(wrong.code).not.toBe(0)
    expect(wrong.out).toContain('--stage-word 格式应为“台账用词=阶段”')
  }, CLI_TIMEOUT)
})
