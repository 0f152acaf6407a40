import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { openBackend } from '../db/backend'
import { listProjects, projectBoard } from '../db/services/project-list'
import { ProjectListQuery } from '../db/domain/project'
import { chooseParams } from './cases/queries'
async function main() {
  const backend = await openBackend({ file: process.argv[2] ?? '/tmp/bq.sqlite', lock: false, autoBackup: false })
  const params = chooseParams(backend.ctx.sqlite)
  const plain = { ...backend.ctx, db: new Kysely<any>({ dialect: new SqliteDialect({ database: backend.ctx.sqlite }), plugins: [new CamelCasePlugin()] }) }
  const q = ProjectListQuery.parse({ parkId: params.parks[0], stage: 'negotiating', minInvestment: 1e8, maxInvestment: 1e9, sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 })
  const cpu = async (label: string, fn: () => unknown, n = 100) => {
    for (let i = 0; i < 10; i++) await fn()
    const c0 = process.cpuUsage(); for (let i = 0; i < n; i++) await fn(); const c = process.cpuUsage(c0)
    console.log(label.padEnd(20), ((c.user + c.system) / n / 1000).toFixed(3), 'ms cpu')
  }
  for (let r = 0; r < 2; r++) {
    await cpu('list cached', () => listProjects(backend.ctx, q))
    await cpu('list plain', () => listProjects(plain as any, q))
    await cpu('board cached', () => projectBoard(backend.ctx, { parkId: params.parks[0] }), 30)
    await cpu('board plain', () => projectBoard(plain as any, { parkId: params.parks[0] }), 30)
  }
  await backend.close()
}
void main()
