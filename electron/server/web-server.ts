// Shell 2, browser mode: serves the built renderer and the contract at POST /api/<method> on
// 127.0.0.1 only. Every request must carry this run's random token (first in the URL, then in a
// SameSite cookie for page assets and in the X-CRM-Token header for API calls), and a loopback Host
// and Origin: that stops other local pages and DNS rebinding from reaching the data.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Result } from '../../db/domain/errors'
import { dispatch } from '../handlers/dispatch'
import type { HandlerEnv } from '../handlers/types'
import { CONTENT_SECURITY_POLICY } from '../csp'

export interface WebServerOptions {
  env: HandlerEnv
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
}

export interface WebServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = 20 * 1024 * 1024
const TOKEN_HEADER = 'x-crm-token'
const COOKIE = 'crm_token'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
}

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieToken(req: IncomingMessage): string | undefined {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === COOKIE) return rest.join('=')
  }
  return undefined
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8')
}

class BodyTooLarge extends Error {}

/** Reads the body; past the limit it keeps draining (so the client gets an answer) but stores nothing. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLarge()) : resolveBody(Buffer.concat(chunks).toString('utf8'))))
    req.on('error', reject)
  })
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rendererDir = resolve(options.rendererDir)
  let origin = ''

  const allowedHosts = (port: number) => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  let hosts = new Set<string>()

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'POST only')
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 403, 'forbidden')
    let input: unknown
    try {
      const body = await readBody(req)
      input = body ? JSON.parse(body) : {}
    } catch (error) {
      const message =
        error instanceof BodyTooLarge
          ? `请求过大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB）`
          : `请求内容不是有效的 JSON：${(error as Error).message}`
      return sendJson(res, error instanceof BodyTooLarge ? 413 : 400, { ok: false, error: { code: 'validation', message } })
    }
    let name: string
    try {
      name = decodeURIComponent(method)
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'unknown_method', message: `接口名称编码不正确：${method.slice(0, 100)}` } })
    }
    const result = await dispatch(options.env, name, input)
    sendJson(res, 200, result)
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only')
    const queryToken = url.searchParams.get('token')
    if (!sameToken(queryToken, token) && !sameToken(cookieToken(req), token)) return send(res, 403, 'forbidden')
    let decoded: string
    try {
      decoded = decodeURIComponent(url.pathname)
    } catch {
      return send(res, 400, 'bad path')
    }
    let path = normalize(decoded).replace(/^([/\\])+/, '')
    if (path === '' || path.endsWith(sep)) path = join(path, 'index.html')
    const file = join(rendererDir, path)
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'not found')
    }
    const headers: Record<string, string> = {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    }
    if (extname(file) === '.html') {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY
      headers['x-frame-options'] = 'DENY'
      headers['set-cookie'] = `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`
    }
    res.writeHead(200, headers)
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }

  const server = createServer((req, res) => {
    // No CORS headers are ever sent; foreign hosts and origins are refused before anything runs.
    if (!hosts.has(req.headers.host ?? '')) return send(res, 403, 'forbidden host')
    const requestOrigin = req.headers.origin
    if (requestOrigin !== undefined && requestOrigin !== origin && requestOrigin !== origin.replace('127.0.0.1', 'localhost')) {
      return send(res, 403, 'forbidden origin')
    }
    const url = new URL(req.url ?? '/', origin)
    const api = /^\/api\/([^/]+)$/.exec(url.pathname)
    if (api) {
      handleApi(req, res, api[1]!).catch((error: Error) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: error.message } })
      })
      return
    }
    handleStatic(req, res, url)
  })

  return new Promise((resolveServer, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      origin = `http://127.0.0.1:${port}`
      hosts = allowedHosts(port)
      resolveServer({
        url: `${origin}/?token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
