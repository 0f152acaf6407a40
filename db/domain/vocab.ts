// The closed word lists of the domain (DOMAIN.md), each with its Chinese label. Pure: shared by the
// renderer and the backend. The migrations repeat these keys in CHECK constraints, frozen in time.

const labels = <K extends string>(map: Record<K, string>) => ({ keys: Object.keys(map) as [K, ...K[]], labels: map })

export const OWNERSHIP = labels({
  soe: '国企',
  central_soe: '央企',
  private: '民企',
  foreign: '外资',
  hmt: '港澳台',
  listed: '上市公司',
})

export const ORIGIN = labels({
  overseas: '境外',
  other_province: '省外',
  in_province: '省内市外',
  local: '本市',
})

export const SOURCE_CHANNEL = labels({
  investor_referral: '以商招商',
  promotion: '推介会',
  agency: '中介',
  fund: '基金招商',
  resident: '驻外招商',
  visit: '上门',
  other: '其他',
})

export const PROJECT_KIND = labels({
  new: '新建',
  expansion: '扩建',
  capital_increase: '增资扩产',
  renovation: '技改',
})

export const PRIORITY = labels({
  provincial: '省重点',
  municipal: '市重点',
  district: '区重点',
})

export const NEGOTIATION_TYPE = labels({
  visit_out: '外出拜访',
  visit_in: '企业来访',
  inspection: '考察',
  phone: '电话',
  video: '视频会议',
  promotion: '推介会',
  signing: '签约仪式',
})

export const AGREEMENT_TYPE = labels({
  framework: '框架协议',
  investment: '投资协议',
  supplement: '补充协议',
})

export const REQUEST_CATEGORY = labels({
  financing: '融资信贷',
  land: '用地',
  approval: '审批',
  labor: '用工',
  expansion_ipo: '扩产上市',
  policy: '政策兑现',
  other: '其他',
})

/** 受理 → 交办 → 办理中 → 办结 → 回访 */
export const REQUEST_STATUS = labels({
  received: '受理',
  assigned: '交办',
  in_progress: '办理中',
  resolved: '办结',
  revisited: '回访',
})

export const EVENT_TYPE = labels({
  promotion: '推介会',
  fair: '洽谈会',
  signing: '签约仪式',
  expo: '展会',
  trip: '外出招商',
})

export const TARGET_UNIT = labels({
  district: '区县',
  park: '园区',
  user: '个人',
})

/** Count indicators are project counts; amount indicators are 元. */
export const TARGET_INDICATOR = labels({
  new_projects: '新谋划项目数',
  new_investment: '新谋划总投资',
  signed_projects: '新签约项目数',
  signed_amount: '签约金额',
  started_projects: '新开工项目数',
  operating_projects: '新投产项目数',
  funds: '到位资金',
})

export const AMOUNT_INDICATORS = new Set<string>(['new_investment', 'signed_amount', 'funds'])

export const USER_ROLE = labels({
  staff: '招商专员',
  manager: '管理人员',
  leader: '包挂领导',
})

export type Ownership = keyof typeof OWNERSHIP.labels
export type Origin = keyof typeof ORIGIN.labels
export type SourceChannel = keyof typeof SOURCE_CHANNEL.labels
export type ProjectKind = keyof typeof PROJECT_KIND.labels
export type Priority = keyof typeof PRIORITY.labels
export type NegotiationType = keyof typeof NEGOTIATION_TYPE.labels
export type AgreementType = keyof typeof AGREEMENT_TYPE.labels
export type RequestCategory = keyof typeof REQUEST_CATEGORY.labels
export type RequestStatus = keyof typeof REQUEST_STATUS.labels
export type EventType = keyof typeof EVENT_TYPE.labels
export type TargetUnit = keyof typeof TARGET_UNIT.labels
export type TargetIndicator = keyof typeof TARGET_INDICATOR.labels
export type UserRole = keyof typeof USER_ROLE.labels
