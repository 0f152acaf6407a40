// The child process of the hub crash test (tests/unit/hub-crash.test.ts): opens a database file
// whose hub is already configured and syncs in small batches, printing a line after each pushed
// batch or applied page, until the parent kills it with SIGKILL (or it ends: prints DONE).
import { openBackend } from '../../db/backend'
import { syncWithHub } from '../../db/hub/sync'

const [file, now] = process.argv.slice(2)
const backend = await openBackend({ file: file!, autoBackup: false, shell: 'cli', now: () => new Date(now!) })
await syncWithHub(backend.ctx, {
  pushBatch: 40,
  pullPage: 40,
  onStep: ({ kind, count }) => process.stdout.write(`${kind} ${count}\n`),
})
await backend.close()
process.stdout.write('DONE\n')
