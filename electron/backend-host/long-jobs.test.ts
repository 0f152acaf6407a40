// Other calls during the longest job. The same run measures browser mode as it serves today (the
// backend in the server's process) as the baseline, then the backend processes, where the export
// runs in the reader while the writer answers. Only the order of answers is asserted, never a time.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../../bench/generate'
import { openBackend } from '../../db/backend'
import type { Result } from '../../db/domain/errors'
import { type WebServer, startWebServer } from '../server/web-server'
import { BackendClient } from './client'
import { type ForkedBackend, forkBackend } from './fork'

type Call = (method: string, input: unknown) => Promise<Result<unknown>>

const overHttp =
  (server: WebServer): Call =>
  async (method, input) => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { 'x-crm-token': server.token, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    })
    return (await response.json()) as Result<unknown>
  }

/** Park lists one after another while the export runs: how fast each came back, and whether before it ended. */
async function listsDuringExport(call: Call, exportStarted: () => Promise<void>) {
  let exported = false
  const exporting = call('ledger-export', {}).then((result) => {
    exported = true
    return result
  })
  await exportStarted()
  const replies: Array<{ ms: number; beforeExportEnded: boolean }> = []
  do {
    const started = performance.now()
    const list = await call('park-list', {})
    expect(list.ok).toBe(true)
    replies.push({ ms: Math.round(performance.now() - started), beforeExportEnded: !exported })
  } while (!exported)
  expect((await exporting).ok).toBe(true)
  return replies
}

const summary = (replies: Array<{ ms: number; beforeExportEnded: boolean }>) => ({
  lists: replies.length,
  firstMs: replies[0]!.ms,
  maxMs: Math.max(...replies.map((r) => r.ms)),
})

describe('a long export holds up no other call', () => {
  let dir: string
  let file: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-long-jobs-'))
    file = join(dir, 'crm.sqlite')
    await generate(file, { projects: 3_000, investors: 500, negotiations: 3_000 }, 11)
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('the writer answers park lists while the reader exports the ledger', async () => {
    const inProcess = await openBackend({ file, shell: 'web' })
    const plain = await startWebServer({ env: { ctx: inProcess.ctx, backend: inProcess, shell: 'web' }, rendererDir: dir })
    const baseline = await listsDuringExport(overHttp(plain), async () => {})
    await plain.close()
    await inProcess.close()

    const forked: ForkedBackend[] = []
    const client = new BackendClient({
      spawn: () => {
        const child = forkBackend()
        forked.push(child)
        return child
      },
      start: { file, shell: 'test' },
    })
    await client.start()
    const hosted = await listsDuringExport(
      (method, input) => client.call(method, input),
      async () => {
        while (!client.running().includes('ledger-export')) await new Promise((resolve) => setTimeout(resolve, 10))
      },
    )
    await client.close()

    console.log('park-list during a 3,000-row ledger export', { backendInServerProcess: summary(baseline), backendProcesses: summary(hosted) })
    // Asked while the export ran, every list came back before it ended: none waited for it.
    expect(hosted.slice(0, -1).every((reply) => reply.beforeExportEnded)).toBe(true)
    expect(hosted.length).toBeGreaterThan(1)
    // The export ran in a second process (the reader), not in the writer.
    expect(forked).toHaveLength(2)
  }, 300_000)
})
