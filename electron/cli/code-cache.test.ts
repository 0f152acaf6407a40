// Started as the built command line starts (the launcher scripts/build-cli.mjs writes as index.mjs),
// each start a process of its own: within one process V8 keeps what it compiled, and would answer
// from that instead of from the cache file.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error plain JavaScript script without type declarations
import { launcherFor } from '../../scripts/build-cli.mjs'
import { codeCacheFile } from './code-cache'

describe("the command line's bundle through V8's code cache", () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-code-cache-'))
  const launcher = join(dir, 'index.mjs')
  /** A CommonJS bundle that prints what it saw of Node's module variables. */
  const bundle = join(dir, 'cli-test.cjs')
  const cache = codeCacheFile(bundle)

  beforeAll(async () => {
    writeFileSync(launcher, await (launcherFor as (bundleName: string) => Promise<Uint8Array>)('cli-test.cjs'))
    writeFileSync(
      bundle,
      `const { basename } = require('node:path')
       console.log(JSON.stringify({ file: basename(__filename), dir: __dirname, exports: exports === this && module.exports === exports, args: process.argv.slice(2) }))`,
    )
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const start = () => {
    const run = spawnSync(process.execPath, [launcher, 'call', 'park-list'], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ file: 'cli-test.cjs', dir, exports: true, args: ['call', 'park-list'] })
  }

  it('runs the bundle as Node would, and the first start leaves the cache that the next ones use', () => {
    start()
    const written = statSync(cache).mtimeMs
    const code = readFileSync(cache)
    start()
    // a cache V8 took is left as it was
    expect(statSync(cache).mtimeMs).toBe(written)
    expect(readFileSync(cache).equals(code)).toBe(true)
  })

  it('compiles from the source when V8 refuses the cache, and replaces it', () => {
    writeFileSync(cache, 'not a code cache')
    start()
    const replaced = readFileSync(cache)
    expect(replaced.toString('latin1')).not.toBe('not a code cache')
    start()
    expect(readFileSync(cache).equals(replaced)).toBe(true)
  })
})
