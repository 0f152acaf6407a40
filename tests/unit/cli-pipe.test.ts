// The command line's whole answer reaches a pipe: a 500-project list is far above the 64 KB a pipe
// buffers, and the process used to exit before standard output drained.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundled } from '../support/bundle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const CLI_TIMEOUT = 180_000

async function runPiped(args: string[]): Promise<{ code: number | null; bytes: number; text: string }> {
  // The CLI bundled from source once for the file (tests/support/bundle.ts): a real Node process per
  // command, without tsx's compile of the whole backend at every start.
  const entry = await bundled('cli')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
    const chunks: Buffer[] = []
    // Read slowly at first so the child's writes really pile up behind a full pipe.
    child.stdout.pause()
    setTimeout(() => child.stdout.resume(), 300)
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      const all = Buffer.concat(chunks)
      resolve({ code, bytes: all.length, text: all.toString('utf8') })
    })
  })
}

describe('command line output into a pipe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-cli-pipe-'))
  const file = join(dir, 'crm.sqlite')
  beforeAll(async () => {
    const seeded = await runPiped(['--db', file, 'seed-demo'])
    expect(seeded.code).toBe(0)
  }, CLI_TIMEOUT)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('delivers every byte of a large answer', async () => {
    const { code, bytes, text } = await runPiped(['--db', file, 'call', 'project-list', '{"pageSize":500}'])
    expect(code).toBe(0)
    expect(bytes).toBeGreaterThan(65_536)
    const answer = JSON.parse(text) as { rows: unknown[]; total: number }
    expect(answer.rows.length).toBe(Math.min(answer.total, 500))
  }, CLI_TIMEOUT)
})
