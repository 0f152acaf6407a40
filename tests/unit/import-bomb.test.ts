// The zip bomb sent to the browser-mode server's ledger-import-preview: refused in seconds with a
// plain message, memory stays bounded, and the same server answers the next call.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type WebServer, startWebServer } from '../../electron/server/web-server'
import { type TestBackend, testBackend } from '../support/backend'
import { bombXlsx } from '../support/zip-bomb'

let web: TestBackend
let server: WebServer
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-bomb-web-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CRM</title>')
  web = await testBackend()
  web.env.shell = 'web'
  server = await startWebServer({ env: web.env, rendererDir: dir })
})

afterAll(async () => {
  await server.close()
  await web.close()
  rmSync(dir, { recursive: true, force: true })
})

const post = async (method: string, input: unknown) => {
  const reply = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-crm-token': server.token },
    body: JSON.stringify(input),
  })
  return { status: reply.status, body: (await reply.json()) as { ok: boolean; error?: { code: string; message: string } } }
}

describe('an import bomb sent to the server', () => {
  it('is refused in seconds, memory stays under 500 MB, and the server keeps serving', async () => {
    const bytes = await bombXlsx(() => 0xfffffffe)
    let peak = process.memoryUsage().rss
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
    const start = performance.now()
    const reply = await post('ledger-import-preview', { fileName: '台账.xlsx', dataBase64: bytes.toString('base64') })
    const seconds = (performance.now() - start) / 1000
    clearInterval(timer)
    expect(reply.body.ok).toBe(false)
    expect(reply.body.error).toMatchObject({ code: 'validation', message: expect.stringContaining('超过上限 200 MB') })
    expect(seconds).toBeLessThan(5)
    expect(peak / 1048576).toBeLessThan(500)

    const next = await post('project-list', {})
    expect(next.status).toBe(200)
    expect(next.body.ok).toBe(true)
  })
})
