import { openBackend } from '../db/backend'
import { chooseParams, runQueryCases } from './cases/queries'
async function main() {
  const backend = await openBackend({ file: process.argv[2] ?? '/tmp/bq.sqlite', lock: false, autoBackup: false })
  const env = { ctx: backend.ctx, backend, shell: 'test' as const }
  const params = chooseParams(backend.ctx.sqlite)
  console.log(params)
  await runQueryCases(env, params, 20, console.log)
  await backend.close()
}
void main()
