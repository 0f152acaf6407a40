// Builds better-sqlite3 for Electron's ABI into .electron-native/, beside the Node build in
// node_modules (which tests, browser mode and the command line use). The desktop shell loads this
// copy through better-sqlite3's `nativeBinding` option, so neither build overwrites the other.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = process.cwd()
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version
const work = join(root, '.electron-native', 'build')
const target = join(root, '.electron-native', 'better_sqlite3.node')

rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })
cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
  recursive: true,
  filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
})

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const runtime = ['--runtime=electron', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers']
console.log(`为 Electron ${electronVersion} 构建 better-sqlite3 …`)
try {
  // A prebuilt binary when one can be downloaded, else compile from source against Electron's headers.
  execFileSync(npx, ['--yes', 'prebuild-install', '-r', 'electron', '-t', electronVersion], { cwd: work, stdio: 'inherit' })
} catch {
  execFileSync(npx, ['--yes', 'node-gyp', 'rebuild', '--release', ...runtime], { cwd: work, stdio: 'inherit' })
}
const built = join(work, 'build', 'Release', 'better_sqlite3.node')
if (!existsSync(built)) throw new Error('better-sqlite3 for Electron was not built')
cpSync(built, target)
rmSync(work, { recursive: true, force: true })
console.log(`已生成 ${target}`)
