// Electron is an optional dependency: where its binary can be downloaded (a user's laptop) npm
// installs it as usual; where it cannot (offline build machines, CI), npm drops the package after
// its download fails. We then unpack the same version's JavaScript and type definitions (from npm's
// cache, without its install script) so that the app still builds and type-checks. `npm start`
// notices the missing binary and serves browser mode instead.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, mkdtempSync, cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

const root = process.cwd()
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const version = pkg.optionalDependencies?.electron
const target = join(root, 'node_modules', 'electron')

if (!version || existsSync(join(target, 'package.json'))) process.exit(0)

const work = mkdtempSync(join(tmpdir(), 'crm-electron-'))
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const file = execFileSync(npm, ['pack', `electron@${version}`, '--silent'], { cwd: work, encoding: 'utf8' }).trim()
  execFileSync('tar', ['-xzf', file], { cwd: work })
  mkdirSync(target, { recursive: true })
  cpSync(join(work, 'package'), target, { recursive: true })
  console.log(`electron ${version}: binary not available here; installed its types only (npm start will use browser mode)`)
} catch (error) {
  console.warn(`electron ${version}: could not unpack its types (${error.message}); the desktop shell will not type-check`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
