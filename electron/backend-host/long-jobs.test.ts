// Other calls during the longest job, in browser mode. The same run measures the server with the
// backend in its own process (as browser mode had it) as the baseline, then the server over the
// backend processes, where the export runs in the reader while the writer answers. Only the order
// of answers is asserted, never a time.
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from '../../bench/generate'
import { openBackend } from '../../db/backend'
import type { Result } from '../../db/domain/errors'
import { type WebServer, startWebServer } from '../server/web-server'
import { bundled } from '../../tests/support/bundle'
import { BackendClient } from './client'
import { type ForkedBackend, forkBackend } from './fork'

type Call = (method: string, input: unknown) => Promise<Result<unknown>>

/**
 * One call over a fresh connection: a pooled keep-alive socket that the server times out while it
 * was blocked would reset the next request on it (a flake of the client, not an answer).
 */
const overHttp =
  (server: WebServer): Call =>
  (method, input) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input)
      const req = request(
        { host: '127.0.0.1', port: server.port, path: `/api/${method}`, method: 'POST', agent: false, headers: { 'x-crm-token': server.token, 'content-type': 'application/json' } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>))
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(body)
    })

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
    // child.ts bundled from source: the processes start without tsx's compile (tests/support/bundle.ts).
    const childSource = await bundled('backend-child')
    const client = new BackendClient({
      spawn: () => {
        const child = forkBackend(childSource)
        forked.push(child)
        return child
      },
      start: { file, shell: 'test' },
    })
    await client.start()
    // Browser mode as `npm run web` now serves: the server's calls go to the backend processes.
    const server = await startWebServer({ call: (method, input) => client.call(method, input), rendererDir: dir })
    const hosted = await listsDuringExport(overHttp(server), async () => {
      while (!client.running().includes('ledger-export')) await new Promise((resolve) => setTimeout(resolve, 10))
    })
    await server.close()
    await client.close()

    console.log('park-list during a 3,000-row ledger export', { backendInServerProcess: summary(baseline), backendProcesses: summary(hosted) })
    // Asked while the export ran, every list came back before it ended: none waited for it.
    expect(hosted.slice(0, -1).every((reply) => reply.beforeExportEnded)).toBe(true)
    expect(hosted.length).toBeGreaterThan(1)
    // The export ran in a second process (the reader), not in the writer.
    expect(forked).toHaveLength(2)
  }, 300_000)
})
