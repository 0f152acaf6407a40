import { openBackend } from '../db/backend'
import { selectNamed } from '../db/services/projects'
import { pageIds } from '../db/services/project-list'
import { chooseParams } from './cases/queries'
import { ProjectListQuery } from '../db/domain/project'
async function main() {
  const backend = await openBackend({ file: process.argv[2] ?? '/tmp/bq.sqlite', lock: false, autoBackup: false })
  const db = backend.ctx.db; const sqlite = backend.ctx.sqlite
  const params = chooseParams(sqlite)
  const query = ProjectListQuery.parse({ parkId: params.parks[0], stage: 'negotiating', minInvestment: 1e8, maxInvestment: 1e9, sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 })
  const ids = (await pageIds(db, query).execute()).map((r) => r.id)
  console.log('ids', ids.length)
  const qs = {
    named: selectNamed(db).where('p.id', 'in', ids).compile(),
    tags: db.selectFrom('projectTag as pt').innerJoin('tag as t', 't.id', 'pt.tagId').select(['pt.projectId', 't.id', 't.name', 't.color']).where('pt.projectId', 'in', ids).where('t.deletedAt', 'is', null).orderBy('t.name').compile(),
  }
  for (const [name, c] of Object.entries(qs)) {
    console.log((sqlite.prepare('EXPLAIN QUERY PLAN ' + c.sql).all(...c.parameters as any[]) as any[]).map((r) => r.detail).join('\n'))
    const st = sqlite.prepare(c.sql); const c0 = process.cpuUsage()
    for (let i = 0; i < 100; i++) st.all(...c.parameters as any[])
    const cu = process.cpuUsage(c0)
    console.log(name, '  exec cpu ms', ((cu.user + cu.system) / 100 / 1000).toFixed(3))
  }
  await backend.close()
}
void main()
