// About 300 projects over the three districts and their parks, each with its stage history
// (through the stage-change service, so milestones and stage events agree), negotiations with
// next steps, agreements, funds in place and enterprise requests, all dated relative to today.
import article from '../../../resources/demo/article.json'
import catalog from '../../../resources/demo/industries.json'
import phrases from '../../../resources/demo/phrases.json'
import words from '../../../resources/demo/words.json'
import { inTransaction } from '../../context'
import { AgreementFields, FundsFields } from '../../domain/deal'
import { addDays, daysBetween } from '../../domain/dates'
import { formatYi } from '../../domain/money'
import { NegotiationFields } from '../../domain/negotiation'
import { ProjectCreate, ProjectStageChange } from '../../domain/project'
import { RequestAdvance, RequestFields } from '../../domain/request'
import { type Stage, stageRank } from '../../domain/stages'
import type { NegotiationType, Priority, ProjectKind, RequestCategory, RequestStatus } from '../../domain/vocab'
import { createAgreement } from '../agreements'
import { createFunds } from '../funds'
import { changeStage } from '../project-stages'
import { createProject } from '../projects'
import { insertRecord } from '../records'
import { advanceRequest, createRequest } from '../requests'
import type { DemoCatalog, DemoUser } from './catalog'
import type { DemoClock } from './clock'
import type { DemoEvent } from './events'
import type { DemoInvestor } from './investors'
import type { Rng } from './random'
import { type Outcome, type Step, type Twist, buildPath, placePath } from './timeline'

export const PROJECT_COUNT = 300

export interface DemoPlace {
  districts: Map<string, string>
  /** Park name → its id and district name. */
  parks: Map<string, { id: string; district: string }>
}

/** What the targets are computed from. */
export interface PlannedProject {
  id: string
  name: string
  district: string
  park: string | null
  totalYuan: number
  reserveOn: string
  steps: Step[]
  funds: Array<{ on: string; yuan: number }>
}

export interface ProjectCounts {
  projects: number
  stageEvents: number
  negotiations: number
  agreements: number
  funds: number
  requests: number
}

const DISTRICT_SHARE: ReadonlyArray<readonly [string, number]> = [['槐荫区', 44], ['长清区', 32], ['平阴县', 24]]
/** Median 总投资 in 亿元 by district: 槐荫 plans the big ones (1590.83亿 for 267 projects in 2024). */
const MEDIAN_YI: Record<string, number> = { 槐荫区: 6, 长清区: 4.5, 平阴县: 2 }
const CONTRACT_PREFIX: Record<string, string> = { 槐荫区: 'HY', 长清区: 'CQ', 平阴县: 'PY' }
const LIGHT = new Set(['会展服务', '总部经济', '软件和信息服务', '网络视听', '文化旅游', '康养服务', '医疗卫生', '教育养老'])

const OUTCOMES: ReadonlyArray<readonly [Outcome, number]> = [
  ['lead', 40], ['contacted', 34], ['negotiating', 54], ['signed', 22], ['registered', 20], ['started', 40],
  ['completed', 15], ['operating', 30], ['evaluated', 8], ['on_hold', 12], ['lost', 15], ['terminated', 5],
]

/** Whole 万元, as ledgers write them: 0.01亿 below 10亿, 0.1亿 above. */
function amountYuan(yi: number): number {
  const step = yi >= 10 ? 1000 : 100
  return Math.max(step, Math.round((yi * 10_000) / step) * step) * 10_000
}

const roundWan = (yuan: number) => Math.round(yuan / 10_000) * 10_000

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
}

interface Spec {
  name: string | null
  investor: DemoInvestor | null
  district: string
  park: string | null
  industry: string
  kind: ProjectKind
  yi: number
  outcome: Outcome
  twist: Twist
  priority: Priority | null
  tags: string[]
  special: 'same_year' | 'signed_idle' | null
  sameYear?: number
}

/** 当年策划、当年开工、当年投产: the article's 10 in 槐荫 in 2023, and 3 more the year before this one. */
function sameYearFor(index: number, today: string): number {
  return index < 10 ? 2023 : Number(today.slice(0, 4)) - 1
}

function specs(rng: Rng, investors: DemoInvestor[], today: string): Spec[] {
  const byKey = new Map(investors.map((investor) => [investor.key, investor]))
  const list: Spec[] = article.projects.map((p) => {
    const park = p.park ?? null
    return {
      name: p.name,
      investor: p.investor ? byKey.get(p.investor)! : null,
      district: p.district ?? '',
      park,
      industry: p.industry,
      kind: p.kind as ProjectKind,
      yi: p.yi,
      outcome: p.stage as Outcome,
      twist: 'none',
      priority: p.priority as Priority,
      tags: p.tags ?? [],
      special: p.sameYear ? 'same_year' : null,
      sameYear: p.sameYear ? 2023 : undefined,
    }
  })
  const parksOf = (district: string) =>
    Object.keys(catalog.parks).filter((park) => {
      const index = Object.keys(catalog.parks).indexOf(park)
      return district === '槐荫区' ? index < 4 : district === '长清区' ? index >= 4 && index < 8 : index >= 8
    })
  const used = new Map<string, number>()
  let sameYear = 1
  let signedIdle = 0
  while (list.length < PROJECT_COUNT) {
    const district = rng.weighted(DISTRICT_SHARE)
    const park = rng.chance(0.04) ? null : rng.pick(parksOf(district))
    const chains = park ? catalog.parks[park as keyof typeof catalog.parks] : ['医疗卫生', '教育养老', '文化旅游']
    const industry = rng.pick(chains)
    const fitting = investors.filter((investor) => investor.industry === industry && investor.key.startsWith('gen'))
    const candidates = fitting.length > 0 ? fitting : investors.filter((investor) => investor.key.startsWith('gen'))
    // Prefer investors without a project yet; a few bring several.
    const fresh = candidates.filter((investor) => !used.has(investor.id))
    const investor = park === null && rng.chance(0.5) ? null : rng.pick(fresh.length > 0 && rng.chance(0.85) ? fresh : candidates)
    if (investor) used.set(investor.id, (used.get(investor.id) ?? 0) + 1)
    const yi = Math.min(80, Math.max(0.5, MEDIAN_YI[district]! * Math.exp(0.9 * rng.normal())))
    let outcome = rng.weighted(OUTCOMES)
    let special: Spec['special'] = null
    let year: number | undefined
    if (district === '槐荫区' && sameYear < 13 && park !== null && !LIGHT.has(industry)) {
      special = 'same_year'
      year = sameYearFor(sameYear, today)
      outcome = 'operating'
      sameYear++
    } else if (signedIdle < 7 && (outcome === 'signed' || outcome === 'registered')) {
      special = 'signed_idle'
      signedIdle++
    }
    const rank = stageRank(outcome)
    const twist: Twist =
      special !== null ? 'none'
      : rank >= 4 && rng.chance(0.06) ? 'back'
      : rank === 3 && rng.chance(0.12) ? 'back_final'
      : rank >= 3 && rng.chance(0.05) ? 'resumed'
      : 'none'
    const big = yi >= 20 ? 'provincial' : yi >= 5 ? 'municipal' : 'district'
    const priority: Priority | null =
      big === 'provincial' ? (rng.chance(0.6) ? 'provincial' : 'municipal')
      : big === 'municipal' ? (rng.chance(0.55) ? 'municipal' : 'district')
      : rng.chance(0.5) ? 'district' : null
    const tags = investor && park === '济南西站枢纽经济商务区' && (investor.city === '北京' || investor.city === '上海') ? ['京沪系'] : []
    list.push({
      name: null,
      investor,
      district,
      park,
      industry,
      kind: rng.weighted<ProjectKind>([['new', 60], ['expansion', 15], ['capital_increase', 15], ['renovation', 10]]),
      yi,
      outcome,
      twist,
      priority,
      tags,
      special,
      sameYear: year,
    })
  }
  return list
}

function projectName(rng: Rng, spec: Spec, taken: Set<string>): string {
  const chain = catalog.industries.flatMap((top) => top.children).find((child) => child.name === spec.industry)!
  const base = spec.name ?? `${spec.investor?.short ?? spec.district.slice(0, 2)}${rng.pick(chain.products)}项目`
  let name = base
  for (let phase = 2; taken.has(name); phase++) name = base.replace(/项目$/, `（${'一二三四五六七八九'[phase - 1] ?? phase}期）项目`)
  taken.add(name)
  return name
}

interface Context {
  clock: DemoClock
  rng: Rng
  catalog: DemoCatalog
  place: DemoPlace
  events: DemoEvent[]
  first: string
}

/** Quotas for the last next step of live projects, so every list of the workbench has rows. */
type Due = 'overdue' | 'today' | 'upcoming' | 'open' | 'done'
const DUE_MIX: ReadonlyArray<readonly [Due, number]> = [['overdue', 20], ['today', 5], ['upcoming', 16], ['open', 4], ['done', 55]]

export async function seedProjects(c: Context, investors: DemoInvestor[]): Promise<{ planned: PlannedProject[]; counts: ProjectCounts }> {
  const { clock, rng, today, first } = { ...c, today: c.clock.today }
  const counts: ProjectCounts = { projects: 0, stageEvents: 0, negotiations: 0, agreements: 0, funds: 0, requests: 0 }
  const planned: PlannedProject[] = []
  const taken = new Set<string>()
  let contractSeq = 0
  const staffOf = (district: string) => c.catalog.users.filter((u) => u.role === 'staff' && u.district === district)
  const leaderOf = (district: string) => c.catalog.users.find((u) => u.role === 'leader' && u.district === district)!
  const allStaff = c.catalog.users.filter((u) => u.role === 'staff')

  for (const spec of specs(rng, investors, today)) {
    const district = spec.park ? c.place.parks.get(spec.park)!.district : spec.district
    const owner = rng.pick(staffOf(district))
    const leader: DemoUser | null = spec.priority === 'provincial' || spec.priority === 'municipal' || rng.chance(0.2) ? leaderOf(district) : null
    const path = buildPath(rng, spec.outcome, spec.twist, spec.special === 'same_year')
    const signedIndex = path.findIndex((s) => s.stage === 'signed')

    // Dates: the special groups first, then events the project came from or was signed at.
    let reserveOn: string | null = null
    let sourceEvent: DemoEvent | null = null
    let signingEvent: DemoEvent | null = null
    if (spec.special === 'same_year' && spec.sameYear) {
      const start = `${spec.sameYear}-01-05`
      reserveOn = placePath(rng, path, first, today, { index: -1, on: addDays(start, rng.int(0, 45)) })
      const operating = path[path.length - 1]!.on!
      if (reserveOn && operating.slice(0, 4) !== String(spec.sameYear)) reserveOn = null
    } else if (spec.special === 'signed_idle') {
      // Signed four to six months ago and still not started: the exception list has rows.
      reserveOn = placePath(rng, path, first, today, { index: signedIndex, on: addDays(today, -rng.int(122, 180)) })
    } else if (rng.chance(0.18)) {
      const fit = c.events.filter((e) => e.type !== 'signing' && e.startOn <= today)
      sourceEvent = rng.pick(fit)
      reserveOn = placePath(rng, path, first, today, { index: -1, on: sourceEvent.startOn })
      if (!reserveOn) sourceEvent = null
    } else if (signedIndex >= 0 && rng.chance(0.3)) {
      const fit = c.events.filter((e) => e.type === 'signing' && e.startOn <= today)
      signingEvent = rng.pick(fit)
      reserveOn = placePath(rng, path, first, today, { index: signedIndex, on: signingEvent.startOn })
      if (!reserveOn) signingEvent = null
    }
    reserveOn ??= placePath(rng, path, first, today)!
    const endOn = path.length > 0 ? path[path.length - 1]!.on! : reserveOn

    const totalYuan = amountYuan(spec.yi)
    const name = projectName(rng, spec, taken)
    const chainLight = LIGHT.has(spec.industry)
    const landMu = chainLight ? (rng.chance(0.5) ? null : rng.int(20, 80)) : Math.min(1200, Math.max(15, Math.round((spec.yi * rng.int(8, 25)) / 5) * 5))
    const output = roundWan(totalYuan * (0.8 + rng.next() * 1.7))
    const stageNow = path.length > 0 ? path[path.length - 1]!.stage : 'lead'
    const planDates: Record<string, string | null> = {}
    if (stageRank(stageNow) >= 0 && stageRank(stageNow) < 3) planDates.planSignedOn = addDays(today, rng.int(-20, 200))
    if (stageRank(stageNow) >= 0 && stageRank(stageNow) < 5) planDates.planStartedOn = addDays(today, rng.int(30, 330))
    if (stageRank(stageNow) >= 0 && stageRank(stageNow) < 7) planDates.planOperatingOn = addDays(today, rng.int(200, 700))
    const districtId = c.place.districts.get(district)!
    const input = ProjectCreate.parse({
      name,
      investorId: spec.investor?.id ?? null,
      parkId: spec.park ? c.place.parks.get(spec.park)!.id : null,
      districtId: spec.park ? undefined : districtId,
      industryId: c.catalog.industries.get(spec.industry),
      chain: spec.industry,
      kind: spec.kind,
      totalInvestment: totalYuan,
      fixedAsset: roundWan(totalYuan * (0.6 + rng.next() * 0.32)),
      foreignCapitalUsd: spec.investor && (spec.investor.ownership === 'foreign' || spec.investor.ownership === 'hmt')
        ? Math.max(1_000_000, Math.round(((totalYuan / 7.1) * (0.3 + rng.next() * 0.7)) / 100_000) * 100_000)
        : null,
      landMu,
      expectedOutput: output,
      expectedTax: roundWan(output * (0.03 + rng.next() * 0.05)),
      expectedJobs: Math.round(20 + spec.yi * rng.int(15, 60)),
      priority: spec.priority,
      ownerId: owner.id,
      leaderId: leader?.id ?? null,
      sourceEventId: sourceEvent?.id ?? null,
      progress: rng.pick(phrases.progress[stageNow as keyof typeof phrases.progress]),
      tagIds: spec.tags.map((tag) => c.catalog.tags.get(tag)!),
      reserveOn,
      stage: 'lead',
      stageOn: reserveOn,
      ...planDates,
    })
    const project = await createProject(clock.at(reserveOn, owner.id), input)
    counts.projects++
    if (sourceEvent && spec.investor) sourceEvent.investorIds.add(spec.investor.id)
    if (signingEvent) {
      signingEvent.projectIds.add(project.id)
      if (spec.investor) signingEvent.investorIds.add(spec.investor.id)
    }

    // Everything that happens to the project, in date order (ties: in the order listed here).
    type Action = { on: string; order: number; run: () => Promise<unknown> }
    const actions: Action[] = []
    let order = 0
    const add = (on: string, run: () => Promise<unknown>) => actions.push({ on, order: order++, run })
    const by = (on: string, user: DemoUser = owner) => clock.at(on, user.id)

    for (const step of path) {
      add(step.on!, () =>
        changeStage(by(step.on!), ProjectStageChange.parse({ id: project.id, toStage: step.stage, happenedOn: step.on!, reason: step.reason, note: step.note })),
      )
      counts.stageEvents++
    }

    // Agreements: a framework agreement during the talks for some, the investment agreement on the signing day.
    const firstSigned = signedIndex >= 0 ? path[signedIndex]!.on! : null
    const contractNo = (type: string, on: string) => `${CONTRACT_PREFIX[district]}${type}-${on.slice(0, 4)}-${String(++contractSeq).padStart(3, '0')}`
    if (firstSigned) {
      if (rng.chance(0.5)) {
        const early = addDays(firstSigned, -rng.int(15, 75))
        const on = early < reserveOn ? reserveOn : early
        const no = contractNo('KJ', on)
        add(on, () => createAgreement(by(on), AgreementFields.parse({ projectId: project.id, type: 'framework', signedOn: on, amount: totalYuan, contractNo: no, note: '框架协议，明确投资意向和选址' })))
        counts.agreements++
      }
      const no = contractNo('TZ', firstSigned)
      add(firstSigned, () => createAgreement(by(firstSigned), AgreementFields.parse({ projectId: project.id, type: 'investment', signedOn: firstSigned, amount: totalYuan, contractNo: no })))
      counts.agreements++
    }

    // Funds in place: from the start of construction, several entries, never more than the total.
    const started = path.find((s) => s.stage === 'started')?.on ?? null
    const funds: PlannedProject['funds'] = []
    if (started) {
      const share: Partial<Record<Stage, [number, number]>> = { started: [0.1, 0.45], completed: [0.4, 0.8], operating: [0.6, 0.95], evaluated: [0.85, 1] }
      const [low, high] = share[stageNow] ?? [0.1, 0.3]
      const target = totalYuan * (low + rng.next() * (high - low))
      const entries = rng.int(2, 6)
      const weights = Array.from({ length: entries }, () => 0.5 + rng.next())
      const weightSum = weights.reduce((a, b) => a + b, 0)
      const span = Math.max(1, daysBetween(started, stageNow === 'operating' || stageNow === 'evaluated' ? endOn : today))
      let total = 0
      const dates = Array.from({ length: entries }, () => addDays(started, rng.int(0, span))).sort()
      for (const [i, on] of dates.entries()) {
        const yuan = Math.max(1_000_000, roundWan((target * weights[i]!) / weightSum))
        if (total + yuan > totalYuan || on > today) break
        total += yuan
        funds.push({ on, yuan })
        add(on, () => createFunds(by(on), FundsFields.parse({ projectId: project.id, arrivedOn: on, amount: yuan, note: i === 0 ? '首笔资金到位' : null })))
        counts.funds++
      }
    }

    // Enterprise requests (一企一员) once the company has landed.
    const landed = path.find((s) => s.stage === 'registered' || s.stage === 'started')?.on ?? null
    if (landed && stageNow !== 'terminated' && rng.chance(0.5)) {
      for (let r = rng.weighted([[1, 6], [2, 3], [3, 1]] as const); r > 0; r--) {
        const receivedOn = addDays(landed, rng.int(10, Math.max(10, daysBetween(landed, today))))
        if (receivedOn > today) continue
        const category = rng.weighted<RequestCategory>([['approval', 22], ['land', 15], ['financing', 18], ['labor', 14], ['policy', 16], ['expansion_ipo', 6], ['other', 9]])
        const assignee = rng.chance(0.7) ? owner : rng.pick(allStaff)
        const deadlineOn = addDays(receivedOn, rng.int(7, 45))
        const pastDeadline = deadlineOn < today
        const goal: RequestStatus = pastDeadline
          ? rng.weighted([['revisited', 45], ['resolved', 30], ['in_progress', 15], ['assigned', 10]])
          : rng.weighted([['received', 20], ['assigned', 35], ['in_progress', 35], ['resolved', 10]])
        const input = RequestFields.parse({
          category,
          title: `${spec.investor?.short ?? ''}${rng.pick(phrases.requests[category])}`.trim(),
          detail: `企业在${name}建设运营中提出，需协调解决。`,
          receivedOn,
          assigneeId: goal === 'received' ? null : assignee.id,
          department: goal === 'received' ? null : rng.pick(words.departments),
          deadlineOn,
          projectId: project.id,
        })
        const flow: Array<{ status: RequestStatus; on: string }> = []
        let on = receivedOn
        for (const status of ['in_progress', 'resolved', 'revisited'] as const) {
          const rankGoal = ['received', 'assigned', 'in_progress', 'resolved', 'revisited'].indexOf(goal)
          const rankStatus = ['received', 'assigned', 'in_progress', 'resolved', 'revisited'].indexOf(status)
          if (rankStatus > rankGoal) break
          const next = addDays(on, status === 'in_progress' ? rng.int(1, 4) : status === 'resolved' ? rng.int(3, 35) : rng.int(3, 20))
          on = next > today ? today : next
          flow.push({ status, on })
        }
        let requestId = ''
        add(receivedOn, async () => {
          requestId = (await createRequest(by(receivedOn, assignee), input)).id
        })
        for (const step of flow) {
          add(step.on, () =>
            advanceRequest(
              by(step.on, assignee),
              RequestAdvance.parse({
                id: requestId,
                toStatus: step.status,
                on: step.on,
                satisfaction: step.status === 'revisited' ? rng.int(3, 5) : undefined,
                feedback: step.status === 'revisited' ? rng.pick(phrases.feedback) : undefined,
              }),
            ),
          )
        }
        counts.requests++
      }
    }

    // Negotiations: leads have one to three, others three to eight; live projects have a recent one.
    const live = !['lost', 'terminated', 'on_hold'].includes(stageNow)
    const n = stageNow === 'lead' ? rng.int(1, 3) : rng.int(3, Math.min(8, 3 + stageRank(stageNow)))
    const due: Due = live && stageNow !== 'lead' ? rng.weighted(DUE_MIX) : live ? rng.weighted([['done', 70], ['overdue', 15], ['upcoming', 15]] as const) : 'done'
    const windowEnd = live ? today : endOn
    let lastOn = live ? addDays(today, -rng.int(0, 40)) : windowEnd
    let lastDue: string | null = null
    if (due === 'overdue') {
      lastDue = addDays(today, -rng.int(2, 35))
      lastOn = addDays(lastDue, -rng.int(5, 20))
    } else if (due === 'today') {
      lastDue = today
      lastOn = addDays(today, -rng.int(3, 14))
    } else if (due === 'upcoming') {
      lastDue = addDays(today, rng.int(1, 14))
      lastOn = addDays(today, -rng.int(0, 10))
    }
    if (lastOn < reserveOn) lastOn = reserveOn
    if (lastDue !== null && lastDue <= lastOn) lastDue = addDays(lastOn, rng.int(3, 10))
    const dates = [lastOn]
    if (sourceEvent && n > 1) dates.push(sourceEvent.startOn)
    if (firstSigned && firstSigned <= lastOn && n > dates.length) dates.push(firstSigned)
    while (dates.length < n) dates.push(addDays(reserveOn, rng.int(0, Math.max(0, daysBetween(reserveOn, lastOn)))))
    dates.sort()
    const contact = spec.investor ? rng.pick(spec.investor.contacts) : null
    // How far along the main path the project was on a date (side stages keep where it stopped).
    const rankAt = (on: string): number => {
      let rank = 0
      for (const s of path) if (s.on! <= on && stageRank(s.stage) >= 0) rank = stageRank(s.stage)
      return rank
    }
    for (const [i, on] of dates.entries()) {
      const isLast = i === dates.length - 1
      const phase = rankAt(on)
      const signing = firstSigned === on && !dates.slice(0, i).includes(on)
      const template = signing
        ? phrases.negotiations.signing
        : phase >= 3 ? rng.pick(phrases.negotiations.landed)
        : phase === 2 ? rng.pick(phrases.negotiations.mid)
        : rng.pick(phrases.negotiations.early)
      const values = {
        contact: contact ? `${contact.name}（${contact.title}）` : '项目单位负责人',
        investor: spec.investor?.name ?? '项目单位',
        city: spec.investor?.city ?? '济南',
        park: spec.park ?? district,
        district,
        chain: spec.industry,
        land: String(landMu ?? 30),
        project: name,
        amount: formatYi(totalYuan).replace(/\.?0+$/, ''),
      }
      const event = sourceEvent && on === sourceEvent.startOn && i === 0 ? sourceEvent : signing && signingEvent ? signingEvent : null
      const type: NegotiationType = event && !signing ? (event.type === 'trip' ? 'visit_out' : 'promotion') : (template.type as NegotiationType)
      const withLeader = leader && (signing || (phase === 2 && rng.chance(0.3)))
      const nextDue = isLast ? lastDue : addDays(on, rng.int(5, 30))
      const nextStep = isLast && due === 'done' && !live ? null : fill(template.next, values)
      const input = NegotiationFields.parse({
        happenedOn: on,
        type,
        projectId: project.id,
        ourPeople: withLeader ? `${leader.name}、${owner.name}` : owner.name,
        theirPeople: contact ? `${contact.name}（${contact.title}）` : null,
        summary: event && !signing ? `在${event.name}上与${values.investor}接洽，介绍${values.park}${values.chain}产业布局，对方表示有投资意向。` : fill(template.summary, values),
        result: fill(template.result, values),
        nextStep,
        nextDueOn: nextStep ? nextDue ?? (isLast && due === 'open' ? null : addDays(on, rng.int(5, 20))) : null,
        ownerId: owner.id,
        eventId: event?.id ?? null,
      })
      counts.negotiations++
      // Done: every step but the last open one of a live project.
      const open = isLast && (due === 'overdue' || due === 'today' || due === 'upcoming' || due === 'open')
      let doneOn: string | null = null
      if (input.nextStep && !open) {
        const nextOn = dates[i + 1] ?? windowEnd
        const planned = input.nextDueOn ? addDays(input.nextDueOn, rng.int(-4, 3)) : addDays(on, rng.int(2, 10))
        doneOn = planned > nextOn ? nextOn : planned
        if (doneOn < on) doneOn = on
        if (doneOn > today) doneOn = today
      }
      // The negotiation service would take two calls and a dozen queries per record (create, then
      // complete the step); the seed writes the validated record in one journaled insert instead,
      // with the investor the service would add (the project's) and the step done as it will be.
      const row = { ...input, investorId: spec.investor?.id ?? null, nextDoneOn: doneOn }
      add(on, () => inTransaction(by(on), (trx) => insertRecord(trx, by(on), 'negotiation', row)))
    }

    actions.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order))
    for (const action of actions) await action.run()
    planned.push({ id: project.id, name, district, park: spec.park, totalYuan, reserveOn, steps: path, funds })
  }
  return { planned, counts }
}
