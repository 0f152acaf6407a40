import { openBackend } from '../db/backend'
import { listProjects } from '../db/services/project-list'
import { ProjectListQuery } from '../db/domain/project'
import { dispatch } from '../electron/handlers/dispatch'
import { chooseParams } from './cases/queries'
async function main() {
  const backend = await openBackend({ file: process.argv[2] ?? '/tmp/bq.sqlite', lock: false, autoBackup: false })
  const env = { ctx: backend.ctx, backend, shell: 'test' as const }
  const params = chooseParams(backend.ctx.sqlite)
  const input = { parkId: params.parks[0], stage: 'negotiating', minInvestment: 1e8, maxInvestment: 1e9, sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 }
  const cpu = async (label: string, fn: () => unknown, n = 200) => {
    for (let i = 0; i < 10; i++) await fn()
    const c0 = process.cpuUsage(); for (let i = 0; i < n; i++) await fn(); const c = process.cpuUsage(c0)
    console.log(label.padEnd(20), ((c.user + c.system) / n / 1000).toFixed(3), 'ms cpu')
  }
  await cpu('zod parse', () => ProjectListQuery.parse(input))
  const q = ProjectListQuery.parse(input)
  await cpu('listProjects', () => listProjects(backend.ctx, q))
  await cpu('dispatch', () => dispatch(env, 'project-list', input))
  await cpu('board', () => dispatch(env, 'project-board', { parkId: params.parks[0] }), 50)
  await backend.close()
}
void main()
