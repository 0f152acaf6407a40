// A 项目状态 word the import does not know stops the command-line import with the word named and
// the flag to explain it; with --stage-word the same file imports at the stage given.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { runCli } from '../support/bundle'
import { afterAll, describe, expect, it } from 'vitest'

const CLI_TIMEOUT = 180_000

describe('command line import: unknown stage words', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-stage-word-'))
  const db = join(dir, 'crm.sqlite')
  const ledger = join(dir, '台账.csv')
  writeFileSync(ledger, '项目名称,总投资（万元）,项目状态\n新能源电池项目,5000,推进落实\n光伏组件项目,3000,签约\n')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses the word, naming it and --stage-word, then imports with it', async () => {
    const refused = await runCli(['--db', db, 'import', ledger])
    expect(refused.code).not.toBe(0)
    expect(refused.out).toContain('无法识别的项目状态：“推进落实”')
    expect(refused.out).toContain('--stage-word "推进落实=在谈"')

    const imported = await runCli(['--db', db, 'import', ledger, '--stage-word', '推进落实=在谈'])
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

    const imported = await runCli(['--db', db, 'import', april, '--template', '推进月报'])
    expect(imported.out).toContain('导入完成')
    expect(imported.code).toBe(0)
    const sqlite = new Database(db, { readonly: true })
    expect(sqlite.prepare("SELECT stage FROM project WHERE name = '储能电站项目'").get()).toEqual({ stage: 'signed' })
    sqlite.close()
  }, CLI_TIMEOUT)

  it('refuses a --stage-word whose stage is not one', async () => {
    const wrong = await runCli(['--db', db, 'import', ledger, '--stage-word', '推进落实=很好'])
    expect(wrong.code).not.toBe(0)
    expect(wrong.out).toContain('--stage-word 格式应为“台账用词=阶段”')
  }, CLI_TIMEOUT)
})
