// `hub init`: creates (or upgrades) the hub's schema in an existing PostgreSQL 14+ database, in one
// transaction, and registers the team. Run by the database's owner (an administrator), once per
// hub and again after an app upgrade: every statement is idempotent.
import { connectHub } from './connect'
import { HUB_SCHEMA_VERSION, LOG_SCHEMA, hubSchemaStatements } from './schema-sql'

export interface HubInitResult {
  serverVersion: string
  tls: boolean
  teamId: string | null
  /** The role that ran init: it owns the schema and the copy trigger. */
  owner: string
}

export async function initHub(options: {
  url: string
  password: string | null
  team: { id: string; name: string } | null
}): Promise<HubInitResult> {
  const hub = await connectHub({ url: options.url, password: options.password })
  try {
    const { client } = hub
    const info = await client.query<{ version: number; owner: string }>(`SELECT current_setting('server_version_num')::int AS version, current_user AS owner`)
    const { version, owner } = info.rows[0]!
    if (version < 140000) throw new Error(`中心库需要 PostgreSQL 14 或更新版本（此服务器为 ${Math.floor(version / 10000)}）。`)
    const present = await client.query<{ present: boolean }>(`SELECT to_regclass('${LOG_SCHEMA}.meta') IS NOT NULL AS present`)
    if (present.rows[0]!.present) {
      const existing = await client.query<{ value: string }>(`SELECT value FROM ${LOG_SCHEMA}.meta WHERE key = 'schema_version'`)
      const found = Number(existing.rows[0]?.value ?? 0)
      if (found > HUB_SCHEMA_VERSION) throw new Error(`此中心库由更新版本的程序创建（结构版本 ${found}），请先升级本程序。`)
    }
    await client.query('BEGIN')
    try {
      // Two administrators running init at once wait for each other instead of failing halfway.
      await client.query('SELECT pg_advisory_xact_lock(7242151500)')
      for (const statement of hubSchemaStatements()) await client.query(statement)
      if (options.team) {
        await client.query(`INSERT INTO ${LOG_SCHEMA}.team (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`, [
          options.team.id,
          options.team.name,
        ])
      }
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    }
    return { serverVersion: String(version), tls: hub.tls, teamId: options.team?.id ?? null, owner }
  } finally {
    await hub.close()
  }
}
