import { openBackend } from '../db/backend'
import { filteredProjects, pageIds } from '../db/services/project-list'
import { chooseParams } from './cases/queries'
import { ProjectListQuery } from '../db/domain/project'
async function main() {
  const backend = await openBackend({ file: process.argv[2] ?? '/tmp/bq.sqlite', lock: false, autoBackup: false })
  const db = backend.ctx.db; const sqlite = backend.ctx.sqlite
  const params = chooseParams(sqlite)
  const query = ProjectListQuery.parse({ parkId: params.parks[0], stage: 'negotiating', minInvestment: 1e8, maxInvestment: 1e9, sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 })
  const qs = {
    totals: filteredProjects(db, query).select((eb) => [eb.fn.countAll().as('t'), eb.fn.sum('p.totalInvestmentYuan').as('s')]).compile(),
    page: pageIds(db, query).compile(),
  }
  for (const [name, c] of Object.entries(qs)) {
    console.log(name, c.sql)
    console.log((sqlite.prepare('EXPLAIN QUERY PLAN ' + c.sql).all(...c.parameters as any[]) as any[]).map((r) => r.detail).join('\n'))
    const st = sqlite.prepare(c.sql); const t = performance.now(); const c0 = process.cpuUsage()
    for (let i = 0; i < 50; i++) st.all(...c.parameters as any[])
    const cu = process.cpuUsage(c0)
    console.log('  exec ms', ((performance.now() - t) / 50).toFixed(3), 'cpu', ((cu.user + cu.system) / 50 / 1000).toFixed(3))
  }
  await backend.close()
}
void main()
