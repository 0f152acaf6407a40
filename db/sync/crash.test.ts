// SIGKILL in the middle of a package import loses nothing and applies nothing twice: after each
// kill the file opens, passes integrity_check, holds either none or all of the package, and the
// package imported again leaves it identical to the sender.
import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, describe, expect, it } from 'vitest'
import { openBackend } from '../backend'
import { ProjectCreate } from '../domain/project'
import { createDistrict } from '../services/districts'
import { createProject } from '../services/projects'
import { contentHash } from './content-hash'
import { exportPackage, importPackage, readPackage } from './package'

const ROOT = join(__dirname, '..', '..')
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'crm-crash', `sync-importer-${process.pid}.mjs`)
const dir = mkdtempSync(join(tmpdir(), 'crm-sync-crash-'))
const KILLS = Number(process.env.CRASH_KILLS ?? 4)

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
  rmSync(BUNDLE, { force: true })
})

async function bundle(): Promise<string> {
  mkdirSync(join(BUNDLE, '..'), { recursive: true })
  await build({ entryPoints: [join(ROOT, 'tests/crash/sync-importer.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: BUNDLE, logLevel: 'error' })
  return BUNDLE
}

/** Runs the importer; kills it `killAfterMs` after it said START (null: let it finish). */
function runImporter(script: string, db: string, pkg: string, killAfterMs: number | null): Promise<{ out: string; killed: boolean; ms: number }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [script, db, pkg], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let started = 0
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (!started && out.includes('START')) {
        started = Date.now()
        if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
    })
    child.on('error', reject)
    child.on('close', (_code, signal) => resolve({ out, killed: signal === 'SIGKILL', ms: Date.now() - started }))
  })
}

describe('sync package import under SIGKILL', () => {
  it('applies a package wholly or not at all, and a retry completes it exactly once', async () => {
    const script = await bundle()
    // The sender: parks and projects enough for an import that takes a while.
    const sender = await openBackend({ file: join(dir, 'sender.sqlite'), autoBackup: false })
    const district = await createDistrict(sender.ctx, { name: '槐荫区', code: null, note: null })
    for (let i = 0; i < 200; i++) await createProject(sender.ctx, ProjectCreate.parse({ name: `项目${i}`, districtId: district.id, progress: `第${i}次洽谈` }))
    const { bytes } = await exportPackage(sender.ctx)
    const expected = contentHash(sender.ctx.sqlite)
    const opCount = readPackage(bytes).header.opCount
    await sender.close()
    const pkg = join(dir, 'demo.crmsync')
    writeFileSync(pkg, bytes)

    // The receiver before the import: an empty database of its own.
    const base = join(dir, 'receiver.sqlite')
    const receiver = await openBackend({ file: base, autoBackup: false })
    await receiver.close()

    copyFileSync(base, join(dir, 'probe.sqlite'))
    const probe = await runImporter(script, join(dir, 'probe.sqlite'), pkg, null)
    expect(probe.out).toContain(`DONE ${opCount}`)

    let killedMidway = 0
    for (let k = 0; k < KILLS; k++) {
      const file = join(dir, `kill-${k}.sqlite`)
      copyFileSync(base, file)
      const at = Math.floor(((k + 0.5) / KILLS) * probe.ms)
      const run = await runImporter(script, file, pkg, at)
      const after = await openBackend({ file, autoBackup: false })
      expect(after.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
      // What the laptop holds of the package: ops in its log, or — a blank laptop joins from a package
      // for anyone in bulk (db/sync/bootstrap.ts) — each field's winner in sync_snapshot. This package
      // only creates, so every op is a winner and the two counts add up to the package's.
      const held = (
        after.ctx.sqlite
          .prepare("SELECT (SELECT count(*) FROM sync_operation WHERE source != 'local') + (SELECT count(*) FROM sync_snapshot, json_each(sync_snapshot.ops)) AS n")
          .get() as { n: number }
      ).n
      expect([0, opCount], 'none or all of the package').toContain(held)
      if (run.killed && held === 0) killedMidway += 1
      const again = await importPackage(after.ctx, bytes, 'retry')
      expect(again.applied, 'nothing applied twice').toBe(opCount - held)
      expect(contentHash(after.ctx.sqlite)).toBe(expected)
      await after.close()
    }
    expect(killedMidway, 'some kills landed inside the import').toBeGreaterThan(0)
  }, 600_000)
})
