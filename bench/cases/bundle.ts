// Case 11: the renderer's script per page. What the window reads and parses before its first page:
// the entry that index.html loads with everything it imports statically (its modulepreloads), and
// per page the chunks that page's lazy import adds. Bytes on disk of the built out/renderer
// (npm run build), as Chromium reads them from crm://app or browser mode's server.
// `npx tsx bench/cases/bundle.ts` prints the table alone.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

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

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]\.\/([^"'`]+\.js)["'`]/g
const DYNAMIC_IMPORT = /import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g

function closure(assets: string, roots: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const [, next] of readFileSync(join(assets, file), 'utf8').matchAll(STATIC_IMPORT)) visit(next!)
  }
  roots.forEach(visit)
  return seen
}

export function bundleCase(root: string): BundleResult {
  const dir = rendererDirOf(root)
  const assets = join(dir, 'assets')
  if (!existsSync(join(dir, 'index.html'))) return { skipped: 'out/renderer missing (npm run build)', totalBytes: 0, initialBytes: 0, initialFiles: 0, pages: [] }
  const size = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + statSync(join(assets, file)).size, 0)
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<script[^>]+src="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const initial = closure(assets, entry)
  const pages: BundleResult['pages'] = []
  for (const file of entry) {
    for (const [, chunk] of readFileSync(join(assets, file), 'utf8').matchAll(DYNAMIC_IMPORT)) {
      const added = [...closure(assets, [chunk!])].filter((f) => !initial.has(f))
      pages.push({ page: chunk!.replace(/-[\w-]{8}\.js$/, ''), addedBytes: size(added) })
    }
  }
  const all = readdirSync(assets).filter((f) => f.endsWith('.js'))
  return { skipped: null, totalBytes: size(all), initialBytes: size(initial), initialFiles: initial.size, pages: pages.sort((a, b) => a.page.localeCompare(b.page)) }
}

/** The built renderer to measure: out/renderer, or CRM_BENCH_RENDERER (a build made elsewhere, to compare two builds in one run). */
export const rendererDirOf = (root: string) => process.env.CRM_BENCH_RENDERER ?? join(root, 'out', 'renderer')

const kb = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`

export function renderBundle(r: BundleResult): string[] {
  const lines = ['## Case 11: the renderer script per page', '']
  if (r.skipped) return [...lines, `Skipped: ${r.skipped}.`, '']
  lines.push(
    `Read before the first page shows: ${kb(r.initialBytes)} in ${r.initialFiles} files (the entry and its static imports), of ${kb(r.totalBytes)} of script in all. Each page then adds its own chunks:`,
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
