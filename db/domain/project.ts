// Projects (招商项目): the input schemas of their API, what the API returns, and the stage rules
// that need no database (the renderer uses them to ask for a reason before the user submits).
import { z } from 'zod'
import type { Project, StageEvent, Tag } from '../schema'
import { SigningAgreement } from './deal'
import { hundredths, id, isoDate, nonNegativeInt, optionalDate, optionalText, paging, requiredText, textQuery, yuan } from './fields'
import { type Library, LIBRARIES, type MainStage, STAGE_LABELS, STAGES, type Stage } from './stages'
import { PRIORITY, PROJECT_KIND } from './vocab'

const stage = z.enum(STAGES, { error: '项目阶段不正确' })

// Not fields.optionalYuan: its union reports a bad amount as 无效输入 instead of yuan()'s reason.
const money = (label: string) => z.preprocess((value) => (value === '' ? null : value), yuan(label).nullish())

// Reference ids may be null to clear them on update; missing means "leave as it is".
const facts = {
  name: requiredText('项目名称', 200),
  investorId: id.nullish(),
  /** The district follows the park; give districtId alone only for projects without a park. */
  parkId: id.nullish(),
  districtId: id.nullish(),
  industryId: id.nullish(),
  chain: optionalText('产业链环节', 100),
  kind: z.enum(PROJECT_KIND.keys, { error: '项目类型不正确' }).nullish(),
  totalInvestment: money('总投资'),
  fixedAsset: money('固定资产投资'),
  /** 利用外资 in whole 美元. */
  foreignCapitalUsd: nonNegativeInt('利用外资').nullish(),
  /** 用地 in 亩 (two decimals), stored as 1/100 亩. */
  landMu: hundredths('用地面积').nullish(),
  expectedOutput: money('预计年产值'),
  expectedTax: money('预计年税收'),
  expectedJobs: nonNegativeInt('预计就业人数').nullish(),
  priority: z.enum(PRIORITY.keys, { error: '重点级别不正确' }).nullish(),
  ownerId: id.nullish(),
  leaderId: id.nullish(),
  sourceEventId: id.nullish(),
  progress: optionalText('进展情况', 2000),
  tagIds: z.array(id).max(30, '标签不能超过30个').optional(),
  planSignedOn: optionalDate('计划签约日期'),
  planStartedOn: optionalDate('计划开工日期'),
  planOperatingOn: optionalDate('计划投产日期'),
}

export const ProjectCreate = z.object({
  ...facts,
  /** 谋划/入库日期; missing: today (or the initial stage's date when that is earlier). */
  reserveOn: optionalDate('入库日期'),
  /** The stage the project enters with (an imported signed project starts at signed). */
  stage: stage.default('lead'),
  /** The date that stage was reached; missing: today. */
  stageOn: optionalDate('阶段日期'),
})
export type ProjectCreate = z.output<typeof ProjectCreate>

export const ProjectUpdate = z
  .object({ ...facts, reserveOn: isoDate('入库日期') })
  .partial()
  .extend({ id })
export type ProjectUpdate = z.output<typeof ProjectUpdate>

export const ProjectRef = z.object({ id })
export type ProjectRef = z.output<typeof ProjectRef>

/** Side stages say why the project left the main path. */
export const REASON_STAGES: readonly Stage[] = ['on_hold', 'lost', 'terminated']

export const ProjectStageChange = z
  .object({
    id,
    toStage: stage,
    happenedOn: isoDate('阶段日期'),
    note: optionalText('说明', 1000),
    reason: optionalText('原因', 500),
    planSignedOn: optionalDate('计划签约日期').optional(),
    planStartedOn: optionalDate('计划开工日期').optional(),
    planOperatingOn: optionalDate('计划投产日期').optional(),
    /** Only with toStage 签约: the agreement signed that day, saved with the stage change. */
    agreement: SigningAgreement.optional(),
  })
  .refine((change) => change.reason !== null || !REASON_STAGES.includes(change.toStage), {
    message: '转为暂缓、流失或解约时请填写原因',
    path: ['reason'],
  })
  .refine((change) => change.agreement === undefined || change.toStage === 'signed', {
    message: '只有转为签约时才能同时登记协议',
    path: ['agreement'],
  })
export type ProjectStageChange = z.output<typeof ProjectStageChange>

/** The project after a stage change, and the agreement saved with it (for its file). */
export interface StageChangeResult extends ProjectDetail {
  agreementId: string | null
}

export const PROJECT_SORTS = ['name', 'stage', 'totalInvestment', 'reserveOn', 'signedOn', 'startedOn', 'updatedAt'] as const
export type ProjectSort = (typeof PROJECT_SORTS)[number]

const ids = z.array(id).max(200, '筛选条件过多')
const from = (label: string) => isoDate(`${label}起`).optional()
const to = (label: string) => isoDate(`${label}止`).optional()

export const ProjectListQuery = z
  .object({
    districtId: id.optional(),
    districtIds: ids.optional(),
    parkId: id.optional(),
    parkIds: ids.optional(),
    stage: stage.optional(),
    stages: z.array(stage).optional(),
    /** One of the 四库 (a range of stages); combined with stage(s) both must hold. */
    library: z.enum(Object.keys(LIBRARIES) as [Library, ...Library[]], { error: '项目库不正确' }).optional(),
    /** A top-level industry also finds the projects filed under its chain links. */
    industryId: id.optional(),
    ownerId: id.optional(),
    investorId: id.optional(),
    priority: z.enum(PRIORITY.keys, { error: '重点级别不正确' }).optional(),
    /** Projects carrying any of these tags. */
    tagIds: ids.optional(),
    minInvestment: yuan('最低总投资').optional(),
    maxInvestment: yuan('最高总投资').optional(),
    reserveOnFrom: from('入库日期'),
    reserveOnTo: to('入库日期'),
    signedOnFrom: from('签约日期'),
    signedOnTo: to('签约日期'),
    startedOnFrom: from('开工日期'),
    startedOnTo: to('开工日期'),
    operatingOnFrom: from('投产日期'),
    operatingOnTo: to('投产日期'),
    /** Part of the name, or its pinyin (full or initials: 'jnyy'). */
    text: textQuery,
    includeDeleted: z.boolean().default(false),
    sort: z.enum(PROJECT_SORTS, { error: '排序字段不正确' }).default('updatedAt'),
    /** Missing: newest first for updatedAt, ascending for the rest. */
    order: z.enum(['asc', 'desc']).optional(),
    ...paging,
  })
  .refine((q) => q.minInvestment === undefined || q.maxInvestment === undefined || q.minInvestment <= q.maxInvestment, {
    message: '最低总投资不能大于最高总投资',
    path: ['minInvestment'],
  })
export type ProjectListQuery = z.output<typeof ProjectListQuery>

export const ProjectBoardQuery = z.object({
  parkId: id.optional(),
  districtId: id.optional(),
  ownerId: id.optional(),
})
export type ProjectBoardQuery = z.output<typeof ProjectBoardQuery>

export type ProjectTag = Pick<Tag, 'id' | 'name' | 'color'>

/** A project with the names people read instead of ids. */
export interface ProjectView extends Project {
  districtName: string | null
  parkName: string | null
  investorName: string | null
  industryName: string | null
  ownerName: string | null
  leaderName: string | null
  tags: ProjectTag[]
}

export type ProjectRow = Omit<ProjectView, 'leaderName'>

export interface ProjectDetail extends ProjectView {
  /** In the order they were recorded. */
  stageEvents: StageEvent[]
  /** Dates that contradict each other: shown, never refused, because real ledgers have them. */
  warnings: string[]
}

export interface ProjectListResult {
  rows: ProjectRow[]
  /** Count and exact sum over the whole filter, not just this page. */
  total: number
  totalInvestmentYuan: number
  page: number
  pageSize: number
}

export interface BoardCard {
  id: string
  name: string
  stage: Stage
  stageOn: string
  totalInvestmentYuan: number | null
  priority: Project['priority']
  parkName: string | null
  investorName: string | null
  ownerName: string | null
  updatedAt: string
}

export interface BoardColumn {
  stage: Stage
  count: number
  totalInvestmentYuan: number
  /** The most recently touched cards first, at most BOARD_CARDS. */
  cards: BoardCard[]
}

export const BOARD_CARDS = 30

export interface ProjectBoard {
  columns: BoardColumn[]
}

// ---- Stage rules -----------------------------------------------------------------------------

export type MilestoneColumn = 'signedOn' | 'registeredOn' | 'startedOn' | 'completedOn' | 'operatingOn' | 'evaluatedOn'

/** The column holding the date each main stage was reached (earlier stages have none). */
export const MILESTONE_COLUMN: Partial<Record<MainStage, MilestoneColumn>> = {
  signed: 'signedOn',
  registered: 'registeredOn',
  started: 'startedOn',
  completed: 'completedOn',
  operating: 'operatingOn',
  evaluated: 'evaluatedOn',
}

export const MILESTONE_COLUMNS = Object.values(MILESTONE_COLUMN) as MilestoneColumn[]

/** Signing happened at some point, so the project can be terminated (解约) rather than lost. */
export function hasBeenSigned(project: Pick<Project, MilestoneColumn>): boolean {
  return MILESTONE_COLUMNS.some((column) => project[column] !== null)
}

/** reserveOn may be unknown (null) where only the stage rules are asked (the renderer's dialog). */
type Dated = Pick<Project, MilestoneColumn> & { reserveOn: string | null }

const CHAIN: ReadonlyArray<[keyof Dated, string]> = [
  ['reserveOn', '入库'],
  ['signedOn', '签约'],
  ['registeredOn', '注册落地'],
  ['startedOn', '开工'],
  ['completedOn', '竣工'],
  ['operatingOn', '投产'],
  ['evaluatedOn', '后评价'],
]

/**
 * Dates that run backwards: a milestone before an earlier one on the main path (开工 before 签约),
 * or a stage event dated before the event recorded just before it.
 */
export function dateWarnings(project: Dated, events: ReadonlyArray<Pick<StageEvent, 'toStage' | 'happenedOn'>>): string[] {
  const warnings: string[] = []
  let previous: [string, string] | null = null
  for (const [column, label] of CHAIN) {
    const date = project[column]
    if (date === null) continue
    if (previous && date < previous[1]) warnings.push(`${label}日期（${date}）早于${previous[0]}日期（${previous[1]}）`)
    previous = [label, date]
  }
  for (let i = 1; i < events.length; i++) {
    const [before, event] = [events[i - 1]!, events[i]!]
    if (event.happenedOn < before.happenedOn) {
      warnings.push(
        `转为“${STAGE_LABELS[event.toStage]}”的日期（${event.happenedOn}）早于上一阶段“${STAGE_LABELS[before.toStage]}”（${before.happenedOn}）`,
      )
    }
  }
  return warnings
}
