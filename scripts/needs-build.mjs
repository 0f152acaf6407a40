// Whether out/ is older than the sources it is built from. `npm start` / `npm run web` used to
// rebuild the whole app at every start (half a minute on a laptop); now only after a change.
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// Everything electron-vite reads: the three source trees and the build's own configuration.
const SOURCES = ['renderer', 'electron', 'db', 'resources', 'package.json', 'electron.vite.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json']
const STAMP = join('out', '.built')
// The command line's bundle (scripts/build-cli.mjs, `npm run cli`) has its own stamp and no renderer code.
export const CLI_STAMP = join('out', 'cli', '.built')
export const CLI_SOURCES = ['electron', 'db', 'resources', 'package.json', 'tsconfig.json', 'tsconfig.base.json', 'scripts/build-cli.mjs']

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
export function needsBuild(root, stamp = STAMP, sources = SOURCES) {
  const file = join(root, stamp)
  if (!existsSync(file)) return true
  const built = statSync(file).mtimeMs
  return sources.some((source) => newestIn(join(root, source)) > built)
}

/** Call after a successful build; `startedAt`: a source saved during the build still counts as newer. */
export function markBuilt(root, stamp = STAMP, startedAt = new Date()) {
  const file = join(root, stamp)
  writeFileSync(file, `${startedAt.toISOString()}\n`)
  utimesSync(file, startedAt, startedAt)
}
