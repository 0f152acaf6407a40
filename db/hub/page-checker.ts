// Who checks a first pull's pages (parse, check, shape: snapshot-page.ts). At city size that is a
// fifth of the pull's CPU, so it runs in a worker thread (page-check-worker.ts) beside this thread,
// which writes each page while the worker checks the next; the worker keeps the clocks of every page
// it checked, to refuse one seen twice. Where the worker's file is not there (a build without it),
// the same checks run in place, one page after another.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../domain/errors'
import { ClockSet } from '../sync/clock-set'
import { type CheckedPage, type RecordShape, checkPage } from '../sync/snapshot-page'
import { type ReceivedPage, parsePage } from './page'

export interface ToPageCheck {
  id: number
  shape: RecordShape
  received: ReceivedPage
}

export type FromPageCheck = { id: number; checked: CheckedPage } | { id: number; error: { code: ErrorCode; message: string; details: unknown } }

export interface PageChecker {
  /** The page checked whole against the table's shape, after every page asked for before it. */
  check(shape: RecordShape, received: ReceivedPage): Promise<CheckedPage>
  close(): Promise<void>
}

/**
 * The worker's file for this module at `moduleUrl`: in a bundle (out/main, out/cli) the built worker
 * beside it, otherwise (tests, browser mode, the command line before it is built) the file that runs
 * its TypeScript source through tsx (page-check-worker-source.cjs).
 */
export function pageCheckWorkerFile(moduleUrl: string): string {
  return fileURLToPath(new URL(moduleUrl.endsWith('.ts') ? './page-check-worker-source.cjs' : './page-check-worker.cjs', moduleUrl))
}

/** The worker, or null where its file is missing. */
function workerOf(nowMs: number): Worker | null {
  const file = pageCheckWorkerFile(import.meta.url)
  return existsSync(file) ? new Worker(file, { workerData: { nowMs } }) : null
}

/** A checker for one first pull; `nowMs` bounds the clocks it accepts (validate.ts). */
export function startPageChecker(nowMs: number): PageChecker {
  const worker = workerOf(nowMs)
  return worker ? inWorker(worker) : inPlace(nowMs)
}

function inPlace(nowMs: number): PageChecker {
  const clocks = new ClockSet()
  return {
    check: async (shape, received) => checkPage(shape, parsePage(received), nowMs, clocks),
    close: async () => undefined,
  }
}

function inWorker(worker: Worker): PageChecker {
  const waiting = new Map<number, { resolve: (page: CheckedPage) => void; reject: (error: Error) => void }>()
  let next = 0
  let ended: Error | null = null
  const end = (error: Error) => {
    ended ??= error
    for (const { reject } of waiting.values()) reject(ended)
    waiting.clear()
  }
  worker.on('message', (answer: FromPageCheck) => {
    const asker = waiting.get(answer.id)
    waiting.delete(answer.id)
    if ('checked' in answer) asker?.resolve(answer.checked)
    else asker?.reject(new AppError(answer.error.code, answer.error.message, answer.error.details))
  })
  worker.on('error', end)
  worker.on('exit', (code) => end(new Error(`首次同步的检查线程意外退出（代码 ${code}）`)))
  return {
    check: (shape, received) =>
      new Promise((resolve, reject) => {
        if (ended) return reject(ended)
        const id = next++
        waiting.set(id, { resolve, reject })
        worker.postMessage({ id, shape, received } satisfies ToPageCheck)
      }),
    close: async () => {
      await worker.terminate()
    },
  }
}
