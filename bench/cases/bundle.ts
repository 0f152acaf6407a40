// Case 11: the renderer's script per page. What the window reads and parses before its first page:
// the scripts that index.html names (the chunk loader, the entry and everything it imports), and
// per page the chunks that page's lazy import adds. Bytes on disk of the built out/renderer
// (npm run build), as Chromium reads them from crm://app or browser mode's server.
// `npx tsx bench/cases/bundle.ts` prints the table alone.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ChunkGraph, closureOf } from '../../renderer/src/chunkGraph'

export interface BundleResult {
  skipped: string | null
  /** every .js file of the build */
  totalBytes: number
  /** the entry and its static imports: read before anything shows */
  initialBytes: number
  initialFiles: number
  /** page chunk name → bytes that opening it adds to the initial script */
  pages: { page: string; addedBytes: number }[]
}

// index.html holds the chunk graph the window's loader reads (renderer/build/classicChunks.ts); a
// chunk's dynamic imports are its calls to the loader.
const CHUNK_GRAPH = /<script type="application\/json" id="crm-chunks">(.*?)<\/script>/s
const DYNAMIC_IMPORT = /__crmLoad\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g

export function bundleCase(root: string): BundleResult {
  const dir = rendererDirOf(root)
  if (!existsSync(join(dir, 'index.html'))) return { skipped: 'out/renderer missing (npm run build)', totalBytes: 0, initialBytes: 0, initialFiles: 0, pages: [] }
  const size = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + statSync(join(dir, file)).size, 0)
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const graph = JSON.parse(CHUNK_GRAPH.exec(html)?.[1] ?? 'null') as ChunkGraph | null
  if (!graph) return { skipped: 'index.html has no chunk graph (built before renderer/build/classicChunks.ts)', totalBytes: 0, initialBytes: 0, initialFiles: 0, pages: [] }
  // Every script index.html names (the loader and the opening chunks) and what those import.
  const scripts = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const initial = new Set([...scripts, ...closureOf(graph, graph.entry)])
  const pages: BundleResult['pages'] = []
  for (const [, chunk] of readFileSync(join(dir, graph.entry), 'utf8').matchAll(DYNAMIC_IMPORT)) {
    const added = closureOf(graph, `assets/${chunk!}`).filter((f) => !initial.has(f))
    pages.push({ page: chunk!.replace(/-[\w-]{8}\.js$/, ''), addedBytes: size(added) })
  }
  const all = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)
  return { skipped: null, totalBytes: size(all), initialBytes: size(initial), initialFiles: initial.size, pages: pages.sort((a, b) => a.page.localeCompare(b.page)) }
}

/** The built renderer to measure: out/renderer, or CRM_BENCH_RENDERER (a build made elsewhere, to compare two builds in one run). */
export const rendererDirOf = (root: string) => process.env.CRM_BENCH_RENDERER ?? join(root, 'out', 'renderer')

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`

export function renderBundle(r: BundleResult): string[] {
  const lines = ['## Case 11: the renderer script per page', '']
  if (r.skipped) return [...lines, `Skipped: ${r.skipped}.`, '']
  lines.push(
    `Read before the first page shows: ${kb(r.initialBytes)} in ${r.initialFiles} files (the chunk loader, the entry and its static imports), of ${kb(r.totalBytes)} of script in all. Each page then adds its own chunks:`,
    '',
    '| page | added when opened |',
    '|---|---:|',
    ...r.pages.map((p) => `| ${p.page} | ${kb(p.addedBytes)} |`),
    '',
  )
  return lines
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(renderBundle(bundleCase(join(dirname(fileURLToPath(import.meta.url)), '..', '..'))).join('\n'))
}
