// `npm run cli`: the command line from its bundle (out/cli/index.mjs, made by `npm run build`) when
// the bundle is newer than every source it is built from; otherwise straight from the TypeScript
// sources through tsx, which compiles them at each start (seconds instead of a fraction of one).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CLI_SOURCES, CLI_STAMP, needsBuild } from './needs-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'out', 'cli', 'index.mjs')

if (existsSync(bundle) && !needsBuild(root, CLI_STAMP, CLI_SOURCES)) {
  await import(pathToFileURL(bundle).href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(pathToFileURL(join(root, 'electron', 'cli', 'index.ts')).href)
}
