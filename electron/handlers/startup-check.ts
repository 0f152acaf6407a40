// The quick_check that opening skipped after a clean shutdown (db/open.ts), run in the background
// a few seconds after start, when the first page is up: a job on the event channel, so a problem
// shows in the window's progress area (and stays until closed); also written to crm.log.
import { logFor } from '../../db/log'
import { quickCheckInWorker } from '../../db/storage/background-check'
import { corruptionMessage, nativeBindingOf } from '../../db/storage/integrity'
import { runJob } from './events-bus'
import type { HandlerEnv } from './types'

const AFTER_START_MS = 5000

export async function checkSkippedIntegrity(env: HandlerEnv): Promise<string[]> {
  const { backend } = env
  if (backend.integrity !== 'skipped') return []
  const log = logFor(env.ctx.dataDir)
  return runJob(env.events, 'integrity-check', {}, async (job) => {
    job.step('后台快速检查', 0, null)
    const problems = await quickCheckInWorker(backend.file, nativeBindingOf(env.ctx.sqlite))
    log.write('background_check', { ok: problems.length === 0, problems: problems.slice(0, 5) })
    if (problems.length > 0) throw new Error(corruptionMessage(backend.file, problems.slice(0, 2).join('；')))
    return problems
  }).catch((error: Error) => [error.message])
}

/** Starts the check a few seconds after start; answers the stop. */
export function scheduleSkippedIntegrityCheck(env: HandlerEnv, delay = AFTER_START_MS): () => void {
  const timer = setTimeout(() => void checkSkippedIntegrity(env), delay)
  timer.unref?.()
  return () => clearTimeout(timer)
}
