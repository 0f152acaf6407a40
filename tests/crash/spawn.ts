// Runs tests/crash/writer.ts as a plain Node process. Bundled once per test run: `tsx` would
// transpile the whole backend on every start (seconds on a busy two-core machine), and its binary
// runs the script in a grandchild that a SIGKILL of the spawned process would miss.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

const ROOT = join(__dirname, '..', '..')
// Inside the repository, so the external packages (better-sqlite3, kysely) resolve from node_modules.
const OUT = join(ROOT, 'node_modules', '.cache', 'crm-crash', `writer-${process.pid}.mjs`)
let built: Promise<string> | null = null

export function bundleWriter(): Promise<string> {
  built ??= (async () => {
    mkdirSync(join(OUT, '..'), { recursive: true })
    await build({
      entryPoints: [join(__dirname, 'writer.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: OUT,
      logLevel: 'error',
    })
    return OUT
  })()
  return built
}

export async function spawnWriter(args: string[]): Promise<ChildProcess> {
  return spawn(process.execPath, [await bundleWriter(), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Runs the writer to its end (probe mode); resolves with its stdout. */
export async function runWriter(args: string[]): Promise<string> {
  const child = await spawnWriter(args)
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer exited with ${code}: ${err}`))))
  })
}

export function removeWriterBundle(): void {
  rmSync(OUT, { force: true })
  built = null
}
