// Case 10: how fast the command line starts. `--help` and `call park-list` from the bundle
// (out/cli/index.mjs, npm run build), beside a bare `node -e ''` start measured in the same loop,
// and the old way (tsx compiling the TypeScript sources at each start) a few times. Each run is a
// fresh process; the runs are interleaved so the machine's load falls on all of them alike.
// CPU time per run (the steadier figure on a shared machine) comes from /proc on Linux.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { stats, type Stats } from '../measure'

const TARGET_MS = 300

export interface CliStartResult {
  skipped: string | null
  /** label → wall ms and (Linux) CPU ms of the child */
  runs: { label: string; wall: Stats; cpu: Stats | null }[]
  pass: boolean
}

/** CPU time (user + system, ms) of this process's finished children, from /proc/self/stat; null elsewhere. */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    // after "pid (comm) ": state is field 3; cutime and cstime are fields 16 and 17, in clock ticks (100 per second)
    return (Number(fields[13]) + Number(fields[14])) * 10
  } catch {
    return null
  }
}

function timeRun(args: string[], cwd: string): { wall: number; cpu: number | null } {
  const cpu0 = childrenCpuMs()
  const t = performance.now()
  const child = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
  const wall = performance.now() - t
  const cpu1 = childrenCpuMs()
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`)
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 }
}

export function cliStartCase(file: string, root: string, reps: number, log: (line: string) => void): CliStartResult {
  const bundle = join(root, 'out', 'cli', 'index.mjs')
  if (!existsSync(bundle)) return { skipped: 'out/cli/index.mjs missing (npm run build)', runs: [], pass: false }
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const cases: [string, string[], number][] = [
    ["bare `node -e ''` (baseline)", ['-e', ''], reps],
    ['bundle: `--help`', [bundle, '--help'], reps],
    ['bundle: `call park-list` on this database', [bundle, '--db', file, 'call', 'park-list', '{}'], reps],
    ['before: tsx compiling the sources, `--help`', [tsx, join(root, 'electron', 'cli', 'index.ts'), '--help'], Math.min(reps, 3)],
  ]
  const samples = cases.map(() => ({ wall: [] as number[], cpu: [] as number[] }))
  // one untimed run each: the first start reads the files from disk
  for (const [, args] of cases) timeRun(args, root)
  for (let i = 0; i < reps; i++) {
    cases.forEach(([, args, times], c) => {
      if (i >= times) return
      const run = timeRun(args, root)
      samples[c]!.wall.push(run.wall)
      if (run.cpu !== null) samples[c]!.cpu.push(run.cpu)
    })
  }
  const runs = cases.map(([label], c) => ({ label, wall: stats(samples[c]!.wall), cpu: samples[c]!.cpu.length ? stats(samples[c]!.cpu) : null }))
  for (const run of runs) log(`  10 ${run.label}: p50 ${run.wall.median.toFixed(0)} ms wall${run.cpu ? `, ${run.cpu.median.toFixed(0)} ms CPU` : ''}`)
  // The target is for the command itself: the part above a bare Node start must stay under 300 ms.
  const bare = runs[0]!.wall.median
  return { skipped: null, runs, pass: runs[1]!.wall.median - bare < TARGET_MS && runs[2]!.wall.median - bare < TARGET_MS }
}

export function renderCliStart(r: CliStartResult): string[] {
  const lines = ['## Case 10: the command line starts', '']
  if (r.skipped) return [...lines, `Skipped: ${r.skipped}.`, '']
  lines.push(
    `Each run a fresh \`node\` process, interleaved with the bare start. Target: a command starts in under ${TARGET_MS} ms above a bare Node start.`,
    '',
    '| run | wall p50 ms | wall p95 ms | CPU p50 ms |',
    '|---|---:|---:|---:|',
  )
  for (const run of r.runs) lines.push(`| ${run.label} | ${run.wall.median.toFixed(0)} | ${run.wall.p95.toFixed(0)} | ${run.cpu ? run.cpu.median.toFixed(0) : '—'} |`)
  lines.push('', r.pass ? '✅' : '❌', '')
  return lines
}
