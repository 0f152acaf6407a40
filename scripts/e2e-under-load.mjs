#!/usr/bin/env node
// Runs the browser suite while every core is kept busy, several times in a row: the proof that
// the end-to-end tests wait for states rather than for time. A busy office laptop (or a CI runner
// shared with other jobs) is where fixed delays and early clicks fail.
//
//   node scripts/e2e-under-load.mjs [--runs 3] [--busy N] [-- vitest args…]
//
// One busy-loop child per core (or --busy N) runs for the whole session and is killed on every
// way out: normal end, failure, Ctrl+C, SIGTERM. Each run is bounded (--run-timeout minutes).
// Exit code 0 only when every run passed. Build first (`npx electron-vite build`): the suite
// serves out/renderer.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 && at + 1 < args.length ? Number(args[at + 1]) : fallback
}
const runs = option('runs', 3)
const busyCount = option('busy', availableParallelism())
const runTimeoutMs = option('run-timeout', 45) * 60_000
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : []

// Build once and test that copy in every run: a build started elsewhere meanwhile (out/ is shared)
// must not change what is tested halfway. --no-build tests out/renderer as it is.
const snapshot = mkdtempSync(join(tmpdir(), 'crm-e2e-load-'))
if (!args.includes('--no-build')) execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
cpSync(join('out', 'renderer'), join(snapshot, 'renderer'), { recursive: true })

const BUSY_LOOP = 'for (;;) { Math.sqrt(Math.random()) }'
const busy = Array.from({ length: busyCount }, () => spawn(process.execPath, ['-e', BUSY_LOOP], { stdio: 'ignore' }))
let current = null

function stopAll() {
  for (const child of busy) if (child.exitCode === null) child.kill('SIGKILL')
  // The suite runs in its own process group: stopping it stops vitest, its workers and browsers.
  if (current && current.exitCode === null) process.kill(-current.pid, 'SIGKILL')
  rmSync(snapshot, { recursive: true, force: true })
}
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopAll()
    process.exit(130)
  })
}

function runSuite(index) {
  return new Promise((resolve) => {
    const started = Date.now()
    console.log(`\n=== run ${index}/${runs}: ${busyCount} busy loops, load average ${loadavg()[0].toFixed(1)} ===`)
    current = spawn(join('node_modules', '.bin', 'vitest'), ['run', '--project', 'e2e', ...extra], {
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, CI: '1', CRM_E2E_RENDERER: join(snapshot, 'renderer') },
    })
    const timer = setTimeout(() => {
      console.log(`run ${index} exceeded ${runTimeoutMs / 60_000} minutes: stopping it`)
      process.kill(-current.pid, 'SIGKILL')
    }, runTimeoutMs)
    // The load over the whole run, not only at its ends: other work on the machine comes and goes.
    const loads = [loadavg()[0]]
    const sampler = setInterval(() => loads.push(loadavg()[0]), 15_000)
    current.on('exit', (code, signal) => {
      clearTimeout(timer)
      clearInterval(sampler)
      loads.push(loadavg()[0])
      const seconds = Math.round((Date.now() - started) / 1000)
      const load = { min: Math.min(...loads), mean: loads.reduce((sum, value) => sum + value, 0) / loads.length, max: Math.max(...loads) }
      resolve({ index, passed: code === 0, code: code ?? signal, seconds, load })
    })
  })
}

const results = []
for (let index = 1; index <= runs; index += 1) results.push(await runSuite(index))
stopAll()

console.log('\n=== e2e under load ===')
for (const r of results) {
  const load = `load average min ${r.load.min.toFixed(1)}, mean ${r.load.mean.toFixed(1)}, max ${r.load.max.toFixed(1)}`
  console.log(`run ${r.index}: ${r.passed ? 'passed' : `FAILED (exit ${r.code})`} in ${r.seconds} s, ${load}`)
}
process.exit(results.every((r) => r.passed) ? 0 : 1)
