// Stage paths and their dates: pure, from the PRNG. A path is the list of stage changes after the
// project entered the reserve (as a lead), each with the days since the previous one.
import phrases from '../../../resources/demo/phrases.json'
import { addDays, daysBetween } from '../../domain/dates'
import { MAIN_STAGES, type MainStage, type Stage, stageRank } from '../../domain/stages'
import type { Rng } from './random'

export interface Step {
  stage: Stage
  /** Days after the previous step (or after reserveOn for the first). */
  gap: number
  reason?: string
  note?: string
  on?: string
}

export type Outcome = MainStage | 'on_hold' | 'lost' | 'terminated'

const GAPS: Record<Stage, [number, number]> = {
  lead: [0, 0],
  contacted: [7, 60],
  negotiating: [15, 90],
  signed: [30, 150],
  registered: [15, 75],
  started: [30, 120],
  completed: [180, 420],
  operating: [30, 120],
  evaluated: [180, 330],
  on_hold: [20, 120],
  lost: [20, 150],
  terminated: [60, 240],
}

/** Compressed gaps: 当年策划、当年开工、当年投产. */
const SAME_YEAR_GAPS: Partial<Record<Stage, [number, number]>> = {
  contacted: [4, 10],
  negotiating: [6, 18],
  signed: [8, 20],
  registered: [6, 14],
  started: [8, 25],
  completed: [80, 130],
  operating: [12, 35],
}

const gapOf = (rng: Rng, stage: Stage, sameYear = false) => {
  const [low, high] = (sameYear ? SAME_YEAR_GAPS[stage] : undefined) ?? GAPS[stage]
  return rng.int(low, high)
}

export type Twist = 'none' | 'back' | 'back_final' | 'resumed'

/** The stage changes from lead to the outcome, with a move back or a pause when asked. */
export function buildPath(rng: Rng, outcome: Outcome, twist: Twist, sameYear = false): Step[] {
  const step = (stage: Stage, extra: Partial<Step> = {}): Step => ({ stage, gap: gapOf(rng, stage, sameYear), ...extra })
  const side = outcome === 'on_hold' || outcome === 'lost' || outcome === 'terminated'
  const lastMain: MainStage = side
    ? outcome === 'terminated'
      ? rng.pick(['signed', 'signed', 'registered'] as const)
      : rng.pick(outcome === 'lost' ? (['contacted', 'negotiating', 'negotiating'] as const) : (['contacted', 'negotiating', 'signed'] as const))
    : outcome
  const path: Step[] = []
  for (const stage of MAIN_STAGES.slice(1, stageRank(lastMain) + 1)) {
    // A few skip a stage (an existing company does not register again; a referral is already in talks).
    if (!sameYear && stage === 'contacted' && stageRank(lastMain) > 2 && rng.chance(0.08)) continue
    if (!sameYear && stage === 'registered' && stageRank(lastMain) > 4 && rng.chance(0.08)) continue
    path.push(step(stage))
  }
  const backTo = (stage: 'contacted' | 'negotiating' | 'signed') => rng.pick(phrases.backReasons[stage])
  if (twist === 'back' || twist === 'back_final') {
    // Moved back one stage with a reason, then (unless final) forward again.
    const candidates = path.filter((s) => ['negotiating', 'signed', 'registered'].includes(s.stage))
    if (candidates.length > 0) {
      const at = path.indexOf(twist === 'back_final' ? candidates[candidates.length - 1]! : rng.pick(candidates))
      const from = path[at]!.stage as 'negotiating' | 'signed' | 'registered'
      const to = ({ negotiating: 'contacted', signed: 'negotiating', registered: 'signed' } as const)[from]
      const inserted: Step[] = [{ stage: to, gap: rng.int(10, 60), reason: backTo(to) }]
      if (twist === 'back') inserted.push({ stage: from, gap: rng.int(20, 90), note: '重新推进' })
      path.splice(at + 1, 0, ...inserted)
    }
  } else if (twist === 'resumed') {
    const at = path.findIndex((s) => s.stage === 'negotiating')
    if (at >= 0) {
      path.splice(at + 1, 0, { stage: 'on_hold', gap: rng.int(20, 90), reason: rng.pick(phrases.sideReasons.on_hold) }, {
        stage: 'negotiating',
        gap: rng.int(60, 200),
        note: '企业重启投资计划，恢复洽谈',
      })
    }
  }
  if (side) path.push(step(outcome, { reason: rng.pick(phrases.sideReasons[outcome]) }))
  return path
}

const sum = (steps: readonly Step[]) => steps.reduce((total, s) => total + s.gap, 0)

function squeeze(steps: Step[], room: number): void {
  const total = sum(steps)
  if (total <= room) return
  const factor = room / total
  for (const s of steps) s.gap = Math.max(steps.length <= room ? 1 : 0, Math.floor(s.gap * factor))
}

/**
 * Dates for the path within [first, today]: anchored (a step, or the reserve for index -1, on a
 * given date) when that fits, else placed with the reserve date leaning to recent years. Returns
 * reserveOn and fills each step's `on`; null when the anchor does not fit.
 */
export function placePath(rng: Rng, path: Step[], first: string, today: string, anchor?: { index: number; on: string }): string | null {
  if (anchor) {
    const before = path.slice(0, anchor.index + 1)
    const after = path.slice(anchor.index + 1)
    const reserveOn = addDays(anchor.on, -sum(before))
    if (reserveOn < first || anchor.on > today) return null
    if (addDays(anchor.on, sum(after)) > today) squeeze(after, daysBetween(anchor.on, today))
    if (addDays(anchor.on, sum(after)) > today) return null
    fill(path, reserveOn)
    return reserveOn
  }
  const room = daysBetween(first, today)
  squeeze(path, room - 2)
  const slack = Math.max(0, room - sum(path))
  const reserveOn = addDays(first, Math.floor(slack * Math.sqrt(rng.next())))
  fill(path, reserveOn)
  return reserveOn
}

function fill(path: Step[], reserveOn: string): void {
  let on = reserveOn
  for (const s of path) {
    on = addDays(on, s.gap)
    s.on = on
  }
}
