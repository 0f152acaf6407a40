import { openBackend } from '../db/backend'
import { dispatch } from '../electron/handlers/dispatch'
import { chooseParams } from './cases/queries'
async function main() {
  const backend = await openBackend({ file: '/tmp/bq.sqlite', lock: false, autoBackup: false })
  const env = { ctx: backend.ctx, backend, shell: 'test' as const }
  const params = chooseParams(backend.ctx.sqlite)
  const input = { parkId: params.parks[0], stage: 'negotiating', minInvestment: 1e8, maxInvestment: 1e9, sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 }
  for (let i = 0; i < 20; i++) await dispatch(env, 'project-list', input)
  const c0 = process.cpuUsage(); const t = performance.now()
  for (let i = 0; i < 200; i++) await dispatch(env, 'project-list', input)
  const c = process.cpuUsage(c0)
  console.log('list wall per call', (performance.now() - t) / 200, 'cpu', (c.user + c.system) / 200 / 1000)
  const { SQL } = await import('./baseline-sql')
  const t2 = performance.now()
  for (let i = 0; i < 200; i++) backend.ctx.sqlite.prepare(SQL.listPage)
  console.log('prepare listPage', (performance.now() - t2) / 200)
  await backend.close()
}
void main()
