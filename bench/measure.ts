// Timing: repetitions with medians and p95, ours and the baseline interleaved so that a load spike
// on this (shared, busy) machine hits both sides alike.
import { loadavg } from 'node:os'

export interface Stats {
  n: number
  median: number
  p95: number
  min: number
  max: number
}

export interface Comparison {
  id: string
  label: string
  ours: Stats
  baseline: Stats
  /** Median CPU time of this process per call (ms): steadier than wall time on a loaded machine. */
  cpu: { ours: number; baseline: number }
  /** ours.median / baseline.median */
  ratio: number
  /** Targets: p95 below this many ms, ratio at most this. */
  target: { p95Ms: number; ratio: number }
  pass: boolean
  notes?: string
}

const MIN_REPS = 8

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
  return { n: sorted.length, median: at(0.5), p95: at(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! }
}

export async function timeOnce(fn: () => unknown, cpu?: number[]): Promise<number> {
  const c = process.cpuUsage()
  const t = performance.now()
  await fn()
  const wall = performance.now() - t
  if (cpu) {
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  return wall
}

/**
 * Runs ours and baseline alternately over rotating parameters: `warmup` untimed rounds, then `reps`
 * timed ones. Both sides see the same parameters in the same order.
 */
export async function compare<P>(
  id: string,
  label: string,
  params: readonly P[],
  ours: (p: P) => unknown,
  baseline: (p: P) => unknown,
  options: { reps: number; warmup?: number; p95Ms?: number; ratio?: number; notes?: string; budgetSeconds?: number },
): Promise<Comparison> {
  const warmup = options.warmup ?? Math.min(3, params.length)
  // A slow case stops after its time budget (at least MIN_REPS rounds): the run must stay bounded.
  const budget = (options.budgetSeconds ?? 40) * 1000
  const begun = performance.now()
  for (let i = 0; i < warmup; i++) {
    await ours(params[i % params.length]!)
    await baseline(params[i % params.length]!)
  }
  const a: number[] = []
  const b: number[] = []
  const ca: number[] = []
  const cb: number[] = []
  for (let i = 0; i < options.reps; i++) {
    if (i >= MIN_REPS && performance.now() - begun > budget) break
    const p = params[i % params.length]!
    if (i % 2 === 0) {
      a.push(await timeOnce(() => ours(p), ca))
      b.push(await timeOnce(() => baseline(p), cb))
    } else {
      b.push(await timeOnce(() => baseline(p), cb))
      a.push(await timeOnce(() => ours(p), ca))
    }
  }
  const o = stats(a)
  const s = stats(b)
  const target = { p95Ms: options.p95Ms ?? 30, ratio: options.ratio ?? 1.5 }
  const ratio = o.median / s.median
  return { id, label, ours: o, baseline: s, cpu: { ours: stats(ca).median, baseline: stats(cb).median }, ratio, target, pass: o.p95 < target.p95Ms && ratio <= target.ratio, notes: options.notes }
}

export const loadAverage = (): [number, number, number] => loadavg().map((x) => Math.round(x * 100) / 100) as [number, number, number]

/** Peak RSS of this process so far, in MB (the kernel's high-water mark). */
export const peakRssMb = (): number => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
