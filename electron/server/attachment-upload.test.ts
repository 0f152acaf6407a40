// Browser mode's streamed attachment upload against the real server, over real HTTP, into a real
// database file: 30 MB goes in and comes back byte for byte, 51 MB is refused in plain words, and
// the body reaches the disk while it is still arriving (the server does not collect it in memory).
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { type ClientRequest, type IncomingMessage, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOO_LARGE } from '../../db/domain/attachment'
import { uploadDir } from '../../db/services/attachment-uploads'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { UPLOAD_PATH } from './attachment-upload'
import { type WebServer, startWebServer } from './web-server'

const MB = 1024 * 1024

describe('browser mode: attachment upload as a stream', () => {
  let root: string
  let api: TestBackend
  let server: WebServer
  let investorId: string

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'crm-upload-'))
    mkdirSync(join(root, 'renderer'))
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>CRM</title>')
    api = await testBackend({ file: join(root, 'crm.sqlite') })
    investorId = (await api.call('investor-create', { name: '山东巨能液压有限公司' })).id
    server = await startWebServer({ env: api.env, rendererDir: join(root, 'renderer') })
  })
  afterAll(async () => {
    await server.close()
    await api.close()
    rmSync(root, { recursive: true, force: true })
  })

  /** A POST whose body the test writes piece by piece; resolves with the parsed answer. */
  function upload(query: string, headers: Record<string, string> = {}) {
    let req!: ClientRequest
    const answer = new Promise<{ status: number; body: { ok: boolean; value?: { id: string; size: number; sha256: string; fileName: string }; error?: { message: string } } }>((resolve, reject) => {
      req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `${UPLOAD_PATH}?${query}`,
          method: 'POST',
          headers: { host: `127.0.0.1:${server.port}`, 'content-type': 'application/octet-stream', 'x-crm-token': server.token, ...headers },
        },
        (res: IncomingMessage) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (text += chunk))
          // Refusals before the upload route (403) are plain text, as for the calls.
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : { ok: false, error: { message: text } } }))
        },
      )
      req.on('error', reject)
    })
    const write = (bytes: Buffer) => new Promise<void>((done) => (req.write(bytes) ? done() : req.once('drain', () => done())))
    return { req, answer, write }
  }

  const query = (fileName: string) => new URLSearchParams({ entity: 'investor', entityId: investorId, fileName }).toString()

  /** Waits (for a state, not a time) until some upload file on disk has reached `bytes`. */
  async function uploadOnDiskReaches(bytes: number): Promise<void> {
    for (;;) {
      const sizes = readdirSync(uploadDir()).map((name) => {
        try {
          return statSync(join(uploadDir(), name)).size
        } catch {
          return 0
        }
      })
      if (sizes.some((size) => size >= bytes)) return
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  it('takes 30 MB, writing it to disk while it arrives, and gives it back byte for byte', { timeout: 120_000 }, async () => {
    const content = randomBytes(30 * MB)
    const { req, answer, write } = upload(query('洽谈纪要 2026.pdf'), { 'content-length': String(content.length) })
    // Half sent, the rest held back: the first half is already in a file, not in the server's memory.
    await write(content.subarray(0, 15 * MB))
    await uploadOnDiskReaches(14 * MB)
    await write(content.subarray(15 * MB))
    req.end()
    const { status, body } = await answer
    expect(status).toBe(200)
    expect(body.ok).toBe(true)
    expect(body.value).toMatchObject({ fileName: '洽谈纪要 2026.pdf', size: content.length, sha256: createHash('sha256').update(content).digest('hex') })
    const read = await api.call('attachment-read', { id: body.value!.id })
    expect(Buffer.from(read.contentBase64, 'base64').equals(content)).toBe(true)
    expect(readdirSync(uploadDir()).filter((name) => name === body.value!.id)).toEqual([])
  })

  it('refuses 51 MB in plain words, sent without a declared length, keeping nothing', { timeout: 120_000 }, async () => {
    const before = (await api.call('attachment-list', { entity: 'investor', entityId: investorId })).length
    const leftBefore = readdirSync(uploadDir()).length
    const { req, answer, write } = upload(query('航拍视频.mp4'), { 'transfer-encoding': 'chunked' })
    const piece = randomBytes(MB)
    for (let i = 0; i < 51; i++) await write(piece)
    req.end()
    const { status, body } = await answer
    expect(status).toBe(413)
    expect(body.error?.message).toBe(TOO_LARGE)
    expect((await api.call('attachment-list', { entity: 'investor', entityId: investorId })).length).toBe(before)
    expect(readdirSync(uploadDir()).length).toBeLessThanOrEqual(leftBefore)
  })

  it('keeps the calls’ rules: no session, no upload; a bad query is refused before anything is stored', async () => {
    const anonymous = upload(query('a.txt'), { 'x-crm-token': '' })
    anonymous.req.end('x')
    expect((await anonymous.answer).status).toBe(403)
    const bad = upload(new URLSearchParams({ entity: 'park-secret', entityId: investorId, fileName: 'a.txt' }).toString())
    bad.req.end('x')
    const { status, body } = await bad.answer
    expect(status).toBe(400)
    expect(body.error?.message).toContain('附件所属的记录类别不正确')
    const gone = upload(new URLSearchParams({ entity: 'investor', entityId: '01JXXXXXXXXXXXXXXXXXXXXXXX', fileName: 'a.txt' }).toString())
    gone.req.end('hello')
    expect((await gone.answer).body.ok).toBe(false)
  })
})
