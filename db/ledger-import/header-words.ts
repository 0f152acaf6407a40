// The many ways offices title the columns of a 项目台账 (the columns themselves are listed once in
// db/domain/ledger.ts). Matching is on normalised header text so '项目\n名称', '总投资（亿元）' and '*项目名称' all find their field.

import type { LedgerField } from '../domain/ledger'

export type AmountUnit = '亿元' | '万元' | '元'

// First synonym is the best: when two columns claim a field, the one with the earlier synonym wins.
// 计划投资 / 年度计划投资 / 2024年计划 are a year's plan, never the project's total: they are not
// synonyms of 总投资, and NOT_TOTAL keeps partial matches away from it too.
export const LEDGER_SYNONYMS: Record<LedgerField, readonly string[]> = {
  seq: ['序号', '序', 'no.', 'no', '编号'],
  name: ['项目名称', '项目名', '项目', '项目全称'],
  investor: ['投资方', '投资主体', '投资企业', '签约企业', '客商', '企业名称', '投资方名称', '客商名称', '投资单位', '签约主体', '项目单位', '建设单位'],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码', '统一信用代码'],
  district: ['所属区县', '区县', '县区', '区域', '所在区县', '县(市区)', '县市区', '所属县区', '落户县区', '落户区县', '所在县区'],
  park: ['所属园区', '园区', '所在园区', '载体', '落地园区', '承接园区', '落户园区', '项目载体'],
  industry: ['产业类别', '行业', '产业', '所属行业', '产业类型', '行业类别', '所属产业', '产业领域', '行业分类'],
  chain: ['产业链环节', '产业链', '所属产业链', '链条环节'],
  kind: ['建设性质', '项目性质'],
  investment: ['总投资', '投资额', '计划总投资', '总投资额', '投资总额', '项目总投资', '协议投资额', '总投资小计', '投资小计'],
  fixedAsset: ['固定资产投资', '固定资产投资额', '固投', '其中固定资产投资'],
  agreementAmount: ['签约金额', '协议金额', '合同金额', '签约额', '协议额'],
  stage: ['项目状态', '进展阶段', '状态', '项目阶段', '当前阶段', '所处阶段', '项目进度阶段', '当前状态', '目前状态', '推进状态'],
  priority: ['重点级别', '项目级别', '重点项目级别'],
  plannedDate: ['谋划日期', '入库日期', '储备日期', '谋划时间', '入库时间'],
  signedDate: ['签约日期', '签约时间'],
  registeredDate: ['注册日期', '注册时间', '落地日期'],
  startedDate: ['开工日期', '开工时间'],
  completedDate: ['竣工日期', '竣工时间', '完工日期'],
  operatingDate: ['投产日期', '投产时间', '投产运营时间', '运营日期'],
  owner: ['责任人', '负责人', '联系人', '招商责任人', '项目责任人'],
  leader: ['包挂领导', '包保领导', '联系领导', '责任领导', '分包领导'],
  phone: ['联系电话', '电话', '手机', '联系方式', '手机号', '手机号码'],
  progress: ['项目进展情况', '进展情况', '推进情况', '备注', '项目进展', '进展', '项目推进情况', '工作进展'],
}

// A header about one year's plan or what was done so far: never a project's total or fixed assets
const NOT_TOTAL = /年度|\d{4}年|当年|本年|今年|累计|完成|到位|计划投资|年计划/

export type NormalizedHeader = { text: string; unit: AmountUnit | null }

const UNIT_WORDS: Record<string, AmountUnit> = { 亿元: '亿元', 亿: '亿元', 万元: '万元', 万: '万元', 元: '元' }

// trim, drop all whitespace (cells often wrap with Alt+Enter), fold full-width punctuation and
// letters, drop required-field stars, and split a unit out of brackets or a trailing '/亿元'
export function normalizeHeader(raw: unknown): NormalizedHeader {
  if (raw === null || raw === undefined) return { text: '', unit: null }
  let s = (raw instanceof Date ? '' : String(raw))
    .normalize('NFKC') // （）→(), ：→:, full-width letters and digits → ASCII
    .replace(/[\s\u3000]+/g, '')
    .replace(/[【[]/g, '(')
    .replace(/[】\]]/g, ')')
    .replace(/^[*※★]+|[*※★]+$/g, '')
    .toLowerCase()
  let unit: AmountUnit | null = null
  // bracketed parts are notes or units: '总投资(亿元)', '签约日期(年月日)', '状态(在谈/签约)'
  s = s.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const u = unitOf(inner)
    if (u) unit = u
    return ''
  })
  const trailing = /(?:[/:]|单位:?)?(亿元|万元|亿|万)$/.exec(s)
  if (trailing && s.length > trailing[0].length) {
    unit = UNIT_WORDS[trailing[1]]
    s = s.slice(0, -trailing[0].length)
  }
  return { text: s, unit }
}

function unitOf(text: string): AmountUnit | null {
  const m = /^(?:单位:?)?(亿元|万元|亿|万|元)$/.exec(text)
  return m ? UNIT_WORDS[m[1]] : null
}

// a cell like '单位：亿元' or '（单位：万元）' anywhere above the header
export function unitFromNote(raw: unknown): AmountUnit | null {
  if (typeof raw !== 'string') return null
  const m = /单位[:：]\s*(亿元|万元|亿|万|元)/.exec(raw.replace(/\s+/g, ' '))
  return m ? UNIT_WORDS[m[1]] : null
}

// whether a cell holds only a unit (the unit row under a two-row header: '亿元', '（万元）')
export function isUnitOnly(raw: unknown): AmountUnit | null {
  if (typeof raw !== 'string') return null
  const s = raw.normalize('NFKC').replace(/[\s()]/g, '')
  return unitOf(s)
}

export type HeaderMatch = { field: LedgerField; quality: number; rank: number }

const MATCH_TABLE: { synonym: string; field: LedgerField; rank: number }[] = Object.entries(LEDGER_SYNONYMS).flatMap(
  ([field, list]) => list.map((synonym, rank) => ({ synonym, field: field as LedgerField, rank })),
)

// quality 3: exact; 2: starts with a long synonym ('项目名称及建设内容');
// 1: ends with one ('招商责任人', '2024年项目进展情况')
export function matchHeader(normalizedText: string): HeaderMatch | null {
  if (!normalizedText) return null
  let best: HeaderMatch | null = null
  let longest = 0
  const notTotal = NOT_TOTAL.test(normalizedText) && normalizedText !== '计划总投资'
  for (const { synonym, field, rank } of MATCH_TABLE) {
    if (notTotal && (field === 'investment' || field === 'fixedAsset')) continue
    let quality = 0
    if (normalizedText === synonym) quality = 3
    else if (synonym.length >= 4 && normalizedText.startsWith(synonym)) quality = 2
    else if (synonym.length >= 3 && normalizedText.endsWith(synonym)) quality = 1
    // On equal quality and rank the longer synonym is the more specific reading: 其中：固定资产投资额
    // ends with both 固定资产投资额 (固定资产投资) and 投资额 (总投资), and is the fixed assets.
    if (quality && (!best || quality > best.quality || (quality === best.quality && (rank < best.rank || (rank === best.rank && synonym.length > longest))))) {
      best = { field, quality, rank }
      longest = synonym.length
    }
  }
  return best
}
