// Runs the command line's CommonJS bundle (scripts/build-cli.mjs) through V8's code cache. Node 20
// compiles an ES module from its source at every start, and parsing the whole backend cost a command
// about a third of its start-up; a classic script (vm.Script) can instead take the compiled code
// V8 saved after an earlier run, including the functions that run compiled (bench case 10).
// The cache sits beside the bundle, whose name carries a hash of its content, so a cache never
// meets other source. V8 refuses a cache made by another Node version or other V8 flags; then the
// command compiles as usual and leaves a fresh cache when it ends.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { Script } from 'node:vm'

export type CodeCacheState = 'used' | 'missing' | 'refused'

export interface LoadedBundle {
  /** What became of the cache at this start: `used`, or `missing` / `refused` (the command compiled its code itself). */
  cache: CodeCacheState
  /** Writes the code compiled so far as the new cache, unless the one read was used. Call it once the work is done. */
  saveCacheIfNeeded(): void
}

export const codeCacheFile = (bundle: string): string => `${bundle}.v8-cache`

/** Runs `bundle` (a CommonJS file) as Node would, but compiled from its code cache when there is a usable one. */
export function runWithCodeCache(bundle: string): LoadedBundle {
  const cacheFile = codeCacheFile(bundle)
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    cachedData = undefined // not made yet: this run makes it
  }
  // the same wrapper as Node's CommonJS loader, so the bundle sees the usual module variables
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, 'utf8')}\n})`
  const script = new Script(source, { filename: bundle, cachedData })
  const cache: CodeCacheState = !cachedData ? 'missing' : script.cachedDataRejected ? 'refused' : 'used'
  const module = { exports: {} }
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle))
  return {
    cache,
    saveCacheIfNeeded: () => {
      if (cache === 'used') return
      // Written aside and renamed: a command starting meanwhile reads the old cache or the new one, never half of one.
      const partial = `${cacheFile}.${process.pid}.partial`
      try {
        writeFileSync(partial, script.createCachedData())
        renameSync(partial, cacheFile)
      } catch {
        // a read-only install: every start compiles, as before
        rmSync(partial, { force: true })
      }
    },
  }
}
