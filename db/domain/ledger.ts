// Ledger import and exports (issue 6): the API inputs and what comes back. Pure: shared by the
// renderer and the backend.
//
// Decisions, written once here so the UI, the command line and the tests agree:
// - A project in a ledger is the same project in the app when its name (NFKC, whitespace removed)
//   and its district are equal (PROJECT_KEY). When several live projects share that key, the
//   investor picks one; still several → the row is an error (never a guess).
// - An empty cell leaves the app's value as it is: ledgers often leave columns blank, and an
//   import must never wipe what people typed in the app. So a re-import of an unchanged file (or
//   of our own export) changes nothing.
// - Errors: the preview lists every error and warning by Excel row. A real import with errors is
//   refused unless skipErrors (CLI --skip-errors): then the valid rows are imported and the error
//   rows are reported as skipped. Nothing is ever half-written: one transaction.
import { z } from 'zod'
import { id, isoDate } from './fields'
import { ProjectListQuery } from './project'
import { scopeFields } from './report'
import { STAGES, type Stage } from './stages'

export const PROJECT_KEY = '项目名称 + 所属区县（同名同区县的多个项目再按投资方区分）'

// ---- Ledger fields: the columns a 项目台账 carries, ONE list for import, export and the UI ----
// `label` is the Chinese column title the export writes and the import screen shows; `en` the
// English UI's. The import's header words (synonyms) are in db/ledger-import/header-words.ts.
// `money`: an amount column whose unit comes from the header or the layout.

export const LEDGER_FIELDS = [
  { key: 'seq', label: '序号', en: 'No.' },
  { key: 'name', label: '项目名称', en: 'Project name' },
  { key: 'investor', label: '投资方', en: 'Investor' },
  { key: 'creditCode', label: '统一社会信用代码', en: 'Credit code' },
  { key: 'district', label: '所属区县', en: 'District' },
  { key: 'park', label: '所属园区', en: 'Park' },
  { key: 'industry', label: '产业类别', en: 'Industry' },
  { key: 'chain', label: '产业链环节', en: 'Industry chain' },
  { key: 'kind', label: '建设性质', en: 'Construction type' },
  { key: 'investment', label: '总投资', en: 'Total investment', money: true },
  { key: 'fixedAsset', label: '固定资产投资', en: 'Fixed-asset investment', money: true },
  { key: 'agreementAmount', label: '签约金额', en: 'Agreement amount', money: true },
  { key: 'stage', label: '项目状态', en: 'Stage' },
  { key: 'priority', label: '重点级别', en: 'Priority' },
  { key: 'plannedDate', label: '谋划日期', en: 'Planned on' },
  { key: 'signedDate', label: '签约日期', en: 'Signed on' },
  { key: 'registeredDate', label: '注册日期', en: 'Registered on' },
  { key: 'startedDate', label: '开工日期', en: 'Started on' },
  { key: 'completedDate', label: '竣工日期', en: 'Completed on' },
  { key: 'operatingDate', label: '投产日期', en: 'In operation on' },
  { key: 'owner', label: '责任人', en: 'Responsible' },
  { key: 'leader', label: '包挂领导', en: 'Leader in charge' },
  { key: 'phone', label: '联系电话', en: 'Phone' },
  { key: 'progress', label: '项目进展情况', en: 'Progress' },
] as const satisfies readonly { key: string; label: string; en: string; money?: boolean }[]

export const LEDGER_FIELD_KEYS = LEDGER_FIELDS.map((f) => f.key) as [LedgerField, ...LedgerField[]]
export const LEDGER_FIELD_LABEL = Object.fromEntries(LEDGER_FIELDS.map((f) => [f.key, f.label])) as Record<LedgerField, string>
export const LEDGER_MONEY_FIELDS: readonly LedgerField[] = LEDGER_FIELDS.filter((f) => 'money' in f).map((f) => f.key)
export type LedgerField = (typeof LEDGER_FIELDS)[number]['key']

/**
 * How the preview names a project column an import changes (ImportRowPlan.changes is keyed by
 * column): the ledger field's own label where the column comes from one, else its own label here
 * (the columns the stage rule writes). `show` says how a value is written.
 */
export type ChangeShow = 'money' | 'stage' | 'projectKind' | 'priority' | 'reference' | 'text'
type ColumnLabel = { field: LedgerField; show: ChangeShow } | { label: string; en: string; show: ChangeShow }
export const LEDGER_CHANGE_COLUMNS: Record<string, ColumnLabel> = {
  name: { field: 'name', show: 'text' },
  investorId: { field: 'investor', show: 'reference' },
  districtId: { field: 'district', show: 'reference' },
  parkId: { field: 'park', show: 'reference' },
  industryId: { field: 'industry', show: 'reference' },
  chain: { field: 'chain', show: 'text' },
  kind: { field: 'kind', show: 'projectKind' },
  totalInvestmentYuan: { field: 'investment', show: 'money' },
  fixedAssetYuan: { field: 'fixedAsset', show: 'money' },
  stage: { field: 'stage', show: 'stage' },
  priority: { field: 'priority', show: 'priority' },
  reserveOn: { field: 'plannedDate', show: 'text' },
  signedOn: { field: 'signedDate', show: 'text' },
  registeredOn: { field: 'registeredDate', show: 'text' },
  startedOn: { field: 'startedDate', show: 'text' },
  completedOn: { field: 'completedDate', show: 'text' },
  operatingOn: { field: 'operatingDate', show: 'text' },
  evaluatedOn: { label: '后评价日期', en: 'Evaluated on', show: 'text' },
  stageOn: { label: '阶段日期', en: 'Stage date', show: 'text' },
  planSignedOn: { label: '计划签约日期', en: 'Planned signing', show: 'text' },
  planStartedOn: { label: '计划开工日期', en: 'Planned start', show: 'text' },
  planOperatingOn: { label: '计划投产日期', en: 'Planned operation', show: 'text' },
  ownerId: { field: 'owner', show: 'reference' },
  leaderId: { field: 'leader', show: 'reference' },
  progress: { field: 'progress', show: 'text' },
}

/** A changed column's label in the UI language ('zh' or 'en'); an unlisted column keeps its name. */
export function changeColumnLabel(column: string, language: 'zh' | 'en'): string {
  const entry = LEDGER_CHANGE_COLUMNS[column]
  if (!entry) return column
  const own = 'field' in entry ? LEDGER_FIELDS.find((f) => f.key === entry.field)! : entry
  return language === 'en' ? own.en : own.label
}

type MappingTarget = LedgerField | 'ignore'
const mappingTarget = z.enum([...LEDGER_FIELD_KEYS, 'ignore'] as [MappingTarget, ...MappingTarget[]], { error: '字段不正确' })

/** Corrections to the automatic column mapping: header text (or column letter) → field or 'ignore'. */
export const MappingOverrides = z.record(z.string().trim().min(1).max(100), mappingTarget)
export type MappingOverrides = z.output<typeof MappingOverrides>

/** 项目状态 words of this office the app does not know, and the stage each means (the mapping
 * step's answers, --stage-word): kept in a template so next month's ledger is not asked again. */
export const StageWords = z.record(z.string().trim().min(1).max(50), z.enum(STAGES, { error: '阶段不正确' }))
export type StageWords = z.output<typeof StageWords>

// ---- Import ------------------------------------------------------------------------------------

/** The file travels as base64: the renderer (Electron or browser) has no file paths to give. */
export const LedgerFile = z.object({
  fileName: z.string().trim().min(1, '缺少文件名').max(255, '文件名过长'),
  // 64 MB of base64 is ~48 MB of file: far above any real ledger, below what would hurt memory.
  dataBase64: z.string().min(1, '文件是空的').max(64 * 1024 * 1024, '文件过大（超过约48 MB），请拆分后分批导入'),
})
export type LedgerFile = z.output<typeof LedgerFile>

const importOptions = {
  /** The sheet to read; missing: the sheet whose header is recognised best. */
  sheet: z.string().trim().min(1).max(100).optional(),
  mapping: MappingOverrides.optional(),
  /** A saved template's mapping, applied before `mapping`. */
  template: z.string().trim().min(1).max(50).optional(),
  /** What the ledger's unknown 项目状态 words mean (word → stage). */
  stageWords: StageWords.optional(),
  /** The unit of an amount column whose header names none (header text or letter → unit). */
  units: z.record(z.string().trim().min(1).max(100), z.enum(['亿元', '万元', '元'], { error: '单位应为亿元、万元或元' })).optional(),
  /** Create users for 责任人 / 包挂领导 names that are nobody yet (the preview lists them). */
  createPeople: z.boolean().optional(),
  /** A month-per-sheet workbook: 'all' applies every month's sheet in order, oldest first, as one batch (default: the latest month only). */
  months: z.literal('all', { error: '月份只能选“全部月份”' }).optional(),
}

export const LedgerImportPreviewInput = LedgerFile.extend(importOptions)
export type LedgerImportPreviewInput = z.output<typeof LedgerImportPreviewInput>

export const LedgerImportInput = LedgerFile.extend({
  ...importOptions,
  /** Import the valid rows even when some rows have errors (they are skipped and reported). */
  skipErrors: z.boolean().default(false),
  /** The sha256 the preview showed: refuses when the file changed since. */
  expectSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** The user checked the amounts the preview flagged as implausible for their unit: import as read. */
  confirmAmounts: z.boolean().optional(),
})
export type LedgerImportInput = z.output<typeof LedgerImportInput>

export type ImportAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error'

export interface ImportMessage {
  /** 1-based, as Excel shows it; null for the file as a whole. */
  excelRow: number | null
  level: 'error' | 'warning'
  /** The ledger field (column) concerned, when there is one. */
  field: LedgerField | null
  /** Column letter ('F') when known. */
  column: string | null
  message: string
  /** The 项目状态 word no rule knows (the error asks what it means; the mapping step asks the user). */
  stageWord?: string
  /** The month's sheet the row is on, when all months of a month-per-sheet workbook are imported. */
  sheet?: string
}

export interface ImportRowPlan {
  excelRow: number
  action: ImportAction
  /** The project name as read (null for 合计/注释 rows). */
  name: string | null
  /** The project matched (update/unchanged) or to be created. */
  projectId: string | null
  /** The columns that change, with [before, after] (update only). */
  changes: Record<string, [unknown, unknown]>
  /** What else this row creates: 区县、园区、产业、客商、责任人 names. */
  creates: string[]
  /** Why a row is skipped (合计行, 说明行). */
  note: string | null
  /** The month's sheet the row is on, when all months of a month-per-sheet workbook are imported. */
  sheet?: string
}

export interface ImportColumn {
  letter: string
  header: string
  field: LedgerField | null
  unit: '亿元' | '万元' | '元' | null
}

export interface ImportCounts {
  rowsRead: number
  create: number
  update: number
  unchanged: number
  skip: number
  error: number
  warning: number
}

export interface ImportPreview {
  fileName: string
  sha256: string
  sheets: string[]
  sheet: string
  /** 1-based Excel row of the (last) header row. */
  headerRow: number
  columns: ImportColumn[]
  counts: ImportCounts
  /** Every row but blank ones, in sheet order, at most LEDGER_PREVIEW_ROW_LIMIT (counts cover all). */
  rows: ImportRowPlan[]
  rowsTruncated: boolean
  messages: ImportMessage[]
  messagesTruncated: boolean
  /** 合计 of the ledger (元) when it has one, and the sum of its data rows (元). */
  ledgerTotalYuan: number | null
  rowsTotalYuan: number
  /** Imports of the same bytes before (by sha256). */
  previousBatches: string[]
  /** Amounts implausible for their unit (a project over 1,000 亿元, a 合计 off by 10× or more): the import stops until confirmAmounts or a fix. */
  confirmations: ImportMessage[]
  /** 责任人 / 包挂领导 names that are no user yet: created only with createPeople. */
  newPeople: string[]
  /** Headers of columns that hold data and are not imported ("not imported: 建设单位, 建设地点"). */
  notImported: string[]
  /** Sheets of the workbook that hold a ledger (others: 说明, summaries). */
  ledgerSheets: string[]
  /** The date the ledger is as of (截至…, the title's month or year), used for stages without a date. */
  asOf: string | null
  /** A month-per-sheet workbook's month sheets, oldest first (empty for other workbooks): the import may take them all in order. */
  monthSheets: string[]
  /** With months 'all': what each month's sheet changes, applied in this order (null otherwise). */
  months: MonthChanges[] | null
  /** Whether the import copies the whole database first (see db/ledger-import/apply.ts, preImportBackupOf). */
  preImportBackup: PreImportBackup
}

/** The whole-database copy taken before an import, or why not: the import's own 撤销 is the way back then. */
export interface PreImportBackup {
  taken: boolean
  /** Not taken because the database is too large to copy quickly (else: an in-memory database, with no folder). */
  tooLarge: boolean
  /** The database's size (pages in use), which the copy's time follows. */
  databaseBytes: number
}

/** One month of "all months in order": what applying its sheet, after the months before it, changes. */
export interface MonthChanges {
  sheet: string
  /** The month's own date: a stage reached without a date in the sheet is dated by it. */
  asOf: string | null
  counts: ImportCounts
  /** Stage events the month records (在谈 → 签约 …). */
  stageChanges: number
  /** Projects the month before listed and this month's sheet does not: kept as they are, not deleted. */
  missing: string[]
}

export interface ImportResult extends ImportPreview {
  batchId: string | null
}

export const LEDGER_PREVIEW_ROW_LIMIT = 2000
export const LEDGER_MESSAGE_LIMIT = 5000

// ---- Templates ---------------------------------------------------------------------------------

export const TEMPLATES_SETTING = 'import_templates'

export const ImportTemplateSave = z.object({
  name: z.string().trim().min(1, '请填写模板名称').max(50, '模板名称不能超过50个字'),
  mapping: MappingOverrides,
  sheet: z.string().trim().max(100).optional(),
  stageWords: StageWords.optional(),
  /** The months choice of a month-per-sheet workbook: 'all' imports every month in order next time too. */
  months: z.literal('all', { error: '月份只能选“全部月份”' }).optional(),
})
export type ImportTemplateSave = z.output<typeof ImportTemplateSave>

export interface ImportTemplate {
  name: string
  mapping: MappingOverrides
  sheet: string | null
  /** Answers to unknown 项目状态 words; {} in templates saved before there were any. */
  stageWords: StageWords
  /** 'all': all months in order; null: one sheet (the latest month), as in templates saved before the choice was kept. */
  months: 'all' | null
  savedAt: string
}

export const ImportTemplateRef = z.object({ name: z.string().trim().min(1).max(50) })

// ---- Batches -----------------------------------------------------------------------------------

export interface ImportBatchView {
  id: string
  fileName: string
  sheetName: string
  sha256: string
  createdAt: string
  createdBy: string | null
  createdByName: string | null
  rowsRead: number
  createdCount: number
  updatedCount: number
  unchangedCount: number
  skippedCount: number
  errorCount: number
  undoneAt: string | null
  /** What undo would remove and restore, in plain words (项目 3 个、阶段记录 5 条…). */
  undoSummary: string
}

export const ImportBatchRef = z.object({ id })

export interface UndoResult {
  batchId: string
  /** Records restored to their values before the import. */
  restored: number
  /** Records the import created, now in the recycle bin. */
  deleted: number
  /** Created helpers (区县, 园区…) kept because other records now use them. */
  kept: string[]
}

// ---- Exports -----------------------------------------------------------------------------------

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
const format = z.enum(EXPORT_FORMATS, { error: '导出格式应为 xlsx 或 csv' }).default('xlsx')

/** The project ledger (项目台账): the project list's filter and sort, plus a year for the title. */
export const LedgerExportInput = z.object({
  query: ProjectListQuery.default(ProjectListQuery.parse({ sort: 'reserveOn' })),
  /** Projects whose 谋划/入库日期 falls in this year; also names the title (槐荫区2024年…). */
  year: z.number().int().min(1990).max(2100).optional(),
  format,
  /** A 小计 row after each district's or park's projects (grouped in name order). */
  subtotalBy: z.enum(['district', 'park'], { error: '小计方式应为 district 或 park' }).optional(),
  /** The 填报单位 / 填报日期 line above the table and 填报人 / 审核人 below it; blanks are left to fill by hand. */
  signoff: z
    .object({
      unit: z.string().trim().max(100, '填报单位不能超过100个字').optional(),
      preparer: z.string().trim().max(50, '填报人不能超过50个字').optional(),
      reviewer: z.string().trim().max(50, '审核人不能超过50个字').optional(),
      date: isoDate('填报日期').optional(),
    })
    .optional(),
})
export type LedgerExportInput = z.output<typeof LedgerExportInput>

/** Columns the project list may export (a whitelist: never arbitrary SQL columns). */
export const PROJECT_EXPORT_COLUMNS = {
  name: '项目名称',
  investorName: '投资方',
  districtName: '所属区县',
  parkName: '所属园区',
  industryName: '产业类别',
  chain: '产业链环节',
  kind: '项目类型',
  stage: '项目状态',
  stageOn: '阶段日期',
  totalInvestment: '总投资（亿元）',
  fixedAsset: '固定资产投资（亿元）',
  landMu: '用地（亩）',
  priority: '重点级别',
  ownerName: '责任人',
  reserveOn: '谋划日期',
  signedOn: '签约日期',
  registeredOn: '注册日期',
  startedOn: '开工日期',
  completedOn: '竣工日期',
  operatingOn: '投产日期',
  progress: '项目进展情况',
  tags: '标签',
  updatedAt: '更新时间',
} as const
export type ProjectExportColumn = keyof typeof PROJECT_EXPORT_COLUMNS
const projectColumn = z.enum(Object.keys(PROJECT_EXPORT_COLUMNS) as [ProjectExportColumn, ...ProjectExportColumn[]], {
  error: '导出列不正确',
})
export const DEFAULT_PROJECT_COLUMNS: ProjectExportColumn[] = [
  'name',
  'investorName',
  'districtName',
  'parkName',
  'industryName',
  'stage',
  'totalInvestment',
  'ownerName',
  'signedOn',
  'startedOn',
  'updatedAt',
]

export const ProjectExportInput = z.object({
  query: ProjectListQuery.default(ProjectListQuery.parse({})),
  columns: z.array(projectColumn).min(1, '请至少选择一列').max(40).default(DEFAULT_PROJECT_COLUMNS),
  format,
})
export type ProjectExportInput = z.output<typeof ProjectExportInput>

/** Investor and negotiation lists: their list queries as the screen holds them (validated there). */
export const ListExportInput = z.object({
  query: z.record(z.string(), z.unknown()).default({}),
  format,
})
export type ListExportInput = z.output<typeof ListExportInput>

export const ReportExportInput = z.object({
  year: z.number({ error: '请填写年份' }).int().min(1990, '年份应在1990–2100之间').max(2100, '年份应在1990–2100之间'),
  /** A monthly report: the flows and lists of that month; targets stay yearly (to the month's end). */
  month: z.number().int().min(1).max(12).optional(),
  /** The report screen's filters (区县, 园区, 产业, 责任人, 重点级别, 客商来源). */
  ...scopeFields,
  asOf: isoDate('统计日期').optional(),
})
export type ReportExportInput = z.output<typeof ReportExportInput>

/** What an export hands back to a renderer: the bytes of a temp file, for download. */
export interface ExportFile {
  fileName: string
  mime: string
  dataBase64: string
  rows: number
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const CSV_MIME = 'text/csv'

export interface ExportProgress {
  phase: 'read' | 'plan' | 'write' | 'export'
  done: number
  total: number | null
}

export type ProgressCallback = (progress: ExportProgress) => void

export const isStage = (s: string): s is Stage => (STAGES as readonly string[]).includes(s)
