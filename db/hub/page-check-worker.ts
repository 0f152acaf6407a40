// The worker thread of a first pull from the hub (page-checker.ts): parses each page the hub sends,
// checks it whole with the clocks of every page before, and shapes its rows (snapshot-page.ts), while
// the backend's thread writes the page before. Built beside the backend's bundles as
// page-check-worker.cjs (electron.vite.config.ts, scripts/build-cli.mjs); from source, page-check-worker-source.cjs
// runs it through tsx.
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../domain/errors'
import { ClockSet } from '../sync/clock-set'
import { checkPage } from '../sync/snapshot-page'
import { parsePage } from './page'
import type { FromPageCheck, ToPageCheck } from './page-checker'

const clocks = new ClockSet()
const { nowMs } = workerData as { nowMs: number }

parentPort!.on('message', ({ id, shape, received }: ToPageCheck) => {
  let answer: FromPageCheck
  try {
    answer = { id, checked: checkPage(shape, parsePage(received), nowMs, clocks) }
  } catch (error) {
    const { code, message, details } = error instanceof AppError ? error : { code: 'internal' as const, message: String(error), details: undefined }
    answer = { id, error: { code, message, details } }
  }
  parentPort!.postMessage(answer)
})
