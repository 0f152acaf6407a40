import { openBackend } from '../db/backend'
import { listProjects } from '../db/services/project-list'
import { ProjectListQuery } from '../db/domain/project'
import { chooseParams } from './cases/queries'
import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
async function main() {
  const backend = await openBackend({ file: '/tmp/bq.sqlite', lock: false, autoBackup: false })
  const params = chooseParams(backend.ctx.sqlite)
  const q = ProjectListQuery.parse({ parkId: params.parks[0], stage: 'negotiating', minInvestment: 1e8, maxInvestment: 1e9, sort: 'totalInvestment', order: 'desc', page: 1, pageSize: 50 })
  for (let i = 0; i < 50; i++) await listProjects(backend.ctx, q)
  const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start')
  for (let i = 0; i < 500; i++) await listProjects(backend.ctx, q)
  const { profile } = await s.post('Profiler.stop') as any
  const counts = new Map(); profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)))
  const self = new Map<string, number>()
  for (const n of profile.nodes) { const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').slice(-3).join('/') + ':' + n.callFrame.lineNumber; self.set(k, (self.get(k) || 0) + (counts.get(n.id) || 0)) }
  ;[...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(6), 'ms', k))
  writeFileSync('/tmp/p.json', JSON.stringify(profile))
  await backend.close()
}
void main()
