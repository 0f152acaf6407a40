// `npm start`: the desktop window where Electron can run; otherwise browser mode, saying why.
// `npm run web` (--web): browser mode directly. Other arguments (--db FILE, --port N) pass through.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { markBuilt, needsBuild } from './needs-build.mjs'

const root = process.cwd()
const args = process.argv.slice(2)
const webOnly = args.includes('--web')
const passThrough = args.filter((arg) => arg !== '--web')
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron')
    return typeof path === 'string' && existsSync(path) ? path : null
  } catch {
    return null
  }
}

function whyNoDesktop() {
  if (webOnly) return null
  if (!electronBinary()) return '未安装 Electron 可执行文件（无法下载），改用浏览器模式'
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return '没有图形显示环境，改用浏览器模式'
  return undefined
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: root })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const reason = whyNoDesktop()
if (needsBuild(root)) {
  run(bin('electron-vite'), ['build', '--logLevel', 'warn'])
  markBuilt(root)
}

if (reason === undefined) {
  if (!existsSync(join(root, '.electron-native', 'better_sqlite3.node'))) run(process.execPath, ['scripts/build-electron-native.mjs'])
  const child = spawn(electronBinary(), ['.', ...passThrough], { stdio: 'inherit', cwd: root })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  if (reason) console.log(reason)
  const child = spawn(bin('tsx'), ['electron/server/index.ts', ...passThrough], { stdio: 'inherit', cwd: root })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}
