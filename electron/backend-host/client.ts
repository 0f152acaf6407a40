// The shell's side of the backend process: one call → one request id → one answer. A call is
// acknowledged only when its answer arrives. When the process dies, every call still waiting fails
// with a plain message (its outcome is unknown: SQLite has kept whatever it committed, nothing
// else), and a new backend process starts; calls made meanwhile wait for it.
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
  /** The backend died and is being restarted; `running` names the calls whose outcome is unknown. */
  onRestart?: (info: { code: number | null; running: string[] }) => void
  /** How many deaths within RESTART_WINDOW_MS are restarted before giving up. */
  maxRestarts?: number
}

export const RESTART_WINDOW_MS = 60_000

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

export class BackendClient {
  private readonly options: BackendClientOptions
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private current: Running | null = null
  private deaths: number[] = []
  /** Set when the backend cannot be (re)started: every call answers with it. */
  private failure: string | null = null
  private closing: Promise<void> | null = null

  constructor(options: BackendClientOptions) {
    this.options = options
  }

  /** Starts the backend process; rejects with the reason when it cannot open the database. */
  start(): Promise<void> {
    this.current = this.launch()
    return this.current.ready
  }

  /** The methods the backend is running now (started, not yet answered). */
  running(): string[] {
    return [...this.pending.values()].filter((call) => call.started).map((call) => call.method)
  }

  async call(method: string, input: unknown): Promise<Result<unknown>> {
    if (this.closing) return { ok: false, error: { code: 'db_unavailable', message: '程序正在退出，不再接受操作' } }
    if (!this.current && !this.failure) this.start()
    try {
      await this.current?.ready
    } catch {
      // failure says why (set by launch).
    }
    if (this.failure || !this.current) return { ok: false, error: { code: 'db_unavailable', message: this.failure ?? '后台进程未启动' } }
    const id = this.nextId++
    const { process } = this.current
    return new Promise((resolve) => {
      this.pending.set(id, { method, started: false, resolve })
      process.postMessage({ type: 'call', id, method, input })
    })
  }

  /** Asks the backend to close the database (it waits for running backups) and waits for its exit. */
  close(timeoutMs = 15_000): Promise<void> {
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

  private exitWaiters: Array<() => void> = []

  private launch(): Running {
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
      } else if (message.type === 'event') {
        this.options.onEvent?.(message.event, message.payload)
      }
    })
    process.onExit((code) => this.exited(process, code, isReady, settle.reject))
    process.postMessage({ type: 'start', start: this.options.start })
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
    this.current = this.launch()
  }
}
