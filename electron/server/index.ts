// `npm run web`: browser mode. Opens the database, serves the renderer, prints the URL to open.
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openBackend } from '../../db/backend'
import { ensureHubAutoSync } from '../../db/hub/auto-sync'
import { maybeDailyBackup } from '../../db/storage/backup'
import { resolveDbPath } from '../../db/paths'
import { parseArgs, stringOption } from '../cli/args'
import { watchReminders } from '../handlers/reminders-watch'
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
  const backend = await openBackend({ file, shell: 'web' })
  const env = { ctx: backend.ctx, backend, shell: 'web' as const }
  const port = Number(stringOption(args, 'port') ?? 0)
  const server = await startWebServer({ env, rendererDir, port })
  const daily = setInterval(() => void maybeDailyBackup(env.ctx), 60 * 60 * 1000)
  // As in the desktop app: a configured team hub syncs in the background from the start.
  ensureHubAutoSync(env.ctx)
  // The open tabs' reminder bells refresh when steps fall due (GET /events).
  const stopReminders = watchReminders(env)
  console.log(`招商引资 CRM 浏览器模式已启动，请打开：${server.url}`)
  console.log(`数据库：${file}`)
  const stop = async () => {
    clearInterval(daily)
    stopReminders()
    await server.close()
    // A restore swaps env.backend: close the one in use now.
    await env.backend.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: Error) => {
  console.error(`启动失败：${error.message}`)
  process.exit(1)
})
