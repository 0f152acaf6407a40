// `report`: the yearly summary by group (projects whose reserve date falls in the year), and the
// exception lists. Thin over report-breakdown and report-exceptions; prints a table or JSON.
import { yuanToWanExact } from '../../db/domain/money'
import { type BreakdownRow, EXCEPTION_KINDS, type ExceptionKind } from '../../db/domain/report'
import { STAGES, STAGE_LABELS, type Stage } from '../../db/domain/stages'
import { stringOption } from './args'
import type { Command, CommandContext } from './command'

const BY = { district: '区县', park: '园区', industry: '产业', stage: '阶段', person: '责任人' } as const
type By = keyof typeof BY

// Wide (CJK, full-width) characters take two columns in a terminal.
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u
const width = (text: string) => [...text].reduce((w, c) => w + (WIDE.test(c) ? 2 : 1), 0)

/** Columns padded to the widest cell; numbers right-aligned, text left-aligned. */
export function table(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - width(cell))
        return numeric[i] ? pad + cell : cell + pad
      })
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

const WAN = '\u0000wan:'

/**
 * JSON with investment_wan as a plain JSON number written from the exact decimal string
 * (12345.6789), never through a float: the placeholder strings are replaced after stringify.
 */
function exactJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"\\u0000wan:(-?\d+(?:\.\d+)?)"/g, '$1')
}

function summaryRow(row: BreakdownRow, key: string) {
  return {
    key,
    projects: row.projects,
    investment_wan: `${WAN}${yuanToWanExact(row.investmentYuan)}`,
    by_stage: Object.fromEntries(STAGES.map((s) => [s, row.byStage[s]])),
  }
}

function parseYear(text: string | undefined): number {
  if (text === undefined) throw new Error('请用 --year 指定年份，例如 --year 2024')
  if (!/^\d{4}$/.test(text) || Number(text) < 1990 || Number(text) > 2100) throw new Error(`年份不正确：${text}（应为1990–2100之间的四位数）`)
  return Number(text)
}

function parseBy(text: string | undefined): By {
  if (text === undefined) throw new Error(`请用 --by 指定分组：${Object.keys(BY).join('|')}`)
  if (!Object.hasOwn(BY, text)) throw new Error(`分组方式不正确：${text}（可选 ${Object.keys(BY).join('|')}）`)
  return text as By
}

async function summary({ args, call }: CommandContext): Promise<void> {
  const year = parseYear(stringOption(args, 'year') ?? (args.options.year === true ? '' : undefined))
  const by = parseBy(stringOption(args, 'by') ?? (args.options.by === true ? '' : undefined))
  const result = await call('report-breakdown', { year, by })
  if (args.options.json) {
    console.log(exactJson({ rows: result.rows.map((r) => summaryRow(r, r.label)), total: summaryRow(result.total, '合计') }))
    return
  }
  // Stages nobody is in would only widen the table; the JSON keeps them all.
  const stages = STAGES.filter((s) => result.total.byStage[s] > 0)
  const header = [BY[by], '项目数', '总投资(万元)', ...stages.map((s) => STAGE_LABELS[s])]
  const cells = (row: BreakdownRow) => [row.label, String(row.projects), yuanToWanExact(row.investmentYuan), ...stages.map((s) => String(row.byStage[s]))]
  console.log(`${year}年入库项目（按${BY[by]}）`)
  console.log(table(header, [...result.rows.map(cells), cells(result.total)], header.map((_, i) => i > 0)))
}

function parseKind(text: string): ExceptionKind {
  const kind = EXCEPTION_KINDS.find((k) => k === text)
  if (!kind) throw new Error(`清单类型不正确：${text}（可选 ${EXCEPTION_KINDS.join('|')}）`)
  return kind
}

async function exceptions({ args, call }: CommandContext): Promise<void> {
  const kind = parseKind(stringOption(args, 'kind') ?? 'signed-not-started')
  const thresholdText = stringOption(args, 'threshold')
  if (thresholdText !== undefined && !/^\d+$/.test(thresholdText)) throw new Error(`阈值不正确：${thresholdText}`)
  const asOf = stringOption(args, 'as-of')
  const input = { kind, ...(thresholdText ? { threshold: Number(thresholdText) } : {}), ...(asOf ? { asOf } : {}) }
  const first = await call('report-exceptions', { ...input, page: 1, pageSize: 500 })
  const rows = [...first.rows]
  for (let page = 2; rows.length < first.total; page++) {
    rows.push(...(await call('report-exceptions', { ...input, page, pageSize: 500 })).rows)
  }
  if (args.options.json) {
    console.log(JSON.stringify({ ...first, rows, page: 1, pageSize: rows.length }, null, 2))
    return
  }
  const unit = first.thresholdUnit === 'months' ? '个月' : '天'
  console.log(`${first.label}（截至 ${first.asOf}，阈值 ${first.threshold}${unit}）：${first.total} 项`)
  const header = ['项目/事项', '阶段', '责任人', '起算日期', '天数', '总投资(万元)']
  const cells = rows.map((r) => [
    r.projectName ?? r.title ?? '',
    r.stage ? STAGE_LABELS[r.stage as Stage] : '',
    r.ownerName ?? '未指定',
    r.sinceOn ?? '',
    r.days === null ? '' : String(r.days),
    r.totalInvestmentYuan === null ? '' : yuanToWanExact(r.totalInvestmentYuan),
  ])
  console.log(table(header, cells, [false, false, false, false, true, true]))
}

export const reportCommand: Command = {
  run: async (context: CommandContext) => {
    const [sub, ...extra] = context.args.positional
    if (sub === 'exceptions') return exceptions(context)
    if (sub !== undefined || extra.length > 0) throw new Error(`未知的 report 子命令：${sub}`)
    return summary(context)
  },
}
