// Bundles the command line into out/cli/index.mjs (part of `npm run build`). Compiling the
// TypeScript with tsx at every start cost seconds per command; the bundle starts like plain Node.
// Native and heavy packages stay in node_modules, where they load from at run time; the ledger
// reader's worker finds SheetJS from the bundle's own place (createRequire(import.meta.url)).
import { build } from 'esbuild'
import { renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLI_SOURCES, CLI_STAMP, markBuilt } from './needs-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_BUNDLE = join('out', 'cli', 'index.mjs')

export async function buildCli() {
  const startedAt = new Date()
  const outfile = join(root, CLI_BUNDLE)
  // Written beside and renamed: a command started during the build never reads half a file.
  const partial = `${outfile}.${process.pid}.partial`
  await build({
    entryPoints: [join(root, 'electron', 'cli', 'index.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pg', '@e965/xlsx', 'exceljs', 'electron'],
    // CommonJS packages bundled into an ES module still call require() for Node's own modules.
    banner: { js: "import { createRequire as __crmRequire } from 'node:module'; const require = __crmRequire(import.meta.url);" },
    // Less to parse at every start (a third less start-up time, measured by bench/cases/cli-start.ts).
    minify: true,
    logLevel: 'warning',
  })
  renameSync(partial, outfile)
  markBuilt(root, CLI_STAMP, startedAt)
  return outfile
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now()
  await buildCli()
  console.log(`${CLI_BUNDLE} (${Math.round(performance.now() - started)} ms; sources: ${CLI_SOURCES.join(', ')})`)
}
