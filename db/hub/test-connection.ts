// 测试连接: connects once and says in plain words what it found (server, TLS, whether hub init has
// run, how many teams), or what is wrong and what to do. Explicitly asked for, so it may wait on the network.
import type { Ctx } from '../context'
import type { HubTestResult } from '../domain/hub'
import { connectHub, describeHubError } from './connect'
import { LOG_SCHEMA } from './schema-sql'
import { loadHubConnection, splitPassword } from './settings'

export async function testHubConnection(ctx: Ctx, input: { url?: string; password?: string }): Promise<HubTestResult> {
  const stored = loadHubConnection(ctx.sqlite)
  const typed = input.url ? splitPassword(input.url) : null
  const url = typed?.url ?? stored?.url
  if (!url) return { ok: false, message: '请先填写中心库地址。', serverVersion: null, tls: false, initialized: false, teams: 0 }
  const password = input.password || typed?.password || (stored && stored.url === url ? stored.password : null)
  try {
    const hub = await connectHub({ url, password, timeoutSeconds: 10 })
    try {
      const server = await hub.client.query<{ version: string; present: boolean }>(
        `SELECT current_setting('server_version') AS version, to_regclass('${LOG_SCHEMA}.team') IS NOT NULL AS present`,
      )
      const { version, present } = server.rows[0]!
      const teams = present ? Number((await hub.client.query<{ n: string }>(`SELECT count(*) AS n FROM ${LOG_SCHEMA}.team`)).rows[0]!.n) : 0
      const tls = hub.tls ? '加密连接（TLS）' : '未加密连接（服务器未提供 TLS）'
      return {
        ok: present,
        message: present
          ? `连接成功：PostgreSQL ${version}，${tls}，中心库中有 ${teams} 个团队。`
          : `已连上 PostgreSQL ${version}，但中心库尚未初始化：请管理员运行 npm run cli -- hub init --url …`,
        serverVersion: version,
        tls: hub.tls,
        initialized: present,
        teams,
      }
    } finally {
      await hub.close()
    }
  } catch (error) {
    return { ok: false, message: describeHubError(error), serverVersion: null, tls: false, initialized: false, teams: 0 }
  }
}
