// One timeline out of many sources: stage events, follow-ups, agreements, funds, requests and the
// project's own field changes from the journal. Pure, so the order rules stay in one place.
import type { TFunction } from 'i18next'
import type { FundsView } from '../../../../db/domain/deal'
import { type HistoryEntry, entryChanges, fieldLabel } from '../../../../db/domain/history'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import type { ProjectDetail } from '../../../../db/domain/project'
import type { RequestView } from '../../../../db/domain/request'
import type { Agreement } from '../../../../db/schema'
import { dateTime, yi } from '../../format'

export type TimelineKind = 'stage' | 'negotiation' | 'agreement' | 'funds' | 'request' | 'change'

export interface TimelineItem {
  key: string
  kind: TimelineKind
  /** The day it happened (YYYY-MM-DD): what the timeline is ordered by. */
  on: string
  /** When it was recorded: orders items of the same day. */
  at: string
  title: string
  lines: string[]
  by?: string | null
}

export interface TimelineSources {
  project: ProjectDetail
  negotiations: NegotiationView[]
  agreements: Agreement[]
  funds: FundsView[]
  requests: RequestView[]
  history: HistoryEntry[]
  /** User names by id: a stage event records who made it by id only. */
  userNames: ReadonlyMap<string, string>
}

/** The project's columns, by the key of their label in the projects i18n part. */
const FIELD_KEYS: Record<string, string> = {
  name: 'name',
  investorId: 'investor',
  parkId: 'park',
  districtId: 'district',
  industryId: 'industry',
  chain: 'chain',
  kind: 'kind',
  totalInvestmentYuan: 'totalInvestment',
  fixedAssetYuan: 'fixedAsset',
  foreignCapitalUsd: 'foreignCapital',
  landCentiMu: 'land',
  expectedOutputYuan: 'expectedOutput',
  expectedTaxYuan: 'expectedTax',
  expectedJobs: 'expectedJobs',
  priority: 'priority',
  ownerId: 'owner',
  leaderId: 'leader',
  progress: 'progress',
  reserveOn: 'reserveOn',
  planSignedOn: 'planSignedOn',
  planStartedOn: 'planStartedOn',
  planOperatingOn: 'planOperatingOn',
}

/** Written by the machinery: not news to anyone. */
const QUIET_FIELDS = new Set([
  'searchKeys',
  'updatedAt',
  'updatedBy',
  'createdAt',
  'createdBy',
  'deletedAt',
])

/**
 * Written by every stage change, which the timeline shows as its stage event. A milestone changed
 * without a stage change (a ledger import, a sync) is listed: the stage bar shows that date.
 */
const STAGE_FIELDS = new Set(['stage', 'stageOn', 'signedOn', 'registeredOn', 'startedOn', 'completedOn', 'operatingOn', 'evaluatedOn'])

const MILESTONE_KEYS: Record<string, string> = {
  signedOn: 'stage.signed',
  registeredOn: 'stage.registered',
  startedOn: 'stage.started',
  completedOn: 'stage.completed',
  operatingOn: 'stage.operating',
  evaluatedOn: 'stage.evaluated',
}

const MONEY_FIELDS = new Set(['totalInvestmentYuan', 'fixedAssetYuan', 'expectedOutputYuan', 'expectedTaxYuan'])

function showValue(t: TFunction, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return `${yi(value)} ${t('unit.yi')}`
  if (field === 'landCentiMu' && typeof value === 'number') return String(value / 100)
  if (field === 'foreignCapitalUsd' && typeof value === 'number') return String(value / 10_000)
  if (field === 'kind') return t(`vocab.projectKind.${String(value)}`)
  if (field === 'priority') return t(`vocab.priority.${String(value)}`)
  return String(value)
}

function changeLines(t: TFunction, entry: HistoryEntry): string[] {
  const changes = entryChanges(entry)
  const stageChange = 'stage' in changes
  return Object.entries(changes)
    .filter(([field]) => !QUIET_FIELDS.has(field) && !(stageChange && STAGE_FIELDS.has(field)))
    .map(([field, [before, after]]) => {
      const label = FIELD_KEYS[field]
        ? t(`project.field.${FIELD_KEYS[field]}`)
        : MILESTONE_KEYS[field]
          ? t('project.timeline.milestone', { stage: t(MILESTONE_KEYS[field]) })
          : fieldLabel(field)
      // A reference changed from one id to another says nothing to a reader: name the field only.
      if (field.endsWith('Id')) return t('project.timeline.changedPlain', { field: label })
      return t('project.timeline.changed', { field: label, before: showValue(t, field, before), after: showValue(t, field, after) })
    })
}

function nextStepLine(t: TFunction, negotiation: NegotiationView): string | null {
  if (!negotiation.nextStep) return null
  return negotiation.nextDoneOn
    ? t('project.timeline.nextDone', { text: negotiation.nextStep, date: negotiation.nextDoneOn })
    : t('project.timeline.next', { text: negotiation.nextStep })
}

function historyItems(t: TFunction, project: ProjectDetail, history: HistoryEntry[]): TimelineItem[] {
  const items: TimelineItem[] = []
  for (const entry of history) {
    if (entry.entity !== 'project') continue
    const base = { key: `h${entry.seq}`, kind: 'change' as const, on: dateTime(entry.at).slice(0, 10), at: entry.at, by: entry.userName }
    // 项目入库 is dated by the 入库日期, as the stage bar dates 线索 (a ledger's old project is
    // entered today but was in the reserve long before).
    if (entry.action === 'create') items.push({ ...base, on: project.reserveOn || base.on, title: t('project.timeline.created'), lines: [] })
    else if (entry.action === 'delete') items.push({ ...base, title: t('project.timeline.deleted'), lines: [] })
    else if (entry.action === 'restore') items.push({ ...base, title: t('project.timeline.restored'), lines: [] })
    else if (entry.action === 'update') {
      const lines = changeLines(t, entry)
      if (lines.length > 0) items.push({ ...base, title: t('project.timeline.edited'), lines })
    }
  }
  return items
}

export function timelineItems(t: TFunction, sources: TimelineSources): TimelineItem[] {
  const { project, negotiations, agreements, funds, requests, history, userNames } = sources
  const items: TimelineItem[] = [
    ...project.stageEvents.map((event) => ({
      key: `s${event.id}`,
      kind: 'stage' as const,
      on: event.happenedOn,
      at: event.createdAt,
      title: event.fromStage
        ? t('project.timeline.stage', { from: t(`stage.${event.fromStage}`), to: t(`stage.${event.toStage}`) })
        : t('project.timeline.stageFirst', { to: t(`stage.${event.toStage}`) }),
      lines: [event.reason && t('project.timeline.reason', { text: event.reason }), event.note].filter((line): line is string => !!line),
      by: event.createdBy ? (userNames.get(event.createdBy) ?? null) : null,
    })),
    ...negotiations.map((negotiation) => ({
      key: `n${negotiation.id}`,
      kind: 'negotiation' as const,
      on: negotiation.happenedOn,
      at: negotiation.createdAt,
      title: t('project.timeline.negotiation', { type: t(`vocab.negotiationType.${negotiation.type}`) }),
      lines: [negotiation.summary, negotiation.result, nextStepLine(t, negotiation)].filter((line): line is string => !!line),
      by: negotiation.ownerName,
    })),
    ...agreements.map((agreement) => ({
      key: `a${agreement.id}`,
      kind: 'agreement' as const,
      on: agreement.signedOn,
      at: agreement.createdAt,
      title: t('project.timeline.agreement', { type: t(`vocab.agreementType.${agreement.type}`) }),
      lines: [
        agreement.amountYuan !== null && t('project.timeline.agreementAmount', { yi: yi(agreement.amountYuan) }),
        agreement.contractNo,
        agreement.parties,
        agreement.note,
      ].filter((line): line is string => !!line),
    })),
    ...funds.map((row) => ({
      key: `f${row.id}`,
      kind: 'funds' as const,
      on: row.arrivedOn,
      at: row.createdAt,
      title: t('project.timeline.funds', { yi: yi(row.amountYuan) }),
      lines: row.note ? [row.note] : [],
    })),
    ...requests.map((request) => ({
      key: `r${request.id}`,
      kind: 'request' as const,
      on: request.receivedOn,
      at: request.createdAt,
      title: t('project.timeline.request', { category: t(`vocab.requestCategory.${request.category}`), title: request.title }),
      lines: [t(`vocab.requestStatus.${request.status}`), request.detail].filter((line): line is string => !!line),
      by: request.assigneeName,
    })),
    ...historyItems(t, project, history),
  ]
  // Newest first: what happened lately is what people open a project to see.
  return items.sort((a, b) => (a.on === b.on ? b.at.localeCompare(a.at) : b.on.localeCompare(a.on)))
}
