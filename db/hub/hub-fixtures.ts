// Test fixtures for the hub: a hub database in the throwaway cluster, initialised for a founder's
// team, with one PostgreSQL login role per officer holding exactly the printed GRANTs.
import { expect } from 'vitest'
import type { TestBackend } from '../../tests/support/backend'
import type { PgCluster } from '../../tests/support/postgres'
import { inTransaction } from '../context'
import type { HubStatus } from '../domain/hub'
import { contentHash } from '../sync/content-hash'
import { ensureTeam } from '../sync/package'
import { initHub } from './init'
import { officerGrants } from './schema-sql'

let hubs = 0

export interface TestHub {
  name: string
  teamId: string
  /** The URL an officer's laptop uses (its own role and password). */
  officerUrl(officer: string): string
  /** Runs SQL as the hub's administrator. */
  admin<T>(sql: string, params?: unknown[]): Promise<T[]>
}

export async function createTestHub(pg: PgCluster, founder: TestBackend, officers: string[]): Promise<TestHub> {
  const name = `hub${++hubs}_${process.pid}`
  await pg.createDatabase(name)
  const { ctx } = founder.env
  const teamId = await inTransaction(ctx, async () => ensureTeam(ctx))
  await initHub({ url: pg.url(name), password: null, team: { id: teamId, name: '槐荫区招商团队' } })
  for (const officer of officers) {
    const role = `${name}_${officer}`
    await pg.createRole(role, `pw-${officer}`)
    await pg.admin(name, async (client) => {
      for (const grant of officerGrants(role)) await client.query(grant)
    })
  }
  return {
    name,
    teamId,
    officerUrl: (officer) => pg.url(name, `${name}_${officer}`, `pw-${officer}`),
    admin: (sql, params) => pg.admin(name, async (client) => (await client.query(sql, params)).rows),
  }
}

export async function connectToHub(backend: TestBackend, hub: TestHub, officer: string): Promise<void> {
  await backend.call('hub-configure', { url: hub.officerUrl(officer) })
}

/** One sync on demand, waited for; fails the test with the status's error. */
export async function syncNow(backend: TestBackend): Promise<HubStatus> {
  const status = await backend.call('hub-sync-now', { wait: true })
  expect(status.lastError).toBeNull()
  return status
}

export const hashOf = (backend: TestBackend): string => contentHash(backend.env.ctx.sqlite)
