// Opening a connection to the hub with node-postgres. TLS like libpq's default `sslmode=prefer`:
// try TLS first and fall back to a plain connection only when the server offers none. An explicit
// `?sslmode=disable|require|verify-full` in the URL is honoured.
import { createRequire } from 'node:module'
import type pg from 'pg'

// node-postgres takes a tenth of a second or more to load: only when a hub is contacted, not at
// every start of the command line or the backend.
const loadPg = (): typeof pg => createRequire(import.meta.url)('pg') as typeof pg

export interface HubConnectOptions {
  url: string
  password: string | null
  /** Seconds before giving up on connecting (the network may be gone). */
  timeoutSeconds?: number
  /** An administrator's command (`hub compact`): its statements run as long as they need, since a
   * city hub's compaction is one statement over the whole log. The background sync keeps its limits. */
  unlimited?: boolean
  /** Queries are sent as they are asked, without waiting for the answers to those before (node-postgres's
   * pipeline mode): a reader asks for its next pages while it writes one (db/hub/bootstrap.ts). */
  pipeline?: boolean
}

export interface HubClient {
  client: pg.Client
  /** Whether the connection is encrypted. */
  tls: boolean
  /** Another connection to the same hub with the same settings, in pipeline mode. */
  pipelined(): Promise<HubClient>
  close(): Promise<void>
}

type SslMode = 'disable' | 'prefer' | 'require' | 'verify-full'

function parse(url: string, password: string | null): { connectionString: string; mode: SslMode } {
  const parsed = new URL(url)
  // pg lets the connection string override a separate `password` option, so it goes in the URL.
  if (password) parsed.password = encodeURIComponent(password)
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new HubConfigError('中心库地址应以 postgres:// 开头，例如 postgres://zhang@10.0.0.5:5432/crm')
  }
  const raw = parsed.searchParams.get('sslmode') ?? 'prefer'
  parsed.searchParams.delete('sslmode')
  const mode: SslMode = raw === 'disable' ? 'disable' : raw === 'require' ? 'require' : raw.startsWith('verify') ? 'verify-full' : 'prefer'
  return { connectionString: parsed.toString(), mode }
}

export class HubConfigError extends Error {}

async function open(options: HubConnectOptions, connectionString: string, ssl: pg.ClientConfig['ssl']): Promise<pg.Client> {
  const client = new (loadPg().Client)({
    connectionString,
    ssl,
    connectionTimeoutMillis: (options.timeoutSeconds ?? 15) * 1000,
    application_name: 'zhaoshang-crm',
    // A hub that stops answering mid-sync must not hang the background sync forever.
    statement_timeout: options.unlimited ? 0 : 120_000,
    query_timeout: options.unlimited ? undefined : 150_000,
    keepAlive: true,
    pipeline: options.pipeline === true,
  })
  // An idle connection that dies (network gone) emits 'error'; without a listener Node would crash.
  client.on('error', () => {})
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => {})
    throw error
  }
  return client
}

export async function connectHub(options: HubConnectOptions): Promise<HubClient> {
  const { connectionString, mode } = parse(options.url, options.password)
  let client: pg.Client
  let tls = mode !== 'disable'
  if (mode === 'disable') client = await open(options, connectionString, false)
  else if (mode === 'verify-full') client = await open(options, connectionString, { rejectUnauthorized: true })
  else if (mode === 'require') client = await open(options, connectionString, { rejectUnauthorized: false })
  else {
    try {
      client = await open(options, connectionString, { rejectUnauthorized: false })
    } catch (error) {
      if (!/does not support SSL/i.test((error as Error).message)) throw error
      tls = false
      client = await open(options, connectionString, false)
    }
  }
  return { client, tls, pipelined: () => connectHub({ ...options, pipeline: true }), close: () => client.end().catch(() => {}) }
}

/** Plain words for what went wrong talking to the hub, with what to do. */
export function describeHubError(error: unknown): string {
  const e = error as { code?: string; message?: string }
  const message = e.message ?? String(error)
  // Our own refusals (a bad hub row, sync-core's checks, settings) are already in plain words.
  if (error instanceof HubConfigError || (error as Error).name === 'AppError' || (error as Error).name === 'HubRefusedError') return message
  switch (e.code) {
    case 'ECONNREFUSED':
      return '无法连接中心库：服务器拒绝连接。请检查地址和端口，或确认数据库服务已启动。'
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return '无法连接中心库：找不到该服务器（网络已断开或地址有误）。恢复网络后会自动重试。'
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return '无法连接中心库：网络不通或超时。数据已保存在本机，恢复网络后会自动同步。'
    case '28P01':
      return '中心库拒绝登录：用户名或密码不正确。请在 设置 → 数据同步 中重新填写。'
    case '28000':
      return '中心库拒绝登录：服务器不允许此用户从本机连接（pg_hba.conf）。请联系管理员。'
    case '3D000':
      return '中心库中没有这个数据库。请检查地址中的数据库名。'
    case '42501':
      return `中心库拒绝了操作：此用户没有权限（${message}）。请管理员按 hub init 输出的 GRANT 语句授权。`
    case '42P01':
    case '3F000':
      return '中心库尚未初始化。请管理员先运行：npm run cli -- hub init --url postgres://…'
  }
  if (/timeout/i.test(message)) return '连接中心库超时。数据已保存在本机，恢复网络后会自动同步。'
  if (/password authentication|SASL|client password must be a string/i.test(message)) return '中心库需要密码：请在 设置 → 数据同步 中填写密码。'
  return `与中心库通信失败：${message}`
}
