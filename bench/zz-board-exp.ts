import { openBackend } from '/work/main/db/backend'
import { dispatch } from '/work/main/electron/handlers/dispatch'
async function main() {
  const backend = await openBackend({ file: '/tmp/bench-full/crm.sqlite', lock: false, autoBackup: false })
  const env = { ctx: backend.ctx, backend, shell: 'test' as const }
  const s = backend.ctx.sqlite
  const parks = s.prepare('SELECT park_id FROM project WHERE park_id IS NOT NULL GROUP BY park_id ORDER BY count(*) DESC LIMIT 8').pluck().all() as string[]
  const run = async (label: string) => {
    const cpu: number[] = []; const wall: number[] = []
    for (let i = 0; i < 24; i++) { const c = process.cpuUsage(); const t = performance.now(); const r = await dispatch(env, 'project-board', { parkId: parks[i % 8] }); if (!r.ok) throw new Error('x'); wall.push(performance.now() - t); const u = process.cpuUsage(c); cpu.push((u.user + u.system) / 1000) }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!.toFixed(1)
    console.log(label, 'board wall p50', med(wall), 'cpu p50', med(cpu))
  }
  await run('before')
  s.exec('DROP INDEX project_park_stage')
  s.exec('CREATE INDEX project_park_stage ON project (park_id, stage, updated_at, total_investment_yuan) WHERE deleted_at IS NULL')
  await run('after')
  s.exec('DROP INDEX project_park_stage')
  s.exec('CREATE INDEX project_park_stage ON project (park_id, stage) WHERE deleted_at IS NULL')
  await backend.close()
}
void main()
