// Migration 0007 fills the report facts of a database made before it (an older file opened or a
// backup restored), and from then on its triggers keep them; the fill is the same SQL as the
// triggers' (the property test in db/services/reports compares both with the old report queries).
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { expect, it } from 'vitest'
import * as m0001 from './0001-foundation'
import * as m0002 from './0002-domain'
import * as m0003 from './0003-import-batch'
import * as m0004 from './0004-sync'
import * as m0005 from './0005-client-request'
import * as m0006 from './0006-agreement-parties'
import * as m0007 from './0007-report-facts'

const AT = '2024-01-01T00:00:00Z'

it('fills the facts of the projects already there, then keeps them on the next write', async () => {
  const sqlite = new Sqlite(':memory:')
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) })
  // The database as 0006 left it (imported one by one: a migration's test is frozen with it).
  for (const step of [m0001, m0002, m0003, m0004, m0005, m0006]) await step.up(db)
  const project = sqlite.prepare(`INSERT INTO project (id, created_at, updated_at, name, stage, stage_on, reserve_on, signed_on, total_investment_yuan)
    VALUES (?, '${AT}', '${AT}', ?, ?, ?, ?, ?, ?)`)
  const event = sqlite.prepare(`INSERT INTO stage_event (id, created_at, updated_at, project_id, from_stage, to_stage, happened_on) VALUES (?, '${AT}', '${AT}', ?, ?, ?, ?)`)
  // P1: reserve 01-01, contacted 01-11, signed 03-31 with an agreement of 03-15 (the earlier date wins).
  project.run('P1', '甲', 'signed', '2024-03-31', '2024-01-01', '2024-03-31', 1_000_000_000)
  event.run('E1', 'P1', 'lead', 'contacted', '2024-01-11')
  event.run('E2', 'P1', 'contacted', 'signed', '2024-03-31')
  sqlite.prepare(`INSERT INTO agreement (id, created_at, updated_at, project_id, type, signed_on, amount_yuan) VALUES ('A1', '${AT}', '${AT}', 'P1', 'investment', '2024-03-15', 800000000)`).run()
  // P2: lost after talks, never signed: reach 在谈 from its events.
  project.run('P2', '乙', 'lost', '2024-05-01', '2024-02-01', null, null)
  event.run('E3', 'P2', 'lead', 'negotiating', '2024-03-01')
  event.run('E4', 'P2', 'negotiating', 'lost', '2024-05-01')

  await m0007.up(db)
  const facts = () => sqlite.prepare('SELECT project_id, signed_on, reach_rank, signed_amount_yuan FROM project_report ORDER BY project_id').all()
  const stays = () => sqlite.prepare('SELECT project_id, stage, days FROM project_stay ORDER BY project_id, stage').all()
  expect(facts()).toEqual([
    { project_id: 'P1', signed_on: '2024-03-15', reach_rank: 3, signed_amount_yuan: 800_000_000 },
    { project_id: 'P2', signed_on: null, reach_rank: 2, signed_amount_yuan: 0 },
  ])
  expect(stays()).toEqual([
    { project_id: 'P1', stage: 'contacted', days: 80 },
    { project_id: 'P1', stage: 'lead', days: 10 },
    { project_id: 'P2', stage: 'lead', days: 29 },
    { project_id: 'P2', stage: 'negotiating', days: 61 },
  ])

  // The next write keeps them: the agreement is deleted, so 签约 falls back to signed_on and 总投资.
  sqlite.prepare(`UPDATE agreement SET deleted_at = '${AT}' WHERE id = 'A1'`).run()
  expect(facts()[0]).toEqual({ project_id: 'P1', signed_on: '2024-03-31', reach_rank: 3, signed_amount_yuan: 1_000_000_000 })
  await db.destroy()
})
