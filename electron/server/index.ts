// `npm run web`: browser mode. Opens the database, serves the renderer, prints the URL to open.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { resolveDbPath } from '../../db/paths'
import { BackendClient } from '../backend-host/client'
import { CHILD_SOURCE, forkBackend } from '../backend-host/fork'
import { parseArgs, stringOption } from '../cli/args'
import type { EventName } from '../contract/events'
import { EventBus } from '../handlers/events-bus'
import { startWebServer } from './web-server'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const file = resolveDbPath(stringOption(args, 'db'))
  const rendererDir = join(root, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error('未找到已构建的界面（out/renderer）。请先运行 npm run build。')
    process.exit(1)
  }
  mkdirSync(dirname(file), { recursive: true })
  // The backend runs in its own processes, as in the desktop app (electron/backend-host): an export
  // never holds up the other calls, and this process only serves. The writer also runs the daily
  // backup, the hub's background sync and the reminder watch. The built entry starts at once (npm
  // run web builds first); the source needs tsx.
  const built = join(root, 'out', 'main', 'backend.cjs')
  const events = new EventBus()
  const backend = new BackendClient({
    spawn: () => forkBackend(existsSync(built) ? built : CHILD_SOURCE),
    start: { file, shell: 'web' },
    onEvent: (event, payload) => events.emit(event as EventName, payload as never),
    onRestart: ({ running }) => console.error(`后台进程意外退出，已重新启动${running.length ? `（未完成：${running.join('、')}）` : ''}`),
  })
  await backend.start()
  const port = Number(stringOption(args, 'port') ?? 0)
  const server = await startWebServer({ call: (method, input) => backend.call(method, input), events, rendererDir, port })
  console.log(`招商引资 CRM 浏览器模式已启动，请打开：${server.url}`)
  console.log(`数据库：${file}`)
  const stop = async () => {
    await server.close()
    await backend.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: Error) => {
  console.error(`启动失败：${error.message}`)
  process.exit(1)
})
