// Case 9: browser mode on the full dataset — the real web server on the big database and Debian's
// Chromium; the time from navigation to the projects page showing its first table row, beside the
// same navigations on a small database (the baseline).
//
// Beside the wall time, each navigation records what the page's main thread spent (Chromium's
// Performance metrics over the DevTools protocol: CPU time of the thread, script run, compile,
// style and layout), which stays comparable on a loaded machine where the wall time does not, and
// the last navigation's timeline (navigation and resource timing, first paint, the first row).
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright-core'
import { openBackend } from '../../db/backend'
import { warmSlices } from '../../electron/handlers/slices'
import { startWebServer } from '../../electron/server/web-server'
import { findChromium, launchBrowser } from '../../tests/support/browser'
import { generate, type Sizes } from '../generate'
import { stats, type Stats } from '../measure'
import { rendererDirOf } from './bundle'

/** The page's main-thread work up to the first row, ms (Chromium's Performance.getMetrics). */
export interface PageWork {
  /** CPU time of the renderer's main thread */
  thread: number
  script: number
  compile: number
  style: number
  layout: number
}

/** One step of the timeline: ms from the navigation's start. */
export interface TimelineStep {
  at: number
  end?: number
  what: string
}

export interface BrowserResult {
  skipped: string | null
  /** The first navigation (empty browser cache) and the following ones. */
  cold: number | null
  warm: Stats | null
  /** The same navigations on a small database, taking turns with the big one. */
  baseline?: { projects: number; cold: number; warm: Stats }
  /** How long the server took for the page's project-list call (ms, as seen by the browser). */
  listCall: Stats | null
  /** Main-thread work of the following navigations, medians. */
  work?: PageWork | null
  /** The last navigation, step by step. */
  timeline?: TimelineStep[]
  /** The first navigation (empty cache, the server's first calls), step by step. */
  coldTimeline?: TimelineStep[]
  pass: boolean
}

const FIRST_ROW = '.ant-table-tbody tr.ant-table-row'

// Runs in the page before its own scripts: marks the moment the first row is in the document and
// keeps the long tasks (they are not buffered for an observer that starts later).
const RECORDER = `(() => {
  window.__longTasks = []
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]) }).observe({ type: 'longtask' })
  const seen = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(FIRST_ROW)})) { performance.mark('first-row'); seen.disconnect() }
  })
  seen.observe(document, { childList: true, subtree: true })
})()`

// Read in the page (a string: this file is compiled without the DOM's types).
const READ_ENTRIES = `({
  nav: performance.getEntriesByType('navigation')[0].toJSON(),
  resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name, startTime: r.startTime, responseEnd: r.responseEnd, initiatorType: r.initiatorType })),
  paints: performance.getEntriesByType('paint').map((p) => ({ name: p.name, startTime: p.startTime })),
  firstRow: performance.getEntriesByName('first-row')[0]?.startTime ?? 0,
  longTasks: window.__longTasks,
})`

/** Starts counting the page's main-thread work (the metrics count from Performance.enable); the answer reads it. */
async function countPageWork(page: Page): Promise<() => Promise<PageWork>> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    await cdp.detach()
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
    return {
      thread: metric('ThreadTime'),
      script: metric('ScriptDuration'),
      compile: metric('V8CompileDuration'),
      style: metric('RecalcStyleDuration'),
      layout: metric('LayoutDuration'),
    }
  }
}

interface Entries {
  nav: { responseStart: number; responseEnd: number; domInteractive: number; domContentLoadedEventEnd: number; loadEventEnd: number }
  resources: { name: string; startTime: number; responseEnd: number; initiatorType: string }[]
  paints: { name: string; startTime: number }[]
  firstRow: number
  longTasks: [number, number][]
}

function timelineOf(e: Entries): TimelineStep[] {
  const short = (url: string) => new URL(url).pathname.replace(/^\/assets\//, '').replace(/-[\w-]{8}(\.\w+)$/, '$1')
  const steps: TimelineStep[] = [
    { at: e.nav.responseStart, end: e.nav.responseEnd, what: 'HTML' },
    ...e.resources.map((r) => ({ at: r.startTime, end: r.responseEnd, what: `${r.initiatorType} ${short(r.name)}` })),
    { at: e.nav.domInteractive, what: 'DOM interactive (the entry module and its static imports ran)' },
    { at: e.nav.domContentLoadedEventEnd, what: 'DOMContentLoaded' },
    ...e.paints.map((p) => ({ at: p.startTime, what: p.name })),
    ...e.longTasks.map(([at, duration]) => ({ at, end: at + duration, what: `long task ${Math.round(duration)} ms` })),
    { at: e.firstRow, what: 'first table row in the document' },
  ]
  return steps.filter((s) => s.at > 0).sort((a, b) => a.at - b.at)
}

/** The baseline's database: one office's worth, more than the page's 50 rows. */
const BASELINE_SIZES: Sizes = { projects: 200, investors: 50, negotiations: 2_000 }

/** One database behind its own web server and its own browser profile (so each has its own first navigation). */
interface Subject {
  label: string
  /** A fresh one-time launch address at each read (WebServer.url). */
  launchUrl: () => string
  browser: Awaited<ReturnType<typeof launchBrowser>>
  times: number[]
  listCalls: number[]
  works: PageWork[]
  timeline: TimelineStep[]
  coldTimeline: TimelineStep[]
  close: () => Promise<void>
}

async function openSubject(label: string, file: string, rendererDir: string): Promise<Subject> {
  const backend = await openBackend({ file, lock: false, autoBackup: false })
  const server = await startWebServer({ env: { ctx: backend.ctx, backend, shell: 'web' }, rendererDir })
  const browser = await launchBrowser()
  return {
    label,
    launchUrl: () => server.url,
    browser,
    times: [],
    listCalls: [],
    works: [],
    timeline: [],
    coldTimeline: [],
    close: async () => {
      await browser.close()
      await server.close()
      await backend.close()
    },
  }
}

/** The subject's next navigation to the projects page, until its first row is visible. */
async function navigate(subject: Subject, log: (line: string) => void): Promise<void> {
  const page = await subject.browser.context.newPage()
  await page.addInitScript(RECORDER)
  const readWork = await countPageWork(page)
  const started = new Map<string, number>()
  page.on('request', (r) => {
    if (r.url().includes('/api/project-list')) started.set(r.url(), performance.now())
  })
  page.on('response', (r) => {
    const t0 = started.get(r.url())
    if (t0 !== undefined) subject.listCalls.push(performance.now() - t0)
  })
  const t = performance.now()
  await page.goto(`${subject.launchUrl()}#/projects`)
  await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 180_000 })
  subject.times.push(performance.now() - t)
  const work = await readWork()
  const first = subject.times.length === 1
  if (!first) subject.works.push(work)
  log(`  9 ${subject.label} run ${subject.times.length}: ${subject.times.at(-1)!.toFixed(0)} ms to the first row; main thread ${work.thread.toFixed(0)} ms CPU (script ${work.script.toFixed(0)}, compile ${work.compile.toFixed(0)}, style ${work.style.toFixed(0)}, layout ${work.layout.toFixed(0)})`)
  subject.timeline = timelineOf((await page.evaluate(READ_ENTRIES)) as Entries)
  if (first) subject.coldTimeline = subject.timeline
  await page.close()
}

export async function browserCase(file: string, root: string, reps: number, log: (line: string) => void): Promise<BrowserResult> {
  const rendererDir = rendererDirOf(root)
  if (!existsSync(join(rendererDir, 'index.html'))) return { skipped: 'out/renderer missing (npm run build)', cold: null, warm: null, listCall: null, pass: false }
  if (!findChromium()) return { skipped: 'Chromium not found', cold: null, warm: null, listCall: null, pass: false }
  // The baseline: the same page, build and browser on a small database, the two taking turns
  // navigation by navigation, so that what the big database costs shows apart from what the
  // page's own script costs on this machine.
  const baselineDir = join(dirname(file), 'case9-baseline')
  mkdirSync(baselineDir, { recursive: true })
  const baselineFile = join(baselineDir, 'crm.sqlite')
  await generate(baselineFile, BASELINE_SIZES, 20_261_202)
  const subjects: Subject[] = []
  try {
    subjects.push(await openSubject('big database', file, rendererDir))
    subjects.push(await openSubject(`baseline (${BASELINE_SIZES.projects} projects)`, baselineFile, rendererDir))
    // As the app's backend does once it is ready (backend-host/child.ts). Here the slices are
    // TypeScript compiled as they load (tsx), seconds that the built app does not spend: left to the
    // first navigation, they made it measure the compiler.
    await warmSlices()
    for (let i = 0; i < reps + 1; i++) for (const subject of subjects) await navigate(subject, log)
  } finally {
    for (const subject of subjects) await subject.close()
    rmSync(baselineDir, { recursive: true, force: true })
  }
  const [big, small] = subjects as [Subject, Subject]
  const warm = stats(big.times.slice(1))
  const median = (key: keyof PageWork) => stats(big.works.map((w) => w[key])).median
  const work = big.works.length ? { thread: median('thread'), script: median('script'), compile: median('compile'), style: median('style'), layout: median('layout') } : null
  return {
    skipped: null,
    cold: big.times[0]!,
    warm,
    baseline: { projects: BASELINE_SIZES.projects, cold: small.times[0]!, warm: stats(small.times.slice(1)) },
    listCall: big.listCalls.length ? stats(big.listCalls) : null,
    work,
    timeline: big.timeline,
    coldTimeline: big.coldTimeline,
    pass: big.times[0]! < 1500 && warm.p95 < 1500,
  }
}

/** The lines case 9 adds to the results beside its times. */
export function renderBrowserDetail(b: BrowserResult): string[] {
  const ms = (n: number) => Math.round(n).toLocaleString('en')
  const lines: string[] = []
  if (b.work) {
    lines.push(
      `- The page's main thread up to the first row (following navigations, medians; CPU, so comparable under load): ${ms(b.work.thread)} ms CPU; script ${ms(b.work.script)} ms, of it compile ${ms(b.work.compile)} ms; style ${ms(b.work.style)} ms; layout ${ms(b.work.layout)} ms`,
    )
  }
  const table = (title: string, steps: TimelineStep[] | undefined) => {
    if (!steps?.length) return
    lines.push('', title, '', '| from | to | what |', '|---:|---:|---|')
    for (const step of steps) lines.push(`| ${ms(step.at)} | ${step.end === undefined ? '' : ms(step.end)} | ${step.what} |`)
  }
  table("The first navigation (empty cache, the server's first calls), ms from its start:", b.coldTimeline)
  table('The last navigation, ms from its start:', b.timeline)
  return lines
}
