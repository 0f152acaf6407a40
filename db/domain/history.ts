// Record history (修改记录): the change journal read back for one record, with Chinese labels for
// the timeline. Pure: shared by the renderer and the backend.
import { z } from 'zod'
import { id } from './fields'

/** Every table written through records.ts; the names are those stored in change.entity. */
export const RECORD_ENTITIES = [
  'user',
  'district',
  'park',
  'industry',
  'tag',
  'investor',
  'contact',
  'event',
  'project',
  'stageEvent',
  'negotiation',
  'agreement',
  'funds',
  'request',
  'target',
  'attachment',
] as const
export type RecordEntity = (typeof RECORD_ENTITIES)[number]

export const ENTITY_LABELS: Record<RecordEntity, string> = {
  user: '用户',
  district: '区县',
  park: '园区',
  industry: '产业',
  tag: '标签',
  investor: '客商',
  contact: '联系人',
  event: '招商活动',
  project: '项目',
  stageEvent: '阶段变更',
  negotiation: '洽谈记录',
  agreement: '协议',
  funds: '到位资金',
  request: '企业诉求',
  target: '年度目标',
  attachment: '附件',
}

export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'restore', 'purge'] as const
export type ChangeAction = (typeof CHANGE_ACTIONS)[number]

export const ACTION_LABELS: Record<ChangeAction, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  purge: '彻底删除',
}

/** Common field names (API camelCase) and how the timeline names them. */
export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  note: '备注',
  code: '代码',
  title: '标题',
  role: '角色',
  phone: '电话',
  email: '邮箱',
  wechat: '微信',
  districtId: '所属区县',
  parkId: '所属园区',
  investorId: '投资方',
  projectId: '所属项目',
  industryId: '产业类别',
  parentId: '上级产业',
  sortOrder: '排序',
  color: '颜色',
  focusIndustries: '主导产业',
  freeLandCentiMu: '可供土地（亩）',
  factorySpaceSqm: '标准厂房（㎡）',
  contactName: '联系人',
  contactPhone: '联系电话',
  nameNorm: '规范名称',
  searchKeys: '拼音检索',
  creditCode: '统一社会信用代码',
  ownership: '企业性质',
  origin: '来源地',
  originCity: '来源城市',
  registeredCapitalYuan: '注册资本',
  sourceChannel: '招商渠道',
  website: '网站',
  address: '地址',
  mergedInto: '合并到',
  isPrimary: '主要联系人',
  type: '类型',
  startOn: '开始日期',
  endOn: '结束日期',
  city: '城市',
  organizer: '主办方',
  ownerId: '责任人',
  leaderId: '包挂领导',
  chain: '产业链',
  kind: '项目类型',
  stage: '项目阶段',
  stageOn: '阶段日期',
  totalInvestmentYuan: '总投资',
  fixedAssetYuan: '固定资产投资',
  foreignCapitalUsd: '外资（美元）',
  landCentiMu: '用地（亩）',
  expectedOutputYuan: '预计年产值',
  expectedTaxYuan: '预计年税收',
  expectedJobs: '预计就业',
  priority: '重点级别',
  sourceEventId: '来源活动',
  progress: '进展情况',
  reserveOn: '入库日期',
  signedOn: '签约日期',
  registeredOn: '注册日期',
  startedOn: '开工日期',
  completedOn: '竣工日期',
  operatingOn: '投产日期',
  evaluatedOn: '后评价日期',
  planSignedOn: '计划签约日期',
  planStartedOn: '计划开工日期',
  planOperatingOn: '计划投产日期',
  fromStage: '原阶段',
  toStage: '新阶段',
  happenedOn: '日期',
  reason: '原因',
  ourPeople: '我方人员',
  theirPeople: '对方人员',
  summary: '洽谈内容',
  result: '结果',
  nextStep: '下一步',
  nextDueOn: '下一步期限',
  nextDoneOn: '下一步完成日期',
  eventId: '招商活动',
  amountYuan: '金额',
  contractNo: '合同编号',
  parties: '签约各方',
  arrivedOn: '到位日期',
  category: '诉求类别',
  detail: '详情',
  receivedOn: '受理日期',
  assigneeId: '承办人',
  department: '承办部门',
  deadlineOn: '办理期限',
  status: '状态',
  resolvedOn: '办结日期',
  satisfaction: '满意度',
  feedback: '回访意见',
  year: '年度',
  unitType: '单位类型',
  unitId: '单位',
  indicator: '指标',
  value: '目标值',
  entity: '所属对象',
  entityId: '所属记录',
  fileName: '文件名',
  sha256: '校验值',
  size: '大小',
  mime: '文件类型',
  deletedAt: '删除时间',
}

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field

export const HistoryQuery = z.object({
  entity: z.enum(RECORD_ENTITIES, { error: '记录类别不正确' }),
  id,
  /** Newest entries first; older ones are rarely read. */
  limit: z.number().int().min(1).max(2000).default(500),
})
export type HistoryQuery = z.output<typeof HistoryQuery>

export interface HistoryEntry {
  seq: number
  /** Which record changed: the one asked for, or (for a project) one of its child records. */
  entity: RecordEntity
  entityId: string
  entityLabel: string
  action: ChangeAction
  at: string
  userId: string | null
  userName: string | null
  /**
   * The journal's own JSON text of { field: [before, after] }, as stored: read it with
   * entryChanges. Sent unparsed because a screen opens few of the entries it receives (the
   * project timeline only the project's own edits), and parsing them all was a third of the call.
   */
  changesJson: string
}

/** Which fields an entry changed: { field: [before, after] }. */
export type FieldChanges = Record<string, [unknown, unknown]>

export const entryChanges = (entry: Pick<HistoryEntry, 'changesJson'>): FieldChanges => JSON.parse(entry.changesJson) as FieldChanges

/** What the recycle bin (回收站) holds: every record a person can delete from a screen. */
export const RECYCLE_ENTITIES = [
  'district',
  'park',
  'investor',
  'contact',
  'project',
  'negotiation',
  'agreement',
  'funds',
  'request',
  'event',
  'target',
  'user',
  'industry',
  'tag',
  'attachment',
] as const satisfies readonly RecordEntity[]
export type RecycleEntity = (typeof RECYCLE_ENTITIES)[number]

const recycleEntity = z.enum(RECYCLE_ENTITIES, { error: '回收站中没有这一类记录' })

export const RecycleQuery = z.object({
  entity: recycleEntity.optional(),
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
})
export type RecycleQuery = z.output<typeof RecycleQuery>

export const RecycleTarget = z.object({ entity: recycleEntity, id })
export type RecycleTarget = z.output<typeof RecycleTarget>

export interface RecycleItem {
  entity: RecycleEntity
  entityLabel: string
  id: string
  /** What the record is called (a follow-up: its date and the start of its summary). */
  name: string
  /** Where it belonged (the district of a park, the investor of a contact, …); '' when nothing. */
  detail: string
  deletedAt: string
  deletedBy: string | null
  deletedByName: string | null
}

export interface RecyclePage {
  items: RecycleItem[]
  total: number
  page: number
  pageSize: number
}
