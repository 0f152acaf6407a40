// The checks `npm test` runs before vitest (three type-checks, lint, build), as many at a time as
// the machine has cores. Each is one single-threaded process, so one after the other left a core
// idle for minutes. Longest first (CPU seconds measured on this machine), so the short ones fill
// the gaps at the end. Each check's output is printed whole when it ends (no interleaving); after a
// failure no further check starts, the running ones finish, and the exit code is 1.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { markBuilt } from './needs-build.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

// Lint leaves import cycles to tests/unit/import-cycles.test.ts, later in the same npm test (see
// eslint.config.js); its other rules each read one file only, so a file whose text has not changed
// keeps its result from the last run (ESLint's cache: the config is part of its key; the lock file
// is part of the cache's name, so upgraded plugins start a fresh cache).
const lockHash = createHash('sha1').update(readFileSync(join(root, 'package-lock.json'))).digest('hex').slice(0, 12)
const LINT = `eslint --max-warnings 0 --cache --cache-strategy content --cache-location node_modules/.cache/eslint-check/${lockHash}.json .`

/**
 * [name, command, env, afterSuccess] — the same commands as package.json's typecheck, lint and build
 * scripts, longest first. CPU seconds (user + system) from a clean checkout, each alone, at load
 * 15–24 (2026-11-30): lint 65 (without the cycle rule; 5 from a warm cache), backend and browser
 * tests together 65 (one `tsc -b`: the browser tests read the backend's declarations instead of
 * type-checking the backend's sources a second time, which cost 55 + 38.5 as two projects),
 * renderer 45, build 8.
 */
const CHECKS = [
  ['typecheck (backend, browser tests)', 'tsc -b tsconfig.e2e.json'],
  ['lint', LINT, { CRM_CYCLES_BY_TEST: '1' }],
  ['typecheck (renderer)', 'tsc -p tsconfig.web.json --noEmit'],
  // The app's build stamp (scripts/needs-build.mjs), as `npm run web` writes it after its own build:
  // without it the browser test of `npm run web` (tests/e2e/parks.test.ts) built the app once more.
  ['build', 'electron-vite build && node scripts/build-cli.mjs', {}, (startedAt) => markBuilt(root, undefined, startedAt)],
]

const lanes = Math.max(1, Number(process.env.CHECK_JOBS) || availableParallelism())
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}`, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' }
const started = Date.now()
let failed = false

function run([name, command, extraEnv, afterSuccess]) {
  return new Promise((resolve) => {
    const begin = Date.now()
    const child = spawn(command, { cwd: root, env: { ...env, ...extraEnv }, shell: true, stdio: ['ignore', 'pipe', 'pipe'] })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('close', (code) => {
      const seconds = ((Date.now() - begin) / 1000).toFixed(1)
      const ok = code === 0
      if (ok) afterSuccess?.(new Date(begin))
      if (!ok) failed = true
      process.stdout.write(`\n── ${name}: ${ok ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s ── ${command}\n`)
      process.stdout.write(Buffer.concat(output))
      resolve()
    })
  })
}

const queue = [...CHECKS]
async function lane() {
  for (let check = queue.shift(); check && !failed; check = queue.shift()) await run(check)
}
await Promise.all(Array.from({ length: lanes }, lane))
const total = ((Date.now() - started) / 1000).toFixed(1)
process.stdout.write(`\n${failed ? 'Checks FAILED' : 'All checks passed'} in ${total} s (${lanes} at a time)\n`)
process.exit(failed ? 1 : 0)
