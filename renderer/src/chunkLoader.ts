// The window's first script: runs the app's chunks, which the build makes classic scripts
// (renderer/build/classicChunks.ts says why). Not imported by the app; the build emits it as a script
// of its own, and index.html lists it first, then the opening chunks in the order they run.
//
// A chunk's script hands its code over with `__crmChunks.define(file, factory)`; the code runs at
// once when every chunk it imports has come (in the same task as its script, so that the functions
// it compiles are in the code cache that Chromium keeps for the script). A chunk asked for later (a
// page opened, a dialog) comes as scripts added to the document, its stylesheets first.
import type { ChunkGraph } from './chunkGraph'

type Require = (specifier: string) => unknown
type Load = (specifier: string) => Promise<unknown>
type Factory = (require: Require, exports: object, module: { exports: object }, load: Load) => void

interface Arrival {
  promise: Promise<void>
  arrived(): void
  failed(error: Error): void
}

declare global {
  interface Window {
    __crmChunks: { define(file: string, factory: Factory): void }
  }
}

const graph = JSON.parse(document.getElementById('crm-chunks')!.textContent!) as ChunkGraph
const factories = new Map<string, Factory>()
const modules = new Map<string, { exports: object }>()
const arrivals = new Map<string, Arrival>()
const linkedCss = new Set<string>()

/** A chunk's imports name files beside it ("./x.js"), as the build writes them. */
const resolve = (from: string, specifier: string) => from.slice(0, from.lastIndexOf('/') + 1) + specifier.replace(/^\.\//, '')

function arrivalOf(file: string): Arrival {
  let arrival = arrivals.get(file)
  if (!arrival) {
    let arrived!: () => void
    let failed!: (error: Error) => void
    const promise = new Promise<void>((resolve, reject) => ((arrived = resolve), (failed = reject)))
    arrival = { promise, arrived, failed }
    arrivals.set(file, arrival)
  }
  return arrival
}

/** chunkGraph.ts's closureOf on this window's graph: the file and every chunk it imports, imports first. */
function closureOf(file: string): string[] {
  const order: string[] = []
  const seen = new Set<string>()
  const visit = (next: string) => {
    if (seen.has(next)) return
    seen.add(next)
    graph.chunks[next]!.imports.forEach(visit)
    order.push(next)
  }
  visit(file)
  return order
}

/** Runs a chunk's code (once), as CommonJS's require does: an import cycle sees the exports so far. */
function run(file: string): object {
  const running = modules.get(file)
  if (running) return running.exports
  const module = { exports: {} }
  modules.set(file, module)
  try {
    factories.get(file)!(
      (specifier) => run(resolve(file, specifier)),
      module.exports,
      module,
      (specifier) => load(resolve(file, specifier)),
    )
  } catch (error) {
    modules.delete(file)
    throw error
  }
  return module.exports
}

/** Runs every chunk that has come whose imports have all come too. */
function runWhatCan() {
  for (const file of factories.keys()) {
    if (!modules.has(file) && closureOf(file).every((next) => factories.has(next))) run(file)
  }
}

function addScript(file: string) {
  const script = document.createElement('script')
  script.src = graph.base + file
  // Added scripts run in the order added, as the opening ones do.
  script.async = false
  // Chromium fetches an added script at low priority, behind the document's own requests; this is
  // the page the officer is waiting for.
  script.fetchPriority = 'high'
  // Failed, and forgotten: asked for again, the chunk is fetched again.
  script.onerror = () => {
    const arrival = arrivalOf(file)
    arrivals.delete(file)
    arrival.failed(new Error(`无法加载页面脚本 ${file}`))
  }
  document.head.append(script)
}

function addStylesheet(file: string): Promise<void> {
  linkedCss.add(file)
  return new Promise((resolve, reject) => {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.fetchPriority = 'high'
    link.href = graph.base + file
    link.onload = () => resolve()
    link.onerror = () => {
      linkedCss.delete(file)
      reject(new Error(`无法加载页面样式 ${file}`))
    }
    document.head.append(link)
  })
}

/** A chunk asked for by the code (a dynamic import): its scripts and stylesheets, then its exports. */
function load(file: string): Promise<unknown> {
  const chunks = closureOf(file)
  const styles = chunks.flatMap((next) => graph.chunks[next]!.css).filter((css) => !linkedCss.has(css))
  const stylesheets = [...new Set(styles)].map(addStylesheet)
  for (const next of chunks) {
    if (!arrivals.has(next)) {
      arrivalOf(next)
      addScript(next)
    }
  }
  return Promise.all([...chunks.map((next) => arrivalOf(next).promise), ...stylesheets]).then(() => run(file))
}

// The opening chunks are index.html's own scripts, after this one; their stylesheet is linked there.
for (const file of closureOf(graph.entry)) {
  arrivalOf(file)
  graph.chunks[file]!.css.forEach((css) => linkedCss.add(css))
}

window.__crmChunks = {
  define(file, factory) {
    factories.set(file, factory)
    // A chunk whose code throws fails its load too (and the error shows as the script's).
    try {
      runWhatCan()
    } catch (error) {
      arrivalOf(file).failed(error as Error)
      throw error
    }
    arrivalOf(file).arrived()
  },
}
