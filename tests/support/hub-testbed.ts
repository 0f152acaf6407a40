// The set-up hub suites share: one throwaway PostgreSQL cluster for the suite, and laptops (test
// backends on their own databases) that close after each test. Call inside `describe`; `cluster`
// is there from `beforeAll` on.
import { afterAll, afterEach, beforeAll } from 'vitest'
import { type TestBackend, testBackend } from './backend'
import { type PgCluster, startPostgres } from './postgres'

export interface HubTestBed {
  cluster: PgCluster
  /** A fresh laptop on its own clock; closed after the test. */
  laptop(now?: string): Promise<TestBackend>
}

export function hubTestBed(): HubTestBed {
  const open: TestBackend[] = []
  const bed = {
    laptop: async (now = '2026-11-27T09:00:00+08:00') => {
      const backend = await testBackend({ now })
      open.push(backend)
      return backend
    },
  } as HubTestBed
  beforeAll(async () => {
    bed.cluster = await startPostgres()
  }, 180_000)
  afterAll(async () => bed.cluster?.stop(), 60_000)
  afterEach(async () => {
    for (const backend of open.splice(0)) await backend.close()
  })
  return bed
}
