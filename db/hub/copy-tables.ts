// The hub's relational copy of a team's data (schema `crm` in PostgreSQL): one table per replicated
// table, English snake_case names and Chinese COMMENTs, so that 帆软 FineReport/FineBI, Superset or
// Excel's PostgreSQL connector read the team's data with plain SQL. The server keeps it current
// itself (db/hub/schema-sql.ts: a trigger on the operation log applies each field last-writer-wins).
// Every copy column is nullable: a row appears with its first field, whatever order ops come in.

export type CopyType = 'text' | 'bigint' | 'date' | 'timestamptz' | 'boolean'

export interface CopyColumn {
  /** The operation's field (camelCase, as in db/schema.ts). */
  field: string
  column: string
  type: CopyType
  comment: string
}

export interface CopyTable {
  /** The operation's table (camelCase kysely name). */
  table: string
  copyTable: string
  comment: string
  /** Link tables: their rowId is these key columns joined by ':', and membership is the `deleted` column. */
  keyColumns?: string[]
  columns: CopyColumn[]
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/** Dates are 'YYYY-MM-DD' (…On), moments ISO (…At); money and counts integers (marked '#'). */
function column(spec: string): CopyColumn {
  const [name, comment] = spec.split(' ') as [string, string]
  const integer = name.endsWith('#')
  const field = integer ? name.slice(0, -1) : name
  const type: CopyType = integer ? 'bigint' : field.endsWith('On') ? 'date' : field.endsWith('At') ? 'timestamptz' : 'text'
  return { field, column: snake(field), type, comment }
}

const RECORD = ['createdAt 创建时间', 'createdBy 创建人（用户ID）', 'updatedAt 最后修改时间', 'updatedBy 最后修改人（用户ID）', 'deletedAt 删除时间（在回收站；空=有效）']

function table(tableName: string, copyTable: string, comment: string, specs: string[]): CopyTable {
  return { table: tableName, copyTable, comment, columns: [...specs, ...RECORD].map(column) }
}

function link(tableName: string, comment: string, keys: [string, string, string, string]): CopyTable {
  const [a, aLabel, b, bLabel] = keys
  return {
    table: tableName,
    copyTable: snake(tableName),
    comment,
    keyColumns: [snake(a), snake(b)],
    columns: [
      { field: a, column: snake(a), type: 'text', comment: aLabel },
      { field: b, column: snake(b), type: 'text', comment: bLabel },
    ],
  }
}

export const COPY_TABLES: CopyTable[] = [
  table('user', 'app_user', '人员（招商人员与领导）', ['name 姓名', 'role 角色', 'title 职务', 'phone 电话']),
  table('district', 'district', '区县', ['name 名称', 'code 区划代码', 'note 备注']),
  table('park', 'park', '产业园区', [
    'districtId 所属区县ID', 'name 园区名称', 'focusIndustries 主导产业', 'freeLandCentiMu# 可供土地（0.01亩）',
    'factorySpaceSqm# 标准厂房（平方米）', 'contactName 联系人', 'contactPhone 联系电话', 'note 备注',
  ]),
  table('industry', 'industry', '产业与产业链环节', ['parentId 上级产业ID（空=产业）', 'name 名称', 'sortOrder# 排序']),
  table('tag', 'tag', '标签', ['name 名称', 'color 颜色']),
  table('investor', 'investor', '客商（投资方企业）', [
    'name 企业名称', 'creditCode 统一社会信用代码', 'ownership 企业性质', 'origin 来源地类型',
    'originCity 来源城市', 'industryId 所属产业ID', 'registeredCapitalYuan# 注册资本（元）', 'sourceChannel 信息来源渠道',
    'website 网址', 'address 地址', 'note 备注', 'mergedInto 已合并到客商ID',
  ]),
  link('investorTag', '客商标签', ['investorId', '客商ID', 'tagId', '标签ID']),
  table('contact', 'contact', '客商联系人', [
    'investorId 客商ID', 'name 姓名', 'title 职务', 'phone 电话', 'email 邮箱', 'wechat 微信', 'isPrimary# 主要联系人（1=是）', 'note 备注',
  ]),
  table('event', 'event', '招商活动', [
    'name 活动名称', 'type 活动类型', 'startOn 开始日期', 'endOn 结束日期', 'city 城市', 'organizer 主办方', 'ownerId 负责人ID', 'note 备注',
  ]),
  table('project', 'project', '招商项目', [
    'name 项目名称', 'investorId 客商ID', 'districtId 区县ID', 'parkId 园区ID', 'industryId 产业ID', 'chain 产业链环节', 'kind 项目类型',
    'stage 当前阶段', 'stageOn 进入当前阶段日期', 'totalInvestmentYuan# 总投资（元）', 'fixedAssetYuan# 固定资产投资（元）',
    'foreignCapitalUsd# 利用外资（美元）', 'landCentiMu# 用地（0.01亩）', 'expectedOutputYuan# 预计年产值（元）',
    'expectedTaxYuan# 预计年税收（元）', 'expectedJobs# 预计就业（人）', 'priority 优先级', 'ownerId 责任人ID', 'leaderId 包保领导ID',
    'sourceEventId 来源活动ID', 'progress 最新进展', 'reserveOn 入库日期', 'signedOn 签约日期', 'registeredOn 注册日期',
    'startedOn 开工日期', 'completedOn 竣工日期', 'operatingOn 投产日期', 'evaluatedOn 评估日期', 'planSignedOn 计划签约日期',
    'planStartedOn 计划开工日期', 'planOperatingOn 计划投产日期',
  ]),
  link('projectTag', '项目标签', ['projectId', '项目ID', 'tagId', '标签ID']),
  table('stageEvent', 'stage_event', '项目阶段变更', [
    'projectId 项目ID', 'fromStage 原阶段', 'toStage 新阶段', 'happenedOn 发生日期', 'note 说明', 'reason 原因',
  ]),
  table('negotiation', 'negotiation', '洽谈记录', [
    'projectId 项目ID', 'investorId 客商ID', 'happenedOn 洽谈日期', 'type 洽谈方式', 'ourPeople 我方人员', 'theirPeople 对方人员',
    'summary 洽谈内容', 'result 结果', 'nextStep 下一步', 'nextDueOn 下一步期限', 'nextDoneOn 下一步完成日期', 'ownerId 记录人ID',
    'eventId 活动ID',
  ]),
  table('agreement', 'agreement', '协议（签约）', [
    'projectId 项目ID', 'type 协议类型', 'signedOn 签约日期', 'amountYuan# 协议金额（元）', 'contractNo 合同编号', 'parties 签约各方', 'note 备注',
  ]),
  table('funds', 'funds', '到位资金', ['projectId 项目ID', 'arrivedOn 到位日期', 'amountYuan# 到位金额（元）', 'note 备注']),
  table('request', 'request', '企业诉求', [
    'investorId 客商ID', 'projectId 项目ID', 'category 类别', 'title 标题', 'detail 详情', 'receivedOn 受理日期', 'assigneeId 承办人ID',
    'department 承办部门', 'deadlineOn 办理期限', 'status 状态', 'resolvedOn 办结日期', 'satisfaction# 满意度', 'feedback 回访意见',
  ]),
  link('eventInvestor', '活动参与客商', ['eventId', '活动ID', 'investorId', '客商ID']),
  link('eventProject', '活动相关项目', ['eventId', '活动ID', 'projectId', '项目ID']),
  table('target', 'target', '年度目标', [
    'year# 年度', 'unitType 考核单位类型', 'unitId 考核单位ID', 'indicator 指标', 'value# 目标值（个数或元）',
  ]),
  table('attachment', 'attachment', '附件记录（文件本身按 sha256 另存）', [
    'entity 所属记录类型', 'entityId 所属记录ID', 'fileName 文件名', 'sha256 文件SHA-256', 'size# 大小（字节）', 'mime 类型',
  ]),
]
