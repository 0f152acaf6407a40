// Issue 16: the command line runs from its bundle (scripts/build-cli.mjs → out/cli/index.mjs), which
// starts like plain Node instead of compiling TypeScript with tsx at every start. The bundle must
// do everything the sources do, including the ledger reader's worker thread (SheetJS is found
// from the bundle's place) and the exports (exceljs, loaded when a workbook is written).
import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageCheckWorkerFile } from '../../db/hub/page-checker'
import { corpusXlsx } from '../../db/ledger-import/fixtures'
import { askBuiltWorker, investorRecord, investorShape } from '../support/page-check'
// @ts-expect-error plain JavaScript script without type declarations
import { CLI_SOURCES, CLI_STAMP, needsBuild } from '../../scripts/needs-build.mjs'

const ROOT = join(__dirname, '..', '..')
const BUNDLE = join(ROOT, 'out', 'cli', 'index.mjs')
const run = promisify(execFile)
const TIMEOUT = 120_000

describe('the command line from its bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-cli-bundle-'))
  const db = join(dir, 'crm.sqlite')
  const cli = (...args: string[]) => run(process.execPath, [BUNDLE, '--db', db, ...args], { cwd: dir })

  beforeAll(() => {
    const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8' })
    expect(built.stderr).toBe('')
    expect(built.status).toBe(0)
  }, TIMEOUT)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is newer than its sources right after the build, so `npm run cli` takes it', () => {
    expect(existsSync(BUNDLE)).toBe(true)
    expect((needsBuild as (root: string, stamp: string, sources: string[]) => boolean)(ROOT, CLI_STAMP, CLI_SOURCES)).toBe(false)
  })

  it('answers --help, and through the npm script launcher too', async () => {
    const direct = await run(process.execPath, [BUNDLE, '--help'])
    expect(direct.stdout).toMatch(/^用法：/)
    const launched = await run(process.execPath, [join(ROOT, 'scripts', 'cli.mjs'), '--help'])
    expect(launched.stdout).toBe(direct.stdout)
  }, TIMEOUT)

  it('creates a database and answers an API call', async () => {
    await cli('init')
    const { stdout } = await cli('call', 'park-list', '{}')
    expect(JSON.parse(stdout)).toEqual(expect.anything())
  }, TIMEOUT)

  it("starts a command from the code cache the build left: V8 takes it, so the command does not replace it", async () => {
    const bundleName = /cli-[0-9a-f]+\.cjs/.exec(readFileSync(BUNDLE, 'utf8'))?.[0]
    expect(bundleName).toBeDefined()
    const cache = join(dirname(BUNDLE), `${bundleName}.v8-cache`)
    const made = statSync(cache).mtimeMs
    await cli('call', 'park-list', '{}')
    expect(statSync(cache).mtimeMs).toBe(made)
  }, TIMEOUT)

  it('previews a ledger import (the SheetJS worker thread starts from the bundle)', async () => {
    const ledger = join(dir, '2024台账.xlsx')
    writeFileSync(ledger, await corpusXlsx())
    const { stdout } = await cli('import', ledger, '--dry-run', '--create-people')
    expect(stdout).toContain('预览（未写入任何数据）')
    expect(stdout).toContain('项目名称')
  }, TIMEOUT)

  it("holds the worker of a first pull from a hub beside the bundle, where the bundle looks for it, and the worker checks a page", async () => {
    const launcher = readFileSync(BUNDLE, 'utf8')
    const bundle = join(dirname(BUNDLE), /cli-[0-9a-f]+\.cjs/.exec(launcher)![0])
    const file = pageCheckWorkerFile(pathToFileURL(bundle).href)
    expect(existsSync(file)).toBe(true)
    const [answer] = await askBuiltWorker(file, await investorShape(), [[investorRecord('I1', '山东巨能液压有限公司')]])
    expect(answer).toMatchObject({ id: 0, checked: { count: 3, rows: [expect.arrayContaining(['山东巨能液压有限公司', 'I1'])] } })
  }, TIMEOUT)

  it('writes a workbook (exceljs, loaded only when needed)', async () => {
    const out = join(dir, 'projects.xlsx')
    await cli('export', 'projects', out)
    expect(existsSync(out)).toBe(true)
  }, TIMEOUT)

  it('says in one line what is wrong', async () => {
    const failed = await cli('import', join(dir, 'missing.xlsx')).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    )
    expect(failed?.code).toBe(1)
    expect(failed!.stderr.trim()).toMatch(/^错误：无法读取文件/)
  }, TIMEOUT)
})
