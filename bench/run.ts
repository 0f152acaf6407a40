// `npm run bench`: generates the city-scale dataset into a temporary database and measures the
// app's heavy paths against hand-written baselines on the same data (see bench/RESULTS.md).
//
//   npm run bench                      full size: 100,000 projects, 20,000 investors, 1,000,000 negotiations
//   npm run bench -- --quick           5,000 / 1,000 / 50,000, fewer repetitions
//   --projects N --investors N --negotiations N   other sizes
//   --reps N          repetitions per query case (default 60, quick 20)
//   --only 1,2,8      run only these cases (1–12; 12, the hub, starts its own PostgreSQL cluster)
//   --db FILE         measure an existing generated database instead of generating (it is copied)
//   --out FILE        where to write the results (default bench/RESULTS.md; quick: the temp folder)
//   --keep            keep the temporary folder (database, ledgers)
//   --json            print the results as one JSON object on stdout (progress goes to stderr)
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, freemem, tmpdir, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openBackend } from '../db/backend'
import { browserCase } from './cases/browser'
import { bundleCase } from './cases/bundle'
import { cliStartCase } from './cases/cli-start'
import { exportCase, importCase, openCase } from './cases/heavy'
import { HUB_SIZES, type HubBenchResult, hubCase, renderHubSection } from './cases/hub'
import { chooseParams, runDetailCase, runQueryCases } from './cases/queries'
import { FULL, type GenerateSummary, QUICK, type Sizes, generate } from './generate'
import { loadAverage } from './measure'
import { type BenchResults, renderResults } from './report'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The header comment above, as `npm run bench -- --help` prints it. */
const HELP = `npm run bench -- [options]: generates the city-scale dataset into a temporary database and measures
the app's heavy paths against hand-written baselines on the same data (bench/RESULTS.md).

  (no option)       full size: 100,000 projects, 20,000 investors, 1,000,000 negotiations
  --quick           5,000 / 1,000 / 50,000, fewer repetitions
  --projects N --investors N --negotiations N   other sizes
  --reps N          repetitions per query case (default 60, quick 20)
  --only 1,2,8      run only these cases
  --db FILE         measure an existing generated database instead of generating (it is copied)
  --out FILE        where to write the results (default bench/RESULTS.md; quick: the temp folder)
  --keep            keep the temporary folder (database, ledgers)
  --json            print the results as one JSON object on stdout (progress goes to stderr)
  --help            this text

Cases: 1 project list, 2 kanban board, 3 global search, 4 reports (funnel, flow, breakdown),
5 project detail + history, 6 ledger export, 7 ledger import, 8 opening the database,
9 first table rows in Chromium, 10 command line start, 11 renderer script per page,
12 the hub (starts its own PostgreSQL cluster).`

const VALUED = new Set(['projects', 'investors', 'negotiations', 'reps', 'only', 'db', 'out'])
const SWITCHES = new Set(['quick', 'keep', 'json', 'help'])

/** A mistake in the command: said in one line, without a stack. */
class UsageError extends Error {}

function parse(argv: string[]) {
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const name = arg.slice(2)
    // A mistyped option must not start a generation of several minutes with the defaults.
    if (!arg.startsWith('--') || (!VALUED.has(name) && !SWITCHES.has(name))) {
      throw new UsageError(`unknown option ${arg} (npm run bench -- --help lists the options)`)
    }
    if (VALUED.has(name) && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))) throw new UsageError(`${arg} needs a value`)
    const next = argv[i + 1]
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next)
      i++
    } else flags.set(arg.slice(2), true)
  }
  const num = (key: string, fallback: number) => (typeof flags.get(key) === 'string' ? Number(flags.get(key)) : fallback)
  const quick = flags.has('quick')
  const base = quick ? QUICK : FULL
  const sizes: Sizes = { projects: num('projects', base.projects), investors: num('investors', base.investors), negotiations: num('negotiations', base.negotiations) }
  const only = typeof flags.get('only') === 'string' ? new Set(String(flags.get('only')).split(',')) : null
  return {
    quick,
    sizes,
    reps: num('reps', quick ? 20 : 60),
    only,
    db: typeof flags.get('db') === 'string' ? String(flags.get('db')) : null,
    out: typeof flags.get('out') === 'string' ? String(flags.get('out')) : null,
    keep: flags.has('keep'),
    json: flags.has('json'),
    help: flags.has('help'),
  }
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2))
  if (options.help) {
    console.log(HELP)
    return
  }
  const log = (line: string) => (options.json ? process.stderr : process.stdout).write(`${line}\n`)
  const wants = (id: string) => !options.only || options.only.has(id)
  const loadStart = loadAverage()
  const startedAt = new Date()
  const t0 = performance.now()
  const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'))
  const file = join(dir, 'crm.sqlite')
  log(`benchmark in ${dir}; load average ${loadStart.join(' ')}`)

  let generation: GenerateSummary | null = null
  if (options.db) {
    log(`copying ${options.db}`)
    copyFileSync(options.db, file)
  } else {
    log(`generating ${options.sizes.projects.toLocaleString('en')} projects, ${options.sizes.investors.toLocaleString('en')} investors, ${options.sizes.negotiations.toLocaleString('en')} negotiations`)
    generation = await generate(file, options.sizes, 20_260_331, log)
    log(`generated in ${generation.seconds.toFixed(0)} s, ${(generation.bytes / 1048576).toFixed(0)} MB`)
  }

  const results: BenchResults = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memoryGb: Math.round((totalmem() / 1073741824) * 10) / 10,
      freeMemoryGb: Math.round((freemem() / 1073741824) * 10) / 10,
      node: process.version,
      loadStart,
      loadEnd: loadStart,
    },
    date: startedAt.toISOString(),
    quick: options.quick,
    sizes: options.sizes,
    reps: options.reps,
    generation,
    reusedDb: options.db,
    queries: [],
    open: null,
    browser: null,
    exportLedger: null,
    importLedger: null,
    cliStart: null,
    bundle: null,
    totalSeconds: 0,
  }

  if (wants('8')) {
    log('case 8: opening the database')
    results.open = await openCase(file, options.quick ? 3 : 7, log)
  }
  if (wants('11')) {
    log('case 11: the renderer script per page')
    results.bundle = bundleCase(ROOT)
  }
  if (wants('10')) {
    log('case 10: the command line starts')
    results.cliStart = cliStartCase(file, ROOT, options.quick ? 5 : 10, log)
  }
  const queryIds = ['1', '2', '3', '4', '5']
  if (queryIds.some(wants)) {
    log('cases 1–5: queries through the handlers vs hand-written SQL')
    const backend = await openBackend({ file, lock: false, autoBackup: false })
    try {
      const env = { ctx: backend.ctx, backend, shell: 'test' as const }
      const params = chooseParams(backend.ctx.sqlite)
      const all = queryIds.slice(0, 4).some(wants) ? await runQueryCases(env, params, options.reps, log) : []
      if (wants('5')) all.push(await runDetailCase(env, params, options.reps, log))
      results.queries = all.filter((c) => wants(c.id.replace(/[a-z]$/, '')))
    } finally {
      await backend.close()
    }
  }
  if (wants('9')) {
    log('case 9: browser mode')
    results.browser = await browserCase(file, ROOT, options.quick ? 2 : 4, log)
  }
  if (wants('6')) {
    log('case 6: ledger export')
    results.exportLedger = await exportCase(file, dir, options.quick ? 1 : 2, log)
  }
  if (wants('7')) {
    log('case 7: ledger import (writes into the database: the last case)')
    results.importLedger = await importCase(file, dir, options.quick ? 2_000 : 10_000, options.quick ? 1 : 2, log)
  }

  let hub: HubBenchResult | null = null
  if (wants('12')) {
    log('case 12: the hub (PostgreSQL), first pull and incremental sync')
    hub = await hubCase(options.quick ? HUB_SIZES.quick : HUB_SIZES.full, log)
  }

  results.machine.loadEnd = loadAverage()
  results.totalSeconds = (performance.now() - t0) / 1000
  // Only a full generated run replaces bench/RESULTS.md; partial runs write next to the temp folder.
  const out = options.out ?? (options.quick || options.only || options.db ? `${dir}-RESULTS.md` : join(ROOT, 'bench', 'RESULTS.md'))
  writeFileSync(out, renderResults(results) + (hub ? `\n${renderHubSection(hub)}` : ''))
  log(`results written to ${out}; total ${results.totalSeconds.toFixed(0)} s; load average at the end ${results.machine.loadEnd.join(' ')}`)
  if (options.json) process.stdout.write(`${JSON.stringify(results)}\n`)
  if (!options.keep) rmSync(dir, { recursive: true, force: true })
}

main().catch((error: Error) => {
  console.error(error instanceof UsageError ? error.message : error)
  process.exit(1)
})
