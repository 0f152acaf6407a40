import { it } from 'vitest'
import { ProjectListQuery } from './domain/project'
import { testBackend } from '../tests/support/backend'
import { listProjects, projectBoard } from './services/project-list'
it('bench', async () => {
  const api = await testBackend()
  const s = api.env.ctx.sqlite
  s.exec(`INSERT INTO district (id, created_at, updated_at, name) VALUES ('D0','x','x','区0'),('D1','x','x','区1')`)
  for (let k = 0; k < 20; k++) s.exec(`INSERT INTO park (id, created_at, updated_at, district_id, name) VALUES ('K${k}','x','x','D${k % 2}','园${k}')`)
  s.exec(`INSERT INTO user (id, created_at, updated_at, name, role) VALUES ('U0','x','x','张','staff'),('U1','x','x','李','staff')`)
  const stages = ['lead','contacted','negotiating','signed','registered','started','completed','operating','evaluated','on_hold','lost','terminated']
  const ins = s.prepare(`INSERT INTO project (id, created_at, updated_at, name, search_keys, stage, stage_on, reserve_on, park_id, district_id, owner_id, total_investment_yuan, signed_on, progress)
    VALUES (?, ?, ?, ?, ?, ?, '2025-01-01', ?, ?, ?, ?, ?, ?, ?)`)
  s.exec('DROP TRIGGER project_search_ai')
  s.transaction(() => {
    for (let i = 0; i < 100000; i++) {
      const k = i % 20
      ins.run(`01J${String(i).padStart(23,'0')}`, 'x', `2025-${String(1 + (i % 12)).padStart(2,'0')}-01T00:00:00Z`, `项目${i}`, `xiangmu${i} xm${i}`, stages[i % 12 === 11 ? 11 : i % 11], `2025-${String(1 + (i % 12)).padStart(2,'0')}-01`, `K${k}`, `D${k % 2}`, `U${i % 2}`, i * 1000, i % 3 ? '2025-03-01' : null, '进展'.repeat(30))
    }
  })()
  const time = async (label: string, f: () => Promise<unknown>) => {
    let best = 1e9
    for (let r = 0; r < 3; r++) { const t = performance.now(); await f(); best = Math.min(best, performance.now() - t) }
    console.log(label, best.toFixed(1))
  }
  const list = (q: unknown) => () => listProjects(api.env.ctx, ProjectListQuery.parse(q))
  await time('all', list({}))
  await time('park+stage', list({ parkId: 'K3', stage: 'signed' }))
  await time('district by amount', list({ districtId: 'D1', sort: 'totalInvestment', order: 'desc' }))
  await time('text', list({ text: 'xm999' }))
  await time('name sort page 500', list({ sort: 'name', page: 500 }))
  await time('signed range', list({ signedOnFrom: '2025-01-01', signedOnTo: '2025-12-31', sort: 'signedOn' }))
  await time('board', () => projectBoard(api.env.ctx, {}))
  await time('board park', () => projectBoard(api.env.ctx, { parkId: 'K2' }))
  await time('board owner', () => projectBoard(api.env.ctx, { ownerId: 'U1' }))
  await api.close()
}, 120000)
