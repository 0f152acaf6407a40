import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { type IncomingMessage, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMessage } from '../contract/events'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { type WebServer, startWebServer } from './web-server'

/** Opens GET /events and collects its messages until closed. */
function openStream(port: number, headers: Record<string, string>) {
  return new Promise<{ status: number; messages: EventMessage[]; next(): Promise<EventMessage>; close(): void }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/events', headers }, (res: IncomingMessage) => {
      const messages: EventMessage[] = []
      const waiting: ((m: EventMessage) => void)[] = []
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          if (!block.startsWith('data: ')) continue
          const message = JSON.parse(block.slice(6)) as EventMessage
          const waiter = waiting.shift()
          if (waiter) waiter(message)
          else messages.push(message)
        }
      })
      resolve({
        status: res.statusCode ?? 0,
        messages,
        next: () => (messages.length > 0 ? Promise.resolve(messages.shift()!) : new Promise((r) => waiting.push(r))),
        close: () => req.destroy(),
      })
    })
    req.on('error', reject)
    req.end()
  })
}

describe('browser mode streams the event channel (GET /events)', () => {
  let api: TestBackend
  let server: WebServer
  let host: string

  beforeAll(async () => {
    api = await testBackend()
    const rendererDir = join(mkdtempSync(join(tmpdir(), 'crm-events-')), 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CRM</title>')
    server = await startWebServer({ env: api.env, rendererDir })
    host = `127.0.0.1:${server.port}`
  })
  afterAll(async () => {
    await server.close()
    await api.close()
  })

  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { host, 'content-type': 'application/json', ...headers } }, (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve(text))
      })
      req.on('error', reject)
      req.end(body)
    })

  it('is refused without a session, with a made-up one, or from a foreign page', async () => {
    const refused: Record<string, string>[] = [{ host }, { host, 'x-crm-session': 'made-up' }, { host, origin: 'http://127.0.0.1:1', 'x-crm-token': server.token }]
    for (const headers of refused) {
      const stream = await openStream(server.port, headers)
      expect(stream.status).toBe(403)
      stream.close()
    }
  })

  it('sends a tab with a session the tables every write changed, whoever made it', async () => {
    const launch = new URL(server.url).searchParams.get('token')!
    const { session } = (JSON.parse(await post('/session', { 'x-crm-launch': launch })) as { value: { session: string } }).value
    const stream = await openStream(server.port, { host, 'x-crm-session': session })
    expect(stream.status).toBe(200)
    // A program calling the API with the run's secret, not this tab, writes.
    const answer = JSON.parse(await post('/api/district-create', { 'x-crm-token': server.token }, JSON.stringify({ name: '长清区' })))
    expect(answer.ok).toBe(true)
    expect(await stream.next()).toEqual({ event: 'data-changed', payload: { tables: ['district'], origin: 'test', seq: answer.changed.seq } })
    expect(answer.changed.tables).toEqual(['district'])
    stream.close()
  })
})
