// The shell's side of the backend: one call → one request id → one answer. A call is acknowledged
// only when its answer arrives. When a backend process dies, every call still waiting on it fails
// with a plain message (its outcome is unknown: SQLite has kept whatever it committed, nothing
// else), and a new process starts; calls made meanwhile wait for it.
//
// Two processes: the writer answers every call; the longest read-only jobs (the exports) go to a
// reader process on its own connection (SQLite's WAL lets it read while the writer writes). One
// Node process runs one synchronous stretch at a time, so an export's row reading in the writer
// would hold up every other call for seconds; in the reader it holds up nothing.
import type { ApiError, Result } from '../../db/domain/errors'
import type { BackendStart, FromBackend, ToBackend } from './protocol'

/** What Electron's utilityProcess.fork and Node's child_process.fork both give, adapted. */
export interface BackendProcess {
  postMessage(message: ToBackend): void
  onMessage(listener: (message: FromBackend) => void): void
  onExit(listener: (code: number | null) => void): void
  kill(): void
}

export interface BackendClientOptions {
  spawn: () => BackendProcess
  start: BackendStart
  onEvent?: (event: string, payload: unknown) => void
  /** A backend process died and is being restarted; `running` names the calls whose outcome is unknown. */
  onRestart?: (info: { code: number | null; running: string[] }) => void
  /** How many deaths within RESTART_WINDOW_MS are restarted before giving up. */
  maxRestarts?: number
}

export const RESTART_WINDOW_MS = 60_000

/** Read-only jobs long enough to hold up other calls: answered by the reader process. */
export const READER_METHODS: ReadonlySet<string> = new Set([
  'ledger-export',
  'report-export',
  'project-list-export',
  'investor-list-export',
  'negotiation-list-export',
])

/** After these succeed the reader's connection may show an old file: it is replaced. */
const REOPENING_METHODS: ReadonlySet<string> = new Set(['backup-restore'])

export const backendDiedError = (method: string): ApiError => ({
  code: 'db_unavailable',
  message: `后台进程意外退出，「${method}」没有得到确认：已保存的数据不会丢失，但这一次可能保存了也可能没有。后台已重新启动，请刷新后查看，需要时再做一次。`,
  details: { backend: 'restarted' },
})

export class BackendStartError extends Error {}

interface Pending {
  method: string
  started: boolean
  resolve(result: Result<unknown>): void
}

interface Running {
  process: BackendProcess
  ready: Promise<void>
}

/** One backend process and the calls waiting on it, restarted when it dies. */
class Lane {
  readonly pending = new Map<number, Pending>()
  current: Running | null = null
  private deaths: number[] = []
  /** Set when this process cannot be (re)started: every call answers with it. */
  failure: string | null = null
  closing: Promise<void> | null = null
  private exitWaiters: Array<() => void> = []

  constructor(
    private readonly options: BackendClientOptions,
    private readonly start: BackendStart,
  ) {}

  launch(): Promise<void> {
    this.current = this.spawn()
    return this.current.ready
  }

  running(): string[] {
    return [...this.pending.values()].filter((call) => call.started).map((call) => call.method)
  }

  /** Starts the process if needed and waits for it: null when it is up, else why not. */
  async ensureStarted(): Promise<string | null> {
    if (!this.current && !this.failure) void this.launch()
    try {
      await this.current?.ready
    } catch {
      // failure says why (set by spawn).
    }
    return this.failure || !this.current ? (this.failure ?? '后台进程未启动') : null
  }

  async call(id: number, method: string, input: unknown): Promise<Result<unknown>> {
    const failure = await this.ensureStarted()
    if (failure || !this.current) return { ok: false, error: { code: 'db_unavailable', message: failure ?? '后台进程未启动' } }
    const { process } = this.current
    return new Promise((resolve) => {
      this.pending.set(id, { method, started: false, resolve })
      process.postMessage({ type: 'call', id, method, input })
    })
  }

  close(timeoutMs: number): Promise<void> {
    this.closing ??= new Promise<void>((done) => {
      const running = this.current
      if (!running) return done()
      this.exitWaiters.push(done)
      running.process.postMessage({ type: 'close' })
      // A backend stuck in a native call cannot answer: the lock file is then taken over as stale.
      setTimeout(() => running.process.kill(), timeoutMs).unref()
    })
    return this.closing
  }

  private retireWhenIdle = false

  /** Ends this process once its calls are answered, not counted as a death; the next call starts a fresh one. */
  retire(): void {
    const running = this.current
    if (!running) return
    if (this.pending.size > 0) {
      this.retireWhenIdle = true
      return
    }
    this.retireWhenIdle = false
    this.current = null
    running.process.postMessage({ type: 'close' })
  }

  private spawn(): Running {
    const process = this.options.spawn()
    let settle!: { resolve: () => void; reject: (error: Error) => void }
    const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }))
    // A start failure is also delivered to callers through `failure`; nobody must see it unhandled.
    ready.catch(() => {})
    let isReady = false
    process.onMessage((message) => {
      if (message.type === 'ready') {
        isReady = true
        settle.resolve()
      } else if (message.type === 'start-failed') {
        this.failure = message.message
        settle.reject(new BackendStartError(message.message))
      } else if (message.type === 'started') {
        const call = this.pending.get(message.id)
        if (call) call.started = true
      } else if (message.type === 'result') {
        const call = this.pending.get(message.id)
        this.pending.delete(message.id)
        call?.resolve(message.result)
        if (this.retireWhenIdle && this.pending.size === 0) this.retire()
      } else if (message.type === 'event') {
        this.options.onEvent?.(message.event, message.payload)
      }
    })
    process.onExit((code) => this.exited(process, code, isReady, settle.reject))
    process.postMessage({ type: 'start', start: this.start })
    return { process, ready }
  }

  private exited(process: BackendProcess, code: number | null, wasReady: boolean, rejectStart: (error: Error) => void): void {
    if (this.current?.process !== process) return
    const running = this.running()
    for (const [id, call] of this.pending) {
      this.pending.delete(id)
      call.resolve({ ok: false, error: backendDiedError(call.method) })
    }
    if (this.closing) {
      this.current = null
      for (const done of this.exitWaiters.splice(0)) done()
      return
    }
    if (!wasReady) {
      // It never opened the database: a new start would fail the same way.
      this.failure ??= `后台进程启动时退出（代码 ${code ?? '无'}），数据库未能打开。请重新启动程序；如仍如此，请查看数据文件夹中的 crm.log。`
      rejectStart(new BackendStartError(this.failure))
      this.current = null
      return
    }
    const now = Date.now()
    this.deaths = [...this.deaths.filter((at) => now - at < RESTART_WINDOW_MS), now]
    if (this.deaths.length > (this.options.maxRestarts ?? 3)) {
      this.failure = '后台进程在一分钟内反复意外退出，已停止重启。请重新启动程序；如仍如此，请查看数据文件夹中的 crm.log。'
      this.current = null
      return
    }
    this.options.onRestart?.({ code, running })
    this.current = this.spawn()
  }
}

export class BackendClient {
  private readonly writer: Lane
  /** Started on the first long read, after the writer has opened (and migrated) the database. */
  private readonly reader: Lane
  private nextId = 1
  private closing = false

  constructor(options: BackendClientOptions) {
    this.writer = new Lane(options, options.start)
    this.reader = new Lane(options, { ...options.start, role: 'reader' })
  }

  /** Starts the writer; rejects with the reason when it cannot open the database. */
  start(): Promise<void> {
    return this.writer.launch()
  }

  /** The methods the backend processes are running now (started, not yet answered). */
  running(): string[] {
    return [...this.writer.running(), ...this.reader.running()]
  }

  async call(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.closing) return { ok: false, error: { code: 'db_unavailable', message: '程序正在退出，不再接受操作' } }
    const id = this.nextId++
    if (READER_METHODS.has(method)) {
      // Only once the writer is up: it opens and migrates the file first.
      const failure = await this.writer.ensureStarted()
      if (failure) return { ok: false, error: { code: 'db_unavailable', message: failure } }
      return this.reader.call(id, method, input)
    }
    const result = await this.writer.call(id, method, input)
    if (result.ok && REOPENING_METHODS.has(method)) this.reader.retire()
    return result
  }

  /** Asks the backends to close the database (the writer waits for running backups) and waits for them. */
  async close(timeoutMs = 15_000): Promise<void> {
    this.closing = true
    await Promise.all([this.writer.close(timeoutMs), this.reader.close(timeoutMs)])
  }
}
