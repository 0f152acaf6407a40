// Whether out/ is older than the sources it is built from. `npm start` / `npm run web` used to
// rebuild the whole app at every start (half a minute on a laptop); now only after a change.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Everything electron-vite reads: the three source trees and the build's own configuration.
const SOURCES = ['renderer', 'electron', 'db', 'resources', 'package.json', 'electron.vite.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json']
const STAMP = join('out', '.built')

function newestIn(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    newest = Math.max(newest, newestIn(join(path, entry)))
  }
  return newest
}

/** True when out/ has never been built by us, or a source changed after the last build. */
export function needsBuild(root) {
  const stamp = join(root, STAMP)
  if (!existsSync(stamp)) return true
  const built = statSync(stamp).mtimeMs
  return SOURCES.some((source) => newestIn(join(root, source)) > built)
}

/** Call after a successful build. */
export function markBuilt(root) {
  writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`)
}
