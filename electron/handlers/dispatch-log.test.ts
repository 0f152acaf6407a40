// Slow calls leave a line in the data folder's crm.log (method and milliseconds), so a slow office
// laptop can be diagnosed afterwards.
import Sqlite from 'better-sqlite3'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { LOG_FILE } from '../../db/log'
import { type TestBackend, testBackend } from '../../tests/support/backend'

let dir: string
let api: TestBackend
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-slow-'))
  api = await testBackend({ file: join(dir, 'crm.sqlite') })
})
afterEach(async () => {
  await api.close()
  rmSync(dir, { recursive: true, force: true })
})

it('logs a call slower than 100 ms with its method and duration', async () => {
  const pending = api.call('district-list', {})
  // The call cannot finish while this process is busy with other real work (as on a laptop where
  // a big report holds the CPU): a query on another connection that runs well over 100 ms.
  const other = new Sqlite(':memory:')
  const started = performance.now()
  while (performance.now() - started < 150) {
    other.prepare('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT count(*) FROM n').get()
  }
  other.close()
  await pending
  const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  const slow = lines.find((line) => line.event === 'slow_call' && line.method === 'district-list')
  expect(slow).toMatchObject({ ok: true })
  expect(slow!.ms).toBeGreaterThan(100)
})
