// Bundles the command line into out/cli (part of `npm run build`). Compiling the TypeScript with
// tsx at every start cost seconds per command; the bundle starts like plain Node.
// The whole command line is one CommonJS file, cli-<hash of its content>.cjs, run by a small
// launcher, index.mjs, through V8's code cache (electron/cli/code-cache.ts): Node 20 parses an ES
// module's source at every start, which was the largest part of a command's start-up, while a
// classic script can start from the code an earlier run compiled. The build makes the cache by
// running one command (a call on a new database); dynamically imported modules stay lazily
// evaluated inside the one file, so `--help` still runs none of the backend (bench case 10).
// Native and heavy packages stay in node_modules, where they load from at run time; the ledger
// reader's worker finds SheetJS from the bundle's own place (createRequire(import.meta.url)). The
// worker thread of a first pull from a hub is a file of its own beside the bundle, page-check-worker.cjs.
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLI_SOURCES, CLI_STAMP, markBuilt } from './needs-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_BUNDLE = join('out', 'cli', 'index.mjs')
// What earlier builds left: bundles and their caches, and the chunks of the ES module build before them.
const EARLIER_OUTPUT = /^(?:chunk-[A-Z0-9]+\.mjs|cli-[0-9a-f]+\.cjs(?:\.v8-cache)?)$/
// A command started before a rebuild may still read its bundle a while later.
const OLD_OUTPUT_AGE_MS = 60 * 60 * 1000

// Packages that cost a command's start-up although few commands use them: pinyin-pro builds its
// dictionaries on import (≈ 140 ms of CPU; only writes of names need it), iconv-lite parses its
// code-page tables (only a GBK or UTF-16 CSV needs it). In the bundle each is a stand-in that
// loads the real package from node_modules at its first use. Listed: the named exports we call.
const LOAD_ON_FIRST_USE = { 'pinyin-pro': ['pinyin'], 'iconv-lite': [] }

const loadOnFirstUse = {
  name: 'load-on-first-use',
  setup(build) {
    const names = Object.keys(LOAD_ON_FIRST_USE).map((name) => name.replace(/[-/]/g, '\\$&'))
    build.onResolve({ filter: new RegExp(`^(?:${names.join('|')})$`) }, ({ path }) => ({ path, namespace: 'load-on-first-use' }))
    build.onLoad({ filter: /.*/, namespace: 'load-on-first-use' }, ({ path }) => ({
      loader: 'js',
      contents: [
        "import { createRequire } from 'node:module'",
        'let loaded',
        `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(path)}))`,
        'export default new Proxy({}, { get: (_, key) => load()[key] })',
        ...LOAD_ON_FIRST_USE[path].map((name) => `export function ${name}(...args) { return load().${name}(...args) }`),
      ].join('\n'),
    }))
  },
}

export async function buildCli() {
  const startedAt = new Date()
  const outdir = join(root, 'out', 'cli')
  const outfile = join(root, CLI_BUNDLE)
  const cli = await build({
    entryPoints: [join(root, 'electron', 'cli', 'index.ts')],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'pg', '@e965/xlsx', 'exceljs', 'electron'],
    plugins: [loadOnFirstUse],
    // The sources find packages and files from their own place; in the bundle that is the bundle's.
    banner: { js: "const __crmFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__crmFileUrl' },
    // Less to read and to keep in the code cache.
    minify: true,
    logLevel: 'warning',
  })
  const code = cli.outputFiles[0].contents
  const pageCheckWorker = await buildPageCheckWorker()
  const bundleName = `cli-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.cjs`
  const launcher = await launcherFor(bundleName)
  mkdirSync(outdir, { recursive: true })
  // The bundle is named by its content, so writing it never changes one a running command uses;
  // the launcher is written beside and renamed last: a command started during the build never
  // reads half a file or a launcher whose bundle is not there yet.
  const bundle = join(outdir, bundleName)
  if (!existsSync(bundle)) writeFileSync(bundle, code)
  writeAtomically(join(outdir, 'page-check-worker.cjs'), pageCheckWorker)
  warmCodeCache(bundle, launcher)
  writeAtomically(outfile, launcher)
  for (const name of readdirSync(outdir)) {
    const file = join(outdir, name)
    if (EARLIER_OUTPUT.test(name) && !name.startsWith(bundleName) && startedAt.getTime() - statSync(file).mtimeMs > OLD_OUTPUT_AGE_MS) unlinkSync(file)
  }
  markBuilt(root, CLI_STAMP, startedAt)
  return outfile
}

/**
 * The first pull's worker thread (db/hub/page-check-worker.ts), which the bundle starts from the file
 * beside it (db/hub/page-checker.ts).
 */
async function buildPageCheckWorker() {
  const worker = await build({
    entryPoints: [join(root, 'db', 'hub', 'page-check-worker.ts')],
    write: false,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['pinyin-pro'],
    minify: true,
    logLevel: 'warning',
  })
  return worker.outputFiles[0].contents
}

/** A command running meanwhile reads the whole file before or after, never half of it. */
function writeAtomically(file, contents) {
  const partial = `${file}.${process.pid}.partial`
  writeFileSync(partial, contents)
  renameSync(partial, file)
}

/** index.mjs: runs the bundle beside it through its code cache, and saves a cache once the command is done if it had none it could use. */
export async function launcherFor(bundleName) {
  const launcher = await build({
    stdin: {
      contents: [
        "import { fileURLToPath } from 'node:url'",
        "import { runWithCodeCache } from './code-cache'",
        `const loaded = runWithCodeCache(fileURLToPath(new URL(${JSON.stringify(`./${bundleName}`)}, import.meta.url)))`,
        "process.once('exit', loaded.saveCacheIfNeeded)",
      ].join('\n'),
      resolveDir: join(root, 'electron', 'cli'),
      loader: 'ts',
    },
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  })
  return launcher.outputFiles[0].contents
}

/**
 * Runs one command, a call on a new database, so that its code cache is there before the first real
 * command; every command starts from it. Through a launcher of its own beside the bundle (the real
 * one is not in place yet).
 */
function warmCodeCache(bundle, launcher) {
  if (existsSync(`${bundle}.v8-cache`)) return // the name electron/cli/code-cache.ts gives it
  const warmer = `${bundle}.${process.pid}.warm.mjs`
  const dir = mkdtempSync(join(tmpdir(), 'crm-cli-cache-'))
  try {
    writeFileSync(warmer, launcher)
    const run = spawnSync(process.execPath, [warmer, '--db', join(dir, 'crm.sqlite'), 'call', 'park-list', '{}'], { cwd: dir, encoding: 'utf8' })
    if (run.status !== 0) throw new Error(`the bundled command line failed its first call: ${run.stderr}`)
  } finally {
    rmSync(warmer, { force: true })
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  await buildCli()
  console.log(`${CLI_BUNDLE} (${Math.round(performance.now() - started)} ms; sources: ${CLI_SOURCES.join(', ')})`)
}
