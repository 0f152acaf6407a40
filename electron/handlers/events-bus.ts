// The backend side of the event channel: a plain typed emitter. Every shell subscribes and carries
// the messages its own way (browser mode: a server-sent stream; Electron: the window's event
// channel, across the backend's process boundary; the command line: progress lines on stderr).
// It knows nothing of Electron or HTTP, so the backend can run in any process.
import { randomUUID } from 'node:crypto'
import type { BackendEvents, EventMessage, EventName, JobProgress } from '../contract/events'

export type EventListener = (message: EventMessage) => void

/** What a long job reports through: step(label, done, total) as it goes, then finish(). */
export interface JobReporter {
  readonly jobId: string
  step(label: string, done: number, total: number | null): void
  finish(error?: string): void
}

/** A job sends at most this many progress events a second (the last one always goes out). */
const PROGRESS_INTERVAL_MS = 100

export class EventBus {
  private readonly listeners = new Set<EventListener>()
  private seq = 0

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

  /** Starts a job's progress; events are thinned to ten a second except the first and the last. */
  job(job: string, options: { cancellable?: boolean } = {}): JobReporter {
    const jobId = randomUUID()
    const cancellable = options.cancellable ?? false
    let last = 0
    let latest: Omit<JobProgress, 'jobId' | 'job' | 'cancellable'> = { label: '', done: 0, total: null }
    const send = (extra: Partial<JobProgress> = {}) => this.emit('job-progress', { jobId, job, cancellable, ...latest, ...extra })
    return {
      jobId,
      step: (label, done, total) => {
        latest = { label, done, total }
        const now = performance.now()
        if (last !== 0 && now - last < PROGRESS_INTERVAL_MS && done !== total) return
        last = now
        send()
      },
      finish: (error) => send({ finished: true, cancellable: false, ...(error ? { error } : { done: latest.total ?? latest.done }) }),
    }
  }
}
