// `import`, `import-undo`, `import-batches` and `export` on the command line. Import and export
// read and write paths of the user's choosing, so like `backup FILE` they call the services
// directly (the API takes and returns bytes); batches and undo go through the API.
import { readFile } from 'node:fs/promises'
import { basename, extname, resolve } from 'node:path'
import { AppError } from '../../db/domain/errors'
import { formatBytes } from '../../db/domain/hub'
import {
  type ExportFormat,
  type ImportMessage,
  type ImportPreview,
  LEDGER_FIELD_LABEL,
  type MappingOverrides,
  PROJECT_EXPORT_COLUMNS,
  type ProgressCallback,
  type ProjectExportColumn,
} from '../../db/domain/ledger'
import { formatYi } from '../../db/domain/money'
import { ProjectListQuery } from '../../db/domain/project'
import { stageFromWord } from '../../db/domain/stage-words'
import { STAGES, type Stage } from '../../db/domain/stages'
import { exportInvestorList, exportNegotiationList, exportProjectList } from '../../db/ledger-export/export-list'
import { exportLedger } from '../../db/ledger-export/export-ledger'
import { exportReport } from '../../db/ledger-export/export-report'
import { writeImportMessages } from '../../db/ledger-import/apply'
import { previewLedgerImport, runLedgerImport } from '../../db/ledger-import/months'
import { LedgerMappingError, parseMapOption } from '../../db/ledger-import/mapping'
import { type ParsedArgs, stringOption } from './args'
import type { Command, CommandContext } from './command'

const ACTION_LABEL = { create: '新建', update: '更新', unchanged: '无变化', skip: '跳过', error: '错误' } as const

function progress(label: string): ProgressCallback | undefined {
  if (!process.stderr.isTTY) return undefined
  let last = 0
  return ({ done, total }) => {
    const now = Date.now()
    if (now - last < 200 && done !== total) return
    last = now
    process.stderr.write(`\r${label} ${done}${total ? `/${total}` : ''}   `)
    if (total !== null && done >= total) process.stderr.write('\n')
  }
}

/** --skip-errors is a flag; an older args parser may have taken the next word as its value. */
function flag(args: ParsedArgs, name: string): boolean {
  const value = args.options[name]
  if (typeof value === 'string') args.positional.unshift(value)
  return value !== undefined
}

function mappingOf(args: ParsedArgs): MappingOverrides {
  const mapping: MappingOverrides = {}
  try {
    for (const text of args.repeated.map ?? []) Object.assign(mapping, parseMapOption(text))
  } catch (error) {
    if (error instanceof LedgerMappingError) throw new Error(error.message)
    throw error
  }
  return mapping
}

const where = (m: ImportMessage) => `${m.sheet ? `${m.sheet} ` : ''}${m.excelRow ? `第${m.excelRow}行${m.column ? `${m.column}列` : ''}` : m.sheet ? '工作表' : '文件'}`

function printMessages(messages: readonly ImportMessage[], level: 'error' | 'warning', limit: number): void {
  const list = messages.filter((m) => m.level === level)
  if (list.length === 0) return
  console.log(level === 'error' ? `错误（${list.length}）：` : `提醒（${list.length}）：`)
  for (const m of list.slice(0, limit)) console.log(`  ${where(m)}：${m.message}`)
  if (list.length > limit) console.log(`  ……另有${list.length - limit}条，可用 --errors 文件.xlsx 导出全部`)
}

/** Every dry run says which column became which field, and which columns are not imported. */
function printMapping(preview: ImportPreview): void {
  console.log('列对应：')
  for (const c of preview.columns) {
    const field = c.field ? `${LEDGER_FIELD_LABEL[c.field]}${c.unit ? `（${c.unit}）` : ''}` : '不导入'
    console.log(`  ${c.letter} ${c.header || '（无表头）'} → ${field}`)
  }
  if (preview.notImported.length > 0) console.log(`未导入的列（有数据）：${preview.notImported.join('、')}`)
}

function printSummary(preview: ImportPreview, verbose: boolean): void {
  const c = preview.counts
  if (preview.ledgerSheets.length > 1) console.log(`含台账的工作表：${preview.ledgerSheets.join('、')}（可用 --sheet 选择）`)
  if (preview.monthSheets.length > 1 && !preview.months) console.log(`每月一张工作表：默认只导入最新月份（${preview.sheet}）；加 --months all 按月份依次导入全部月份`)
  if (preview.months) printMonths(preview)
  console.log(`工作表：${preview.sheet}（表头在第${preview.headerRow}行）；读取数据行 ${c.rowsRead}${preview.asOf ? `；台账日期 ${preview.asOf}` : ''}`)
  console.log(`新建 ${c.create}，更新 ${c.update}，无变化 ${c.unchanged}，跳过 ${c.skip}，错误 ${c.error}，提醒 ${c.warning}`)
  const total = preview.ledgerTotalYuan === null ? '' : `；表中合计 ${formatYi(preview.ledgerTotalYuan)} 亿元`
  console.log(`导入各行总投资之和 ${formatYi(preview.rowsTotalYuan)} 亿元${total}`)
  const backup = preview.preImportBackup
  if (backup.taken) console.log(`导入前自动备份整个数据库（${formatBytes(backup.databaseBytes)}）`)
  if (backup.tooLarge) console.log(`数据库较大（${formatBytes(backup.databaseBytes)}），导入前不整库备份：导入后可用 import-undo 一步撤销这次导入；每日自动备份照常进行`)
  if (verbose) {
    for (const row of preview.rows.filter((r) => r.action !== 'unchanged')) {
      const extra = row.creates.length ? `（新建${row.creates.join('、')}）` : ''
      console.log(`  第${row.excelRow}行 ${ACTION_LABEL[row.action]}：${row.name ?? row.note ?? ''}${extra}`)
    }
  }
  printMessages(preview.messages, 'error', 50)
  printMessages(preview.messages, 'warning', verbose ? 200 : 20)
  if (preview.newPeople.length > 0) {
    console.log(`还不是系统用户的责任人/包挂领导：${preview.newPeople.join('、')}（加 --create-people 导入时新建并关联）`)
  }
  if (preview.confirmations.length > 0) {
    console.log('需要确认的金额（导入会停下）：')
    for (const m of preview.confirmations) console.log(`  ${where(m)}：${m.message}`)
    console.log('请用 --unit "总投资=万元" 指定单位；若金额确实如此，加 --confirm-amounts')
  }
}

/** All months in order: what each month's sheet changes, and the projects a month no longer lists (kept). */
function printMonths(preview: ImportPreview): void {
  console.log(`按月份依次导入（一个批次，撤销时全部撤销）：`)
  for (const m of preview.months ?? []) {
    const c = m.counts
    console.log(`  ${m.sheet}${m.asOf ? `（截至 ${m.asOf}）` : ''}：新建 ${c.create}，更新 ${c.update}，阶段变化 ${m.stageChanges}，无变化 ${c.unchanged}，错误 ${c.error}`)
    if (m.missing.length > 0) console.log(`    本月表中没有、保留不删除：${m.missing.join('、')}`)
  }
  console.log(`金额与阶段以最后一个月（${preview.sheet}）为准：以下的行数与新建、更新等计数为各月之和，总投资之和为最后一个月的`)
}

/** --months all: a month-per-sheet workbook's months in order; anything else is refused, not ignored. */
function monthsOf(args: ParsedArgs): 'all' | undefined {
  const months = stringOption(args, 'months')
  if (months === undefined || months === 'latest') return undefined
  if (months === 'all') return 'all'
  throw new Error(`--months 只能是 all（按月份依次导入全部月份）或 latest（只导入最新月份，默认），收到：${months}`)
}

/** --unit "总投资=万元" (repeatable): the unit of an amount column whose header names none. */
function unitsOf(args: ParsedArgs): Record<string, '亿元' | '万元' | '元'> {
  const units: Record<string, '亿元' | '万元' | '元'> = {}
  for (const text of args.repeated.unit ?? []) {
    const m = /^(.+)=(亿元|万元|元|亿|万)$/.exec(text.trim())
    if (!m) throw new Error(`--unit 格式应为“表头=单位”，例如 --unit "总投资=万元"，收到：${text}`)
    units[m[1]!.trim()] = m[2] === '亿' ? '亿元' : m[2] === '万' ? '万元' : (m[2] as '亿元' | '万元' | '元')
  }
  return units
}

/** --stage-word "推进落实=在谈" (repeatable): a 项目状态 word of this office and the stage it means. */
function stageWordsOf(args: ParsedArgs): Record<string, Stage> {
  const words: Record<string, Stage> = {}
  for (const text of args.repeated['stage-word'] ?? []) {
    const m = /^(.+)=(.+)$/.exec(text.trim())
    const meant = m ? m[2]!.trim() : ''
    const stage = (STAGES as readonly string[]).includes(meant) ? (meant as Stage) : stageFromWord(meant)
    if (!m || !stage) throw new Error(`--stage-word 格式应为“台账用词=阶段”，例如 --stage-word "推进落实=在谈"（阶段可写 ${STAGES.join('|')} 或中文名称），收到：${text}`)
    words[m[1]!.trim()] = stage
  }
  return words
}

/** The 项目状态 words no rule knows, from the rows' errors, each once. */
function unknownStageWords(messages: readonly ImportMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => (m.stageWord ? [m.stageWord] : [])))]
}

function askStageWords(messages: readonly ImportMessage[]): void {
  const words = unknownStageWords(messages)
  if (words.length === 0) return
  console.log(`台账中有无法识别的项目状态：${words.map((w) => `“${w}”`).join('、')}。请用 --stage-word "${words[0]}=在谈" 说明每个词对应的阶段（阶段可写 ${STAGES.join('|')} 或中文名称），然后重新导入`)
}

async function importCommand({ args, env }: CommandContext): Promise<void> {
  const skipErrors = flag(args, 'skip-errors')
  const confirmAmounts = flag(args, 'confirm-amounts')
  const createPeople = flag(args, 'create-people')
  const [file] = args.positional
  if (!file) throw new Error('缺少台账文件，例如：import 台账.xlsx [--sheet 名称] [--dry-run] [--map "表头=字段"]')
  const bytes = await readFile(resolve(file)).catch(() => {
    throw new Error(`无法读取文件：${file}`)
  })
  const template = stringOption(args, 'template')
  const options = {
    sheet: stringOption(args, 'sheet'),
    template,
    mapping: mappingOf(args),
    units: unitsOf(args),
    // over the template's answers to unknown 项目状态 words (openLedger merges them)
    stageWords: stageWordsOf(args),
    createPeople,
    months: monthsOf(args),
    onProgress: progress('处理行'),
  }
  const source = { bytes, fileName: basename(file) }
  const errorsFile = stringOption(args, 'errors')
  if (args.options['dry-run']) {
    const preview = await previewLedgerImport(env.ctx, source, options)
    console.log(`预览（未写入任何数据）：${file}`)
    printMapping(preview)
    printSummary(preview, args.options.verbose !== undefined)
    askStageWords(preview.messages)
    if (errorsFile) await writeImportMessages(resolve(errorsFile), preview)
    return
  }
  try {
    const result = await runLedgerImport(env.ctx, source, { ...options, skipErrors, confirmAmounts })
    console.log(result.batchId ? `导入完成：${file}（批次 ${result.batchId}，可用 import-undo ${result.batchId} 撤销）` : `没有需要写入的变化：${file}`)
    printSummary(result, args.options.verbose !== undefined)
    if (errorsFile) await writeImportMessages(resolve(errorsFile), result)
  } catch (error) {
    const details = error instanceof AppError ? (error.details as { errors?: ImportMessage[]; confirmations?: ImportMessage[] } | undefined) : undefined
    if (details?.confirmations) console.log('请用 --unit "总投资=万元" 指定单位；若金额确实如此，加 --confirm-amounts')
    const errors = details?.errors
    if (errors) {
      printMessages(errors, 'error', 50)
      askStageWords(errors)
      console.log('可加 --skip-errors 跳过错误行导入其余行，或先用 --dry-run 预览')
    }
    throw error
  }
}

async function idByName(env: CommandContext['env'], table: 'district' | 'park' | 'industry' | 'user', name: string, label: string): Promise<string> {
  const rows = await env.ctx.db.selectFrom(table).select(['id', 'name']).where('deletedAt', 'is', null).execute()
  const found = rows.find((r) => r.name === name.trim())
  if (!found) throw new Error(`找不到${label}“${name}”。现有：${rows.map((r) => r.name).slice(0, 30).join('、') || '（无）'}`)
  return found.id
}

/** The project list's filters from --district --park --industry --owner --stage --year --text --sort --order. */
async function projectQuery(context: CommandContext): Promise<{ query: ProjectListQuery; year?: number }> {
  const { args, env } = context
  const raw: Record<string, unknown> = {}
  const district = stringOption(args, 'district')
  if (district) raw.districtId = await idByName(env, 'district', district, '区县')
  const park = stringOption(args, 'park')
  if (park) raw.parkId = await idByName(env, 'park', park, '园区')
  const industry = stringOption(args, 'industry')
  if (industry) raw.industryId = await idByName(env, 'industry', industry, '产业')
  const owner = stringOption(args, 'owner')
  if (owner) raw.ownerId = await idByName(env, 'user', owner, '责任人')
  const stages = (args.repeated.stage ?? []).flatMap((s) => s.split(/[,，]/)).filter(Boolean)
  if (stages.length) {
    raw.stages = stages.map((s) => {
      const stage = (STAGES as readonly string[]).includes(s) ? s : stageFromWord(s)
      if (!stage) throw new Error(`项目阶段不正确：${s}（可选 ${STAGES.join('|')} 或中文名称）`)
      return stage
    })
  }
  for (const key of ['text', 'sort', 'order'] as const) {
    const value = stringOption(args, key)
    if (value) raw[key] = value
  }
  if (!raw.sort) raw.sort = 'reserveOn'
  const yearText = stringOption(args, 'year')
  if (yearText !== undefined && (!/^\d{4}$/.test(yearText) || Number(yearText) < 1990 || Number(yearText) > 2100)) {
    throw new Error(`年份不正确：${yearText}`)
  }
  const parsed = ProjectListQuery.safeParse(raw)
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('；'))
  return { query: parsed.data, ...(yearText ? { year: Number(yearText) } : {}) }
}

function formatOf(args: ParsedArgs, out: string): ExportFormat {
  const given = stringOption(args, 'format')
  if (given && given !== 'xlsx' && given !== 'csv') throw new Error(`导出格式应为 xlsx 或 csv：${given}`)
  return (given as ExportFormat | undefined) ?? (extname(out).toLowerCase() === '.csv' ? 'csv' : 'xlsx')
}

async function exportCommand(context: CommandContext): Promise<void> {
  const { args, env } = context
  const [what, out] = args.positional
  const kinds = ['ledger', 'report', 'projects', 'investors', 'negotiations']
  if (!what || !kinds.includes(what)) throw new Error(`请指定导出内容：export ${kinds.join('|')} OUT.xlsx`)
  if (!out) throw new Error(`缺少输出文件，例如：export ${what} 输出.xlsx`)
  const target = resolve(out)
  const format = formatOf(args, out)
  const onProgress = progress('导出')
  const started = Date.now()
  let rows = 0
  if (what === 'ledger') {
    const { query, year } = await projectQuery(context)
    const subtotal = stringOption(args, 'subtotal')
    if (subtotal !== undefined && subtotal !== 'district' && subtotal !== 'park') throw new Error(`--subtotal 应为 district 或 park：${subtotal}`)
    // 填报单位 / 填报人 / 审核人 / 填报日期: any of them prints the sign-off lines (the rest left blank to fill by hand)
    const signoffText = { unit: stringOption(args, 'unit'), preparer: stringOption(args, 'preparer'), reviewer: stringOption(args, 'reviewer'), date: stringOption(args, 'date') }
    const signoff = Object.values(signoffText).some((v) => v !== undefined) ? Object.fromEntries(Object.entries(signoffText).filter(([, v]) => v !== undefined)) : undefined
    if (signoff?.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(signoff.date)) throw new Error(`填报日期应写成 2024-12-31：${signoff.date}`)
    const summary = await exportLedger(env.ctx, target, { query, year, format, ...(subtotal ? { subtotalBy: subtotal } : {}), ...(signoff ? { signoff } : {}) }, onProgress)
    rows = summary.rows
    console.log(`${summary.title}：${summary.rows} 个项目，总投资合计 ${formatYi(summary.totalInvestmentYuan)} 亿元`)
  } else if (what === 'report') {
    const yearText = stringOption(args, 'year')
    if (!yearText || !/^\d{4}$/.test(yearText)) throw new Error('请用 --year 指定年份，例如 export report 月报.xlsx --year 2024 [--month 3]')
    const monthText = stringOption(args, 'month')
    if (monthText !== undefined && !/^(?:[1-9]|1[0-2])$/.test(monthText)) throw new Error(`月份不正确：${monthText}`)
    const district = stringOption(args, 'district')
    const park = stringOption(args, 'park')
    const result = await exportReport(
      env.ctx,
      target,
      {
        year: Number(yearText),
        ...(monthText ? { month: Number(monthText) } : {}),
        ...(district ? { districtId: await idByName(env, 'district', district, '区县') } : {}),
        ...(park ? { parkId: await idByName(env, 'park', park, '园区') } : {}),
        ...(stringOption(args, 'as-of') ? { asOf: stringOption(args, 'as-of') } : {}),
      },
      onProgress,
    )
    console.log(`${result.title}：${result.sheets} 张工作表`)
  } else if (what === 'projects') {
    const { query } = await projectQuery(context)
    const columnsText = stringOption(args, 'columns')
    const columns = columnsText ? columnsText.split(/[,，]/).map((c) => c.trim()) : undefined
    for (const c of columns ?? []) {
      if (!Object.hasOwn(PROJECT_EXPORT_COLUMNS, c)) throw new Error(`导出列不正确：${c}（可选 ${Object.keys(PROJECT_EXPORT_COLUMNS).join(',')}）`)
    }
    const input = { query, format, columns: (columns as ProjectExportColumn[] | undefined) ?? ['name', 'investorName', 'districtName', 'parkName', 'stage', 'totalInvestment', 'ownerName'] as ProjectExportColumn[] }
    rows = (await exportProjectList(env.ctx, target, input, onProgress)).rows
  } else {
    const json = stringOption(args, 'query')
    let query: unknown = {}
    try {
      query = json ? JSON.parse(json) : {}
    } catch {
      throw new Error('--query 不是有效的 JSON')
    }
    const fn = what === 'investors' ? exportInvestorList : exportNegotiationList
    rows = (await fn(env.ctx, target, { query, format }, onProgress)).rows
  }
  console.log(`已导出到 ${target}${rows ? `（${rows} 行）` : ''}，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`)
}

export const LEDGER_COMMANDS = {
  import: {
    run: importCommand,
  },
  'import-batches': {
    run: async ({ call }: CommandContext) => {
      const batches = await call('ledger-import-batches', {})
      if (batches.length === 0) return console.log('还没有导入批次')
      for (const b of batches) {
        const state = b.undoneAt ? `已撤销 ${b.undoneAt.slice(0, 10)}` : '有效'
        console.log(`${b.id}  ${b.createdAt.slice(0, 19).replace('T', ' ')}  ${b.fileName}（${b.sheetName}）  新建${b.createdCount} 更新${b.updatedCount} 无变化${b.unchangedCount} 错误${b.errorCount}  ${state}`)
      }
    },
  },
  'import-undo': {
    run: async ({ args, call }: CommandContext) => {
      const [id] = args.positional
      if (!id) throw new Error('缺少批次编号，可用 import-batches 查看')
      const result = await call('ledger-import-undo', { id })
      console.log(`已撤销批次 ${id}：恢复 ${result.restored} 条，移入回收站 ${result.deleted} 条`)
      if (result.kept.length) console.log(`仍被其他记录使用而保留：${result.kept.join('、')}`)
    },
  },
  export: {
    run: exportCommand,
  },
} satisfies Record<string, Command>
