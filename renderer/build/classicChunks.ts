// The renderer's chunks as classic scripts, split by route as before (a build plugin).
//
// Chromium keeps V8's code cache for the scripts a page runs, so that a window opened again skips
// parsing and compiling them, but it reads that cache back for classic scripts only: for module
// scripts it writes it and never reads it (Chromium 156; bench/findings.ts, case 9). The app's chunks
// are therefore built as CommonJS (rolldown's code splitting for a format without `import`) and each
// file wrapped into `__crmChunks.define(file, factory)`; renderer/src/chunkLoader.ts runs them, and
// index.html lists that loader and then the opening chunks as deferred scripts, in the order they run.
// The build refuses a chunk whose imports it cannot account for, rather than leaving one unloaded.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Plugin, transformWithOxc } from 'vite'
import { type ChunkGraph, closureOf } from '../src/chunkGraph'

// How rolldown writes a chunk's imports in CommonJS: `require("./x.js")` for a static one, and
// `Promise.resolve().then(() => require("./x.js"))` for a dynamic one.
const DYNAMIC_IMPORT = /Promise\.resolve\(\)\.then\(\(\) => require\(("[^"]+")\)\)/g
const STATIC_IMPORT = /\brequire\(("[^"]+")\)/g

const besideOf = (file: string, specifier: string) => {
  if (!specifier.startsWith('./')) throw new Error(`classicChunks: ${file} imports ${specifier}, not a chunk beside it`)
  return file.slice(0, file.lastIndexOf('/') + 1) + specifier.slice(2)
}

/** Throws unless the specifiers found are exactly the chunk's imports of that kind. */
function expectImports(file: string, kind: string, found: string[], expected: string[]) {
  const have = [...new Set(found.map((specifier) => besideOf(file, specifier)))].sort()
  const want = [...new Set(expected)].sort()
  if (have.join('\n') !== want.join('\n')) {
    throw new Error(`classicChunks: ${file}'s ${kind} imports in its code (${have.join(', ')}) are not its chunk's (${want.join(', ')})`)
  }
}

const PRELOAD_HELPER = '\0vite/preload-helper.js'

const htmlJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

export function classicChunks(): Plugin {
  let base = './'
  /** renderer/src/chunkLoader.ts (the config is bundled elsewhere: found from the renderer's root) */
  let loaderSource = ''
  return {
    name: 'crm:classic-chunks',
    apply: 'build',
    enforce: 'post',
    config: () => ({ build: { rollupOptions: { output: { format: 'cjs' } } } }),
    // The calls that vite adds at a dynamic import (position 0) pass `import.meta.url` to its preload
    // helper (replaced below), which CommonJS has not. Any other `import.meta` is still reported.
    onLog(_level, log) {
      if (log.code === 'EMPTY_IMPORT_META' && (log.id === PRELOAD_HELPER || log.pos === 0)) return false
    },
    // Vite's helper around a dynamic import preloads the chunk's files (none in this format: the
    // loader does it) and then imports it a microtask later, at the end of the script: the opening
    // page's chunks were asked for only once the whole entry had run. Here it imports at once.
    load: {
      order: 'pre',
      handler: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load()' : undefined),
    },
    configResolved(config) {
      base = config.base
      loaderSource = join(config.root, 'src/chunkLoader.ts')
    },
    renderChunk(code, chunk) {
      const dynamic = [...code.matchAll(DYNAMIC_IMPORT)].map((match) => JSON.parse(match[1]!) as string)
      const withLoads = code.replace(DYNAMIC_IMPORT, '__crmLoad($1)')
      const statics = [...withLoads.matchAll(STATIC_IMPORT)].map((match) => JSON.parse(match[1]!) as string)
      expectImports(chunk.fileName, 'dynamic', dynamic, chunk.dynamicImports)
      expectImports(chunk.fileName, 'static', statics, chunk.imports)
      return { code: withLoads, map: null }
    },
    async generateBundle(_options, bundle) {
      const graph: ChunkGraph = { base, entry: '', chunks: {} }
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue
        if (file.isEntry) graph.entry = file.fileName
        graph.chunks[file.fileName] = { imports: file.imports, css: [...(file.viteMetadata?.importedCss ?? [])] }
        // Wrapped once minified: the parentheses make V8 compile the factory as its script streams
        // in (a function in parentheses is taken to be called at once), where a bare one was parsed
        // twice, and the minifier would drop them.
        file.code = `__crmChunks.define(${JSON.stringify(file.fileName)}, (function (require, exports, module, __crmLoad) {"use strict";\n${file.code}\n}));\n`
      }
      const loader = (await transformWithOxc(readFileSync(loaderSource, 'utf8'), loaderSource, { lang: 'ts' })).code.replace(/^export \{\};?$/m, '')
      if (/^(import|export)\b/m.test(loader)) throw new Error('classicChunks: chunkLoader.ts may import and export types only (it runs as a classic script)')
      const loaderFile = this.getFileName(this.emitFile({ type: 'asset', name: 'chunkLoader.js', source: `(() => {\n${loader}})();\n` }))

      const html = bundle['index.html']
      if (html?.type !== 'asset') throw new Error('classicChunks: no index.html in the build')
      const scripts = [
        `<script type="application/json" id="crm-chunks">${htmlJson(graph)}</script>`,
        ...[loaderFile, ...closureOf(graph, graph.entry)].map((file) => `<script defer src="${base}${file}"></script>`),
      ].join('\n    ')
      const source = String(html.source)
      const entryScript = /<script type="module"[^>]*><\/script>/
      if (!entryScript.test(source)) throw new Error('classicChunks: index.html has no entry module script')
      html.source = source.replace(entryScript, scripts).replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
    },
  }
}
