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
    mkdirSync(join(rendererDir, 'assets'))
    writeFileSync(join(rendererDir, 'assets', 'index-CO5kqlCM.js'), 'export {}')
    writeFileSync(join(rendererDir, 'assets', 'notes.js'), 'export {}')
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

  const launchOf = (url: string) => new URL(url).searchParams.get('token')!
  const openSession = (launch: string | undefined) =>
    send(server.port, '/session', { method: 'POST', headers: { host, ...(launch ? { 'x-crm-launch': launch } : {}) } })

  it('prints a loopback URL carrying a one-time launch token, a new one each time, never the API secret', () => {
    const pattern = new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{20,}$`)
    const [first, second] = [server.url, server.url]
    expect(first).toMatch(pattern)
    expect(launchOf(first)).not.toBe(launchOf(second))
    expect(first).not.toContain(server.token)
  })

  it('serves the page to anyone on loopback (it holds no data), with a CSP and never a cookie', async () => {
    for (const path of ['/', `/?token=${launchOf(server.url)}`, '/index.html']) {
      const page = await send(server.port, path, { headers: { host } })
      expect(page.status).toBe(200)
      expect(page.headers['content-security-policy']).toContain("default-src 'self'")
      expect(page.headers['set-cookie']).toBeUndefined()
    }
  })

  it('exchanges a launch token once for a session that opens the API', async () => {
    const launch = launchOf(server.url)
    const opened = await openSession(launch)
    expect(opened.status).toBe(200)
    const { session } = JSON.parse(opened.body).value as { session: string }
    expect(session).toMatch(/^[A-Za-z0-9_-]{20,}$/)
    // Spent: the URL left in the browser's history opens nothing.
    expect((await openSession(launch)).status).toBe(403)
    expect((await openSession('made-up')).status).toBe(403)
    expect((await openSession(undefined)).status).toBe(403)
    expect((await openSession(server.token)).status).toBe(403)
    const listed = await apiCall('district-list', {}, { 'x-crm-token': '', 'x-crm-session': session })
    expect(listed.status).toBe(200)
    expect((await apiCall('district-list', {}, { 'x-crm-token': '', 'x-crm-session': launch })).status).toBe(403)
    expect((await apiCall('district-list', {}, { 'x-crm-token': '', 'x-crm-session': 'made-up' })).status).toBe(403)
    // A session from a foreign page cannot be asked for: the Origin is checked first.
    const foreign = await send(server.port, '/session', { method: 'POST', headers: { host, origin: 'http://127.0.0.1:1', 'x-crm-launch': launchOf(server.url) } })
    expect(foreign.status).toBe(403)
  })

  it('answers the API only with a session or the secret header, a loopback Host and no foreign Origin', async () => {
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

  it('lets the browser keep the hashed assets of the build (the next navigation compiles nothing again), and nothing else', async () => {
    const hashed = await send(server.port, '/assets/index-CO5kqlCM.js', { headers: { host } })
    expect(hashed.status).toBe(200)
    expect(hashed.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    // index.html names the current hashes: always fetched anew, as are names without a hash.
    for (const path of ['/', '/index.html', '/assets/notes.js']) {
      const reply = await send(server.port, path, { headers: { host } })
      expect(reply.status).toBe(200)
      expect(reply.headers['cache-control']).toBe('no-store')
    }
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const reply = await send(server.port, path, { headers: { host } })
      expect(reply.body).not.toContain(secret)
      expect(reply.status).toBe(404)
    }
  })
})
