// The backend side of the event channel: a plain typed emitter. Every shell subscribes and carries
// the messages its own way (browser mode: a server-sent stream; Electron: the window's event
// channel, across the backend's process boundary; the command line: progress lines on stderr).
// It knows nothing of Electron or HTTP, so the backend can run in any process.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../db/domain/errors'
import { announceWrites } from '../../db/written-tables'
import type { BackendEvents, EventMessage, EventName, JobProgress } from '../contract/events'
import type { Ctx } from '../../db/context'

export type EventListener = (message: EventMessage) => void

/**
 * What a long job reports through: step(label, done, total) as it goes, then finish(). Once the
 * user has asked to cancel a cancellable job, its next step() throws: the job stops there and its
 * own error path undoes what it began (a transaction rolls back, a temp file is removed).
 */
export interface JobReporter {
  readonly jobId: string
  step(label: string, done: number, total: number | null): void
  finish(error?: string): void
}

export const JOB_CANCELLED = '已取消，没有写入任何数据'

/** A job sends at most this many progress events a second (the last one always goes out). */
const PROGRESS_INTERVAL_MS = 100

export class EventBus {
  private readonly listeners = new Set<EventListener>()
  /** Running cancellable jobs and whether a cancel was asked. */
  private readonly cancellable = new Map<string, { cancelled: boolean }>()
  // Starts from the clock (in thousandths of a millisecond): a restarted backend never repeats a
  // number a window has already seen, so the window never skips a change as already applied.
  private seq = Date.now() * 1000

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  get subscribers(): number {
    return this.listeners.size
  }

  emit<E extends EventName>(event: E, payload: BackendEvents[E]): void {
    const message = { event, payload } as EventMessage
    // One broken subscriber (a closed stream) must not stop the others or the write that emitted.
    for (const listener of [...this.listeners]) {
      try {
        listener(message)
      } catch (error) {
        console.error(error)
      }
    }
  }

  /** Says which tables a write changed; answers the change's number (also given to the writer). */
  dataChanged(tables: string[], origin: string): number {
    const seq = ++this.seq
    if (tables.length > 0) this.emit('data-changed', { tables, origin, seq })
    return seq
  }

  /** Starts a job's progress; events are thinned to ten a second, except the first, the last of a
   * count, and every new step (a new label is a new phase the user must see, however fast). */
  job(job: string, options: { cancellable?: boolean } = {}): JobReporter {
    const jobId = randomUUID()
    const cancellable = options.cancellable ?? false
    let last = 0
    let latest: Omit<JobProgress, 'jobId' | 'job' | 'cancellable'> = { label: '', done: 0, total: null }
    const state = { cancelled: false }
    if (cancellable) this.cancellable.set(jobId, state)
    const send = (extra: Partial<JobProgress> = {}) => this.emit('job-progress', { jobId, job, cancellable, ...latest, ...extra })
    return {
      jobId,
      step: (label, done, total) => {
        if (state.cancelled) throw new AppError('conflict', JOB_CANCELLED)
        const newStep = label !== latest.label
        latest = { label, done, total }
        const now = performance.now()
        if (last !== 0 && now - last < PROGRESS_INTERVAL_MS && done !== total && !newStep) return
        last = now
        send()
      },
      finish: (error) => {
        this.cancellable.delete(jobId)
        send({ finished: true, cancellable: false, ...(error ? { error } : { done: latest.total ?? latest.done }) })
      },
    }
  }

  /** Asks a running cancellable job to stop at its next step; false when there is no such job. */
  cancel(jobId: string): boolean {
    const state = this.cancellable.get(jobId)
    if (!state) return false
    state.cancelled = true
    return true
  }

  /** Runs work as a job: its progress goes out as events, and its end (or failure) always does. */
  async run<T>(job: string, options: { cancellable?: boolean }, work: (reporter: JobReporter) => Promise<T>): Promise<T> {
    const reporter = this.job(job, options)
    try {
      const result = await work(reporter)
      reporter.finish()
      return result
    } catch (error) {
      reporter.finish((error as Error).message)
      throw error
    }
  }
}

/** A job's reporter when nobody listens (tests, a shell without events): steps go nowhere. */
export const SILENT_JOB: JobReporter = { jobId: '', step() {}, finish() {} }

/** Runs work as a job on the env's channel, or silently when the env has none. */
export function runJob<T>(events: EventBus | undefined, job: string, options: { cancellable?: boolean }, work: (reporter: JobReporter) => Promise<T>): Promise<T> {
  return events ? events.run(job, options, work) : work(SILENT_JOB)
}

/**
 * Writes that no call carries (the hub's background sync, a service called directly, a timer) go
 * out on this env's channel as soon as they are committed (db/written-tables.ts). The shell calls
 * it when the backend opens; dispatch again after every call, for a connection a restore swapped in.
 */
export function announceWritesOutsideCalls(env: { ctx: Ctx; events?: EventBus }): void {
  announceWrites(env.ctx.sqlite, (tables, origin) => env.events?.dataChanged(tables, origin))
}
