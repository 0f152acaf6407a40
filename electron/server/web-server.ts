// Shell 2, browser mode: serves the built renderer and the contract at POST /api/<method> on
// 127.0.0.1 only, to a loopback Host and Origin (that stops other sites and DNS rebinding).
//
// Credentials never travel in a cookie: cookies ignore ports, so every other server on 127.0.0.1
// would receive one. Instead the printed URL carries a one-time launch token; the page takes it out
// of the address bar and exchanges it (POST /session) for a session id it keeps in sessionStorage
// and sends as the X-CRM-Session header. The launch token is then spent, so the URL left in the
// browser's history opens nothing. Tabs the app opens get the session from an open app tab over a
// BroadcastChannel (same origin: same port). The page itself is public code without data, so it is
// served to anyone on loopback: a bare URL shows how to open the app instead of a refusal.
// The event channel (data changed, job progress, reminders) streams at GET /events under the same
// session rules, as server-sent events the page reads with fetch() and the session header.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Result } from '../../db/domain/errors'
import { dispatch } from '../handlers/dispatch'
import { EventBus } from '../handlers/events-bus'
import type { HandlerEnv } from '../handlers/types'
import { CONTENT_SECURITY_POLICY } from '../csp'
import { contentTypeOf } from '../content-type'
import { UPLOAD_PATH, handleAttachmentUpload } from './attachment-upload'

export interface WebServerOptions {
  /** The backend in this process (tests); `npm run web` passes `call` to its backend processes instead. */
  env?: HandlerEnv
  /** Answers one API call; default: dispatch on env in this process. */
  call?: (method: string, input: unknown) => Promise<Result<unknown>>
  /** Where the event stream comes from; default env.events (made when the env has none). */
  events?: Pick<EventBus, 'subscribe'>
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
}

export interface WebServer {
  /** A fresh one-time launch URL each time it is read (printed once at start; tests open several). */
  readonly url: string
  port: number
  /** The run's secret for programs that call the API directly (X-CRM-Token); never in a URL or cookie. */
  token: string
  close(): Promise<void>
}

const MAX_BODY_BYTES = 20 * 1024 * 1024
const TOKEN_HEADER = 'x-crm-token'
const SESSION_HEADER = 'x-crm-session'
const LAUNCH_HEADER = 'x-crm-launch'
/** Sessions are for people: enough tabs and reloads for a working day, not a store that grows without end. */
const MAX_SESSIONS = 1000

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

const newSecret = () => randomBytes(24).toString('base64url')

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  res.end(body)
}

/**
 * The build's assets carry a hash of their content in their names (assets/index-CO5kqlCM.js), so a
 * browser may keep them for good: the next navigation then reads the script from its cache and
 * Chromium reuses the code it compiled from it, instead of fetching, parsing and compiling about
 * 2 MB again. index.html (which names the current hashes) and everything else is fetched anew.
 */
export function cacheControlOf(path: string): string {
  return /^assets[/\\][^/\\]+-[\w-]{8}\.(?:js|css|woff2?|png|svg)$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-store'
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
  const { env } = options
  if (!options.call && !env) throw new Error('startWebServer: env or call is required')
  const call = options.call ?? ((method: string, input: unknown) => dispatch(env!, method, input))
  const token = options.token ?? newSecret()
  // One-time launch tokens not yet exchanged, and the sessions they became.
  const launches = new Set<string>()
  const sessions = new Set<string>()
  const header = (req: IncomingMessage, name: string) => {
    const value = req.headers[name]
    return typeof value === 'string' ? value : undefined
  }
  const authorized = (req: IncomingMessage) => {
    const session = header(req, SESSION_HEADER)
    return sameToken(header(req, TOKEN_HEADER), token) || (session !== undefined && sessions.has(session))
  }

  /** POST /session with X-CRM-Launch: spends the launch token, answers a new session id. */
  function openSession(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'POST') return send(res, 405, 'POST only')
    const launch = header(req, LAUNCH_HEADER)
    if (!launch || !launches.delete(launch)) {
      return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: '启动地址无效或已使用过' } })
    }
    if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.values().next().value!)
    const session = newSecret()
    sessions.add(session)
    sendJson(res, 200, { ok: true, value: { session } })
  }
  const rendererDir = resolve(options.rendererDir)
  let origin = ''

  const allowedHosts = (port: number) => new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  let hosts = new Set<string>()

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'POST only')
    if (!authorized(req)) return send(res, 403, 'forbidden')
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
    const result = await call(name, input)
    sendJson(res, 200, result)
  }

  const events = options.events ?? (env ? (env.events ??= new EventBus()) : new EventBus())

  /**
   * GET /events: the event channel as server-sent events, under the same rules as the calls. The
   * page reads it with fetch() and the session header (EventSource cannot send headers, and a
   * credential in the URL would land in history and in other servers' logs).
   */
  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET') return send(res, 405, 'GET only')
    if (!authorized(req)) return send(res, 403, 'forbidden')
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    // A first comment line: the page knows the stream is open before any event happens.
    res.write(': open\n\n')
    const off = events.subscribe((message) => void res.write(`data: ${JSON.stringify(message)}\n\n`))
    req.on('close', off)
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only')
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
      'content-type': contentTypeOf(file),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': cacheControlOf(path),
    }
    if (extname(file) === '.html') {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY
      headers['x-frame-options'] = 'DENY'
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
    if (url.pathname === '/session') return openSession(req, res)
    if (url.pathname === '/events') return handleEvents(req, res)
    // Attachments stream as the request body (up to 50 MB), not as base64 inside a call.
    if (url.pathname === UPLOAD_PATH) {
      if (!authorized(req)) return send(res, 403, 'forbidden')
      handleAttachmentUpload(req, res, url, call).catch((error: Error) => {
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: error.message } })
      })
      return
    }
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
        get url() {
          const launch = newSecret()
          launches.add(launch)
          return `${origin}/?token=${launch}`
        },
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
