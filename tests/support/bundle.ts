// The backend's process entries (the backend child, the command line) bundled from source once per
// test file, for tests that start them as real processes. `tsx` would transpile the whole backend
// again in every process it starts: about 3.5 s of CPU per backend child against 1 s for the
// bundle, and `npx tsx` adds npm's own start on top. Same source, same esbuild transpiler as tsx;
// only the per-process compile goes. (tests/crash/spawn.ts does the same for the crash writer.)
import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(__dirname, '..', '..')
// Inside the repository, so the external packages (better-sqlite3, kysely, exceljs) resolve from
// node_modules; one file per test process, so parallel workers never overwrite each other's.
const CACHE = join(ROOT, 'node_modules', '.cache', 'crm-test-bundles')

const ENTRIES = {
  /** The backend process (electron/backend-host/child.ts), as forkBackend starts it. */
  'backend-child': join(ROOT, 'electron', 'backend-host', 'child.ts'),
  /** The command line (electron/cli/index.ts), as `npm run cli` runs it. */
  cli: join(ROOT, 'electron', 'cli', 'index.ts'),
} as const

export type BundledEntry = keyof typeof ENTRIES

const built = new Map<BundledEntry, Promise<string>>()
const written: string[] = []

/** The entry bundled to a plain ES module that `node <file>` (or fork) runs; built on first use. */
export function bundled(entry: BundledEntry): Promise<string> {
  let file = built.get(entry)
  if (!file) {
    const outfile = join(CACHE, `${entry}-${process.pid}.mjs`)
    file = (async () => {
      mkdirSync(CACHE, { recursive: true })
      removeOrphans()
      await build({
        entryPoints: [ENTRIES[entry]],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        outfile,
        logLevel: 'error',
      })
      // 'exit' runs when the worker ends by itself; a worker vitest kills leaves its files to removeOrphans.
      if (written.length === 0) process.once('exit', () => written.forEach((path) => rmSync(path, { force: true })))
      written.push(outfile)
      return outfile
    })()
    built.set(entry, file)
  }
  return file
}

/** Runs the bundled command line once; `out` is its stdout and stderr as they came, in order. */
export async function runCli(args: string[]): Promise<{ code: number | null; out: string }> {
  const entry = await bundled('cli')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry, ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

/** Bundles left by test processes that have ended (the pid in the name no longer runs). */
function removeOrphans(): void {
  for (const name of readdirSync(CACHE)) {
    const pid = Number(/-(\d+)\.mjs$/.exec(name)?.[1])
    if (pid && pid !== process.pid && !running(pid)) rmSync(join(CACHE, name), { force: true })
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
