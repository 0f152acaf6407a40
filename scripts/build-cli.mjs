// Bundles the command line into out/cli/index.mjs (part of `npm run build`). Compiling the
// TypeScript with tsx at every start cost seconds per command; the bundle starts like plain Node.
// Split at the command table's import()s (electron/cli/commands.ts): index.mjs holds only the
// argument parser and the help text, and each command's code is a chunk beside it, so `--help`
// compiles a few kilobytes instead of the whole backend (bench case 10).
// Native and heavy packages stay in node_modules, where they load from at run time; the ledger
// reader's worker finds SheetJS from the bundle's own place (createRequire(import.meta.url)).
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLI_SOURCES, CLI_STAMP, markBuilt } from './needs-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_BUNDLE = join('out', 'cli', 'index.mjs')
const CHUNK = /^chunk-[A-Z0-9]+\.mjs$/
// A command started before a rebuild may still import its chunks a while later.
const OLD_CHUNK_AGE_MS = 60 * 60 * 1000

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
  const result = await build({
    entryPoints: { index: join(root, 'electron', 'cli', 'index.ts') },
    outdir,
    write: false,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pg', '@e965/xlsx', 'exceljs', 'electron'],
    plugins: [loadOnFirstUse],
    // CommonJS packages bundled into an ES module still call require() for Node's own modules.
    banner: { js: "import { createRequire as __crmRequire } from 'node:module'; const require = __crmRequire(import.meta.url);" },
    // Less to parse at every start (a third less start-up time, measured by bench/cases/cli-start.ts).
    minify: true,
    logLevel: 'warning',
  })
  mkdirSync(outdir, { recursive: true })
  // Chunks are named by their content, so writing them never changes one a running command uses;
  // the entry is written beside and renamed last: a command started during the build never reads
  // half a file or an entry whose chunks are not there yet.
  const written = new Set()
  for (const output of result.outputFiles) {
    written.add(basename(output.path))
    if (output.path === outfile) continue
    if (!existsSync(output.path)) writeFileSync(output.path, output.contents)
  }
  const entry = result.outputFiles.find((output) => output.path === outfile)
  if (!entry) throw new Error(`esbuild wrote no ${CLI_BUNDLE}`)
  const partial = `${outfile}.${process.pid}.partial`
  writeFileSync(partial, entry.contents)
  renameSync(partial, outfile)
  for (const name of readdirSync(outdir)) {
    const file = join(outdir, name)
    if (CHUNK.test(name) && !written.has(name) && startedAt.getTime() - statSync(file).mtimeMs > OLD_CHUNK_AGE_MS) unlinkSync(file)
  }
  markBuilt(root, CLI_STAMP, startedAt)
  return outfile
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  await buildCli()
  console.log(`${CLI_BUNDLE} (${Math.round(performance.now() - started)} ms; sources: ${CLI_SOURCES.join(', ')})`)
}
