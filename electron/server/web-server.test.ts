import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestBackend, testBackend } from '../../tests/support/backend'
import { type WebServer, startWebServer } from './web-server'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, so tests can send any Host and Origin header (fetch would not let us). */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    if (options.body) req.write(options.body)
    req.end()
  })
}

describe('browser-mode server', () => {
  let api: TestBackend
  let server: WebServer
  let host: string
  const secret = 'not-served'

  beforeAll(async () => {
    api = await testBackend()
    const root = mkdtempSync(join(tmpdir(), 'crm-web-'))
    const rendererDir = join(root, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CRM</title>')
    writeFileSync(join(root, 'secret.txt'), secret)
    server = await startWebServer({ env: api.env, rendererDir })
    host = `127.0.0.1:${server.port}`
  })
  afterAll(async () => {
    await server.close()
    await api.close()
  })

  const apiCall = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server.port, `/api/${method}`, {
      method: 'POST',
      headers: { host, 'content-type': 'application/json', 'x-crm-token': server.token, ...headers },
      body: JSON.stringify(body),
    })

  it('prints a loopback URL carrying the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{20,}$`))
  })

  it('serves the page with the token, sets a strict cookie and a CSP, and refuses it without', async () => {
    const ok = await send(server.port, `/?token=${server.token}`, { headers: { host } })
    expect(ok.status).toBe(200)
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'")
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    expect((await send(server.port, '/', { headers: { host } })).status).toBe(403)
    expect((await send(server.port, '/?token=wrong', { headers: { host } })).status).toBe(403)
    const cookie = await send(server.port, '/index.html', { headers: { host, cookie: `crm_token=${server.token}` } })
    expect(cookie.status).toBe(200)
  })

  it('answers the API only with the token header, a loopback Host and no foreign Origin', async () => {
    const ok = await apiCall('district-create', { name: '槐荫区' })
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { name: '槐荫区' } })
    expect(ok.headers['access-control-allow-origin']).toBeUndefined()

    expect((await apiCall('district-list', {}, { 'x-crm-token': 'wrong' })).status).toBe(403)
    const cookieOnly = await send(server.port, '/api/district-list', {
      method: 'POST',
      headers: { host, cookie: `crm_token=${server.token}` },
      body: '{}',
    })
    expect(cookieOnly.status).toBe(403)
    expect((await apiCall('district-list', {}, { host: 'evil.example:80' })).status).toBe(403)
    expect((await apiCall('district-list', {}, { host: `attacker.test:${server.port}` })).status).toBe(403)
    expect((await apiCall('district-list', {}, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await apiCall('district-list', {}, { origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403)
    expect((await apiCall('district-list', {}, { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200)
    const preflight = await send(server.port, '/api/district-list', { method: 'OPTIONS', headers: { host, origin: 'http://evil.example' } })
    expect(preflight.status).toBe(403)
  })

  it('turns bad requests into typed errors', async () => {
    const broken = await send(server.port, '/api/district-create', {
      method: 'POST',
      headers: { host, 'x-crm-token': server.token },
      body: '{not json',
    })
    expect(broken.status).toBe(400)
    expect(JSON.parse(broken.body).error.code).toBe('validation')
    expect(JSON.parse((await apiCall('no-such-thing', {})).body).error.code).toBe('unknown_method')
    expect(JSON.parse((await apiCall('district-create', { name: 7 })).body).error.code).toBe('validation')
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const reply = await send(server.port, `${path}?token=${server.token}`, { headers: { host } })
      expect(reply.body).not.toContain(secret)
      expect(reply.status).toBe(404)
    }
  })
})
