// The backend process: opens the database and answers the shell's calls through the one dispatch.
// Started by the desktop app with Electron's utilityProcess.fork (messages over process.parentPort)
// and by tests and browser mode with child_process.fork (process.send / 'message'): same protocol.
//
// Why a utility process and not a worker thread: a crash in the native SQLite module, an out-of-
// memory export or an endless loop takes down only this process, never the window; the shell
// restarts it (client.ts). A worker thread shares the process, so the same crash would take the
// window with it. Actual Budget runs its backend the same way.
import { openBackend } from '../../db/backend'
import { loadCurrentUser } from '../../db/services/users'
import { ensureHubAutoSync } from '../../db/hub/auto-sync'
import { useSecretBox } from '../../db/hub/settings'
import { maybeDailyBackup } from '../../db/storage/backup'
import { dispatch } from '../handlers/dispatch'
import { warmSlices } from '../handlers/slices'
import { watchReminders } from '../handlers/reminders-watch'
import { scheduleSkippedIntegrityCheck } from '../handlers/startup-check'
import { EventBus, announceWritesOutsideCalls } from '../handlers/events-bus'
import type { HandlerEnv } from '../handlers/types'
import { keychainSecretBox } from './hub-secret-box'
import type { BackendStart, FromBackend, ToBackend } from './protocol'

interface ParentPort {
  on(event: 'message', listener: (message: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

interface Channel {
  send(message: FromBackend): void
  onMessage(listener: (message: ToBackend) => void): void
}

function parentChannel(): Channel {
  const port = (process as unknown as { parentPort?: ParentPort }).parentPort
  if (port) return { send: (message) => port.postMessage(message), onMessage: (listener) => port.on('message', (e) => listener(e.data as ToBackend)) }
  const send = process.send?.bind(process)
  if (!send) throw new Error('后台进程只能由主程序启动（缺少与主程序的通道）')
  // The shell went away without saying close (it crashed): nothing is left to answer.
  process.on('disconnect', () => void close())
  return { send: (message) => void send(message), onMessage: (listener) => process.on('message', (message) => listener(message as ToBackend)) }
}

const channel = parentChannel()
let env: HandlerEnv | null = null
let daily: NodeJS.Timeout | null = null
let reader = false

async function start(options: BackendStart): Promise<void> {
  if (options.hubSecretKey) useSecretBox(keychainSecretBox(options.hubSecretKey))
  reader = options.role === 'reader'
  try {
    const backend = await openBackend({
      file: options.file,
      nativeBinding: options.nativeBinding,
      shell: options.shell,
      // The writer holds the lock, checked the file and owns the clean-shutdown marker.
      ...(reader ? { lock: false, autoBackup: false, secondary: true } : {}),
    })
    const events = new EventBus()
    // Every event crosses to the shell as is; the shell hands it to its windows.
    events.subscribe((message) => channel.send({ type: 'event', event: message.event, payload: message.payload }))
    env = { ctx: backend.ctx, backend, shell: options.shell, events }
    // The hub's background sync and other writes outside calls say data-changed when they commit.
    announceWritesOutsideCalls(env)
  } catch (error) {
    channel.send({ type: 'start-failed', message: (error as Error).message })
    process.exit(1)
  }
  const shared = env
  // The window's first calls then find their slice loaded (a command-line call loads only its own).
  // A slice that fails to load says so at its own call, with the call's error.
  warmSlices().catch(() => undefined)
  if (reader) return void channel.send({ type: 'ready' })
  daily = setInterval(() => void maybeDailyBackup(shared.ctx), 60 * 60 * 1000)
  // Background sync with the team's hub, when one is set up.
  ensureHubAutoSync(shared.ctx)
  // The window's reminder bell refreshes when steps fall due (reminders-due on the event channel).
  watchReminders(shared)
  // Opening skipped quick_check after a clean shutdown: it runs in the background instead.
  scheduleSkippedIntegrityCheck(shared)
  channel.send({ type: 'ready' })
}

async function answer(id: number, method: string, input: unknown): Promise<void> {
  if (!env) {
    channel.send({ type: 'result', id, result: { ok: false, error: { code: 'db_unavailable', message: '数据库尚未打开，请稍后重试' } } })
    return
  }
  channel.send({ type: 'started', id })
  // The writer's process knows who chose themselves since this one opened (exports name them).
  if (reader) env.ctx.userId = await loadCurrentUser(env.ctx)
  const result = await dispatch(env, method, input)
  try {
    channel.send({ type: 'result', id, result })
  } catch (error) {
    // A value the channel cannot carry is a programming error; the caller still gets an answer.
    channel.send({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: `内部错误：结果无法传回窗口（${(error as Error).message}）` } } })
  }
}

let closing: Promise<void> | null = null
function close(): Promise<void> {
  closing ??= (async () => {
    if (daily) clearInterval(daily)
    // A restore swaps env.backend: close the one in use now.
    await env?.backend.close()
    process.exit(0)
  })()
  return closing
}

channel.onMessage((message) => {
  if (message.type === 'start') void start(message.start)
  else if (message.type === 'call') void answer(message.id, message.method, message.input)
  else if (message.type === 'close') void close()
})
