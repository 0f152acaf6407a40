// One page for a first pull's page-check worker (db/hub/page-check-worker.ts, or a build of it),
// asked as db/hub/page-checker.ts asks: for the tests of the worker and of the built bundles.
import { Worker } from 'node:worker_threads'
import type { FromPageCheck, ToPageCheck } from '../../db/hub/page-checker'
import type { RecordShape } from '../../db/sync/snapshot-page'
import { testBackend } from './backend'

export const NOW_MS = Date.parse('2026-11-27T09:00:00Z')

/** An investor's shape on a fresh database (its derived columns need pinyin-pro in the worker). */
export async function investorShape(): Promise<RecordShape> {
  const { recordShapeOf } = await import('../../db/sync/snapshot-page')
  const laptop = await testBackend()
  try {
    return recordShapeOf(laptop.env.ctx.sqlite, 'investor')
  } finally {
    await laptop.close()
  }
}

export const investorRecord = (rowId: string, name: string, hlc = '1767603600000-0000-SEEDREPLICA0000001') =>
  [rowId, JSON.stringify({ name: [hlc, null, name], createdAt: [hlc.replace('-0000-', '-0001-'), null, '2026-01-05T09:00:00.000Z'], updatedAt: [hlc.replace('-0000-', '-0002-'), null, '2026-01-05T09:00:00.000Z'] })]

/** Starts the built worker `file` and asks it to check `pages` one after another. */
export async function askBuiltWorker(file: string, shape: RecordShape, pages: string[][][]): Promise<FromPageCheck[]> {
  const worker = new Worker(file, { workerData: { nowMs: NOW_MS } })
  try {
    const answers: FromPageCheck[] = []
    const done = new Promise<void>((resolve, reject) => {
      worker.on('message', (answer: FromPageCheck) => {
        answers.push(answer)
        if (answers.length === pages.length) resolve()
      })
      worker.on('error', reject)
    })
    pages.forEach((received, id) => worker.postMessage({ id, shape, received } satisfies ToPageCheck))
    await done
    return answers
  } finally {
    await worker.terminate()
  }
}
