// The ledger import: open the file, find the ledger and its header, plan every row (the preview),
// and on confirmation write the plan in one transaction recorded as an import batch.
//
// A real import plans before its transaction (to refuse errors and to skip the backup and the
// batch when nothing would change) — or takes its preview's plan when nothing was written since —
// and plans again inside the transaction only if someone saved something in between, so what is
// written always matches the database at that moment.
import { createHash } from 'node:crypto'
import { type Ctx, type Trx, inTransaction, newId, nowIso } from '../context'
import { deferringCheckpoint } from '../storage/checkpoint'
import { todayIso } from '../domain/dates'
import type { Stage } from '../domain/stages'
import { AppError, conflict } from '../domain/errors'
import {
  type ImportColumn,
  type ImportCounts,
  type ImportMessage,
  type ImportPreview,
  type ImportResult,
  type PreImportBackup,
  LEDGER_MESSAGE_LIMIT,
  LEDGER_MONEY_FIELDS,
  LEDGER_PREVIEW_ROW_LIMIT,
  type MappingOverrides,
  type ProgressCallback,
} from '../domain/ledger'
import { recordStageEvents } from '../services/project-stages'
import { insertRecords, updateRecords } from '../services/records'
import type { Sheet } from '../spreadsheet/grid'
import { SpreadsheetError, readWorkbookSheets } from '../spreadsheet/read-grid'
import { backupBefore } from '../storage/backup'
import { createWorkbookWriter } from '../spreadsheet/write-sheet'
import { isBlankCell } from '../spreadsheet/grid'
import { ledgerAsOf } from './as-of'
import { type ColumnMapping, type LedgerHeader, findLedgerHeader, pickLedgerSheet } from './header'
import { allMonthsLabel, monthSheets } from './month-sheets'
import { LedgerMappingError, applyMappingOverrides, applyUnitOverrides } from './mapping'
import { type Creation, type LedgerClock, type Plan, planImport, searchKeysOf } from './plan'
import { ledgerRecords } from './records'
import { setDerivedAside } from './derived-aside'
import { loadTemplate } from './templates'

export interface LedgerSource {
  bytes: Buffer
  fileName: string
}

export interface ImportOptions {
  sheet?: string
  mapping?: MappingOverrides
  template?: string
  /** Units of amount columns whose header names none: header text or letter → unit. */
  units?: Record<string, '亿元' | '万元' | '元'>
  /** Create users for unknown 责任人 / 包挂领导 (otherwise listed in the preview, not linked). */
  createPeople?: boolean
  /** Refuse sheets longer than this (default: the spreadsheet layer's 200000 rows). */
  maxRows?: number
  onProgress?: ProgressCallback
  /** 项目状态 words the office uses that the import does not know: word → the stage it means. */
  stageWords?: Readonly<Record<string, Stage>>
  /** A month-per-sheet workbook: 'all' applies every month in order (months.ts); previewImport and runImport read one sheet. */
  months?: 'all'
}

export interface RunOptions extends ImportOptions {
  skipErrors?: boolean
  expectSha256?: string
  /** The user confirmed the amounts the preview flagged as implausible. */
  confirmAmounts?: boolean
}

export interface OpenedLedger {
  /** The 区县 the sheet name or title names, for a ledger without a 区县 column. */
  district: string | null
  sha256: string
  sheets: string[]
  ledgerSheets: string[]
  /** The month sheets of a month-per-sheet workbook, oldest first (empty otherwise). */
  monthSheets: string[]
  sheet: Sheet
  header: LedgerHeader
  /** The template's answers to unknown 项目状态 words, under the ones the options give themselves. */
  stageWords: Readonly<Record<string, Stage>>
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

// The wizard sends the same file for its preview, for every mapping change and for the import:
// it is read once per session. Keyed by the file's sha256 (and what reading depends on); the
// last few files only, since a 10,000-row ledger's cells are tens of MB.
const READ_FILES_KEPT = 3
const readFiles = new Map<string, Sheet[]>()

async function readLedgerFile(source: LedgerSource, sha256: string, maxRows: number | undefined): Promise<Sheet[]> {
  const key = `${sha256}\u0000${source.fileName}\u0000${maxRows ?? ''}`
  const kept = readFiles.get(key)
  if (kept) {
    // most recently used last, so the oldest file is the one dropped
    readFiles.delete(key)
    readFiles.set(key, kept)
    return kept
  }
  let sheets: Sheet[]
  try {
    sheets = await readWorkbookSheets(source.bytes, { fileName: source.fileName, maxRows })
  } catch (error) {
    if (error instanceof SpreadsheetError) throw new AppError('validation', error.message, { code: error.code })
    throw new AppError('validation', `文件无法读取：${(error as Error).message}`, { code: 'corrupt' })
  }
  if (readFiles.size >= READ_FILES_KEPT) readFiles.delete(readFiles.keys().next().value!)
  readFiles.set(key, sheets)
  return sheets
}

/** Reads the file and finds its ledger; every failure is a validation error with a Chinese message. */
export async function openLedger(ctx: Ctx, source: LedgerSource, options: ImportOptions): Promise<OpenedLedger> {
  const sha256 = sha256Of(source.bytes)
  const sheets = await readLedgerFile(source, sha256, options.maxRows)
  const names = sheets.map((s) => s.name)
  const months = monthSheets(sheets)
  let sheet: Sheet
  let header: LedgerHeader | null
  const template = options.template ? await loadTemplate(ctx, options.template) : null
  const wantedSheet = options.sheet ?? template?.sheet ?? undefined
  if (wantedSheet) {
    const found = sheets.find((s) => s.name === wantedSheet) ?? sheets.find((s) => s.name.trim() === wantedSheet.trim())
    if (!found) throw new AppError('validation', `找不到工作表“${wantedSheet}”。文件中的工作表：${names.join('、')}`, { sheets: names })
    sheet = found
    header = findLedgerHeader(found)
    if (!header) throw new AppError('validation', `工作表“${found.name}”中找不到台账表头（至少需要“项目名称”和另一列，如“总投资”“项目状态”）`, { sheets: names })
  } else {
    // a month-per-sheet workbook: its latest month, which repeats the ledger as of that month
    const picked = months.at(-1) ?? pickLedgerSheet(sheets)
    if (!picked) {
      throw new AppError('validation', `文件中找不到项目台账的表头（至少需要“项目名称”和另一列，如“总投资”“项目状态”）。工作表：${names.join('、')}`, { sheets: names })
    }
    sheet = picked.sheet
    header = picked.header
  }
  const overrides = { ...(template?.mapping ?? {}), ...(options.mapping ?? {}) }
  if (Object.keys(overrides).length > 0) {
    try {
      header = { ...header, columns: applyMappingOverrides(header.columns, overrides) }
    } catch (error) {
      if (error instanceof LedgerMappingError) throw new AppError('validation', error.message, { code: error.code })
      throw error
    }
  }
  if (options.units && Object.keys(options.units).length > 0) {
    try {
      header = { ...header, columns: applyUnitOverrides(header.columns, options.units) }
    } catch (error) {
      if (error instanceof LedgerMappingError) throw new AppError('validation', error.message, { code: error.code })
      throw error
    }
  }
  if (!header.columns.some((c) => c.field === 'name')) {
    throw new AppError('validation', '没有对应“项目名称”的列，请在映射中指定哪一列是项目名称')
  }
  const ledgerSheets = sheets.filter((s) => s === sheet || findLedgerHeader(s) !== null).map((s) => s.name)
  const stageWords = { ...template?.stageWords, ...options.stageWords }
  return { sha256, sheets: names, ledgerSheets, monthSheets: months.map((m) => m.sheet.name), sheet, header, stageWords, district: header.columns.some((c) => c.field === 'district') ? null : districtOf(sheet, header) }
}

/** The ledger's own date: its title and the lines above the header, its notes below, its sheet name. */
function clockOf(ctx: Ctx, opened: OpenedLedger): LedgerClock {
  const today = todayIso(ctx.now())
  const notes: string[] = []
  for (const record of ledgerRecords(opened.sheet, opened.header)) {
    if (record.kind === 'note') notes.push(...record.cells.filter((c) => typeof c === 'string'))
  }
  const asOf = ledgerAsOf([...opened.header.asOf, ...notes], opened.sheet.name, today)
  return { today, asOf: asOf?.date ?? null, year: asOf?.year ?? null }
}

// '槐荫区' as a sheet name, or in a title ('槐荫区2024年招商引资项目台账'); a city (济南市) is not a 区县
const DISTRICT = /([\u4e00-\u9fa5]{1,6}?(?:新区|区|县|旗))(?=[\d一二三四五六七八九十〇]|年|招商|重点|项目|$)/

function districtOf(sheet: Sheet, header: LedgerHeader): string | null {
  for (const text of [sheet.name, ...header.asOf]) {
    const m = DISTRICT.exec(text.normalize('NFKC').replace(/\s+/g, ''))
    if (m && !/园区$|社区$|景区$|小区$|片区$/.test(m[1]!)) return m[1]!
  }
  return null
}

// The wizard previews, then imports the same file with the same choices: the import takes the
// preview's plan when nothing has been written since, instead of planning 10⁴ rows again (about a
// third of an import's CPU). One plan per database connection, keyed by everything a plan depends
// on: the file, the sheet and its mapping, the answers, the day, and the database state.
const keptPlans = new WeakMap<Ctx['sqlite'], { key: string; plan: Plan }>()

function planKey(ctx: Ctx, opened: OpenedLedger, options: ImportOptions): string {
  const { sha256, sheet, header, stageWords, district } = opened
  return JSON.stringify([databaseState(ctx), todayIso(ctx.now()), sha256, sheet.name, header, stageWords, district, options.createPeople ?? false, options.maxRows ?? null])
}

/** The plan outside a transaction: the kept one when its key still holds, else a new one, kept. */
async function planOnce(ctx: Ctx, opened: OpenedLedger, options: ImportOptions): Promise<Plan> {
  const key = planKey(ctx, opened, options)
  const kept = keptPlans.get(ctx.sqlite)
  if (kept?.key === key) {
    const total = rowsToPlan(opened)
    options.onProgress?.({ phase: 'plan', done: total, total })
    return kept.plan
  }
  const made = await plan(ctx.db, ctx, opened, options, options.onProgress)
  // planning writes nothing, so the state read before it still describes the plan
  keptPlans.set(ctx.sqlite, { key, plan: made })
  return made
}

/** The sheet's rows below its header: what planning goes through, for its progress. */
const rowsToPlan = (opened: OpenedLedger): number => Math.max(0, opened.sheet.rows.length - opened.header.headerRow - 1)

export async function plan(db: Ctx['db'] | Trx, ctx: Ctx, opened: OpenedLedger, options: ImportOptions, onProgress?: ProgressCallback): Promise<Plan> {
  const total = rowsToPlan(opened)
  onProgress?.({ phase: 'plan', done: 0, total })
  const result = await planImport(db, {
    records: ledgerRecords(opened.sheet, opened.header),
    columns: opened.header.columns,
    clock: clockOf(ctx, opened),
    defaultDistrict: opened.district,
    createPeople: options.createPeople,
    stageWords: opened.stageWords,
    onRow: (done) => onProgress?.({ phase: 'plan', done, total }),
  })
  onProgress?.({ phase: 'plan', done: total, total })
  return result
}

export function countsOf(p: Plan): ImportCounts {
  const counts: ImportCounts = { rowsRead: p.rowsRead, create: 0, update: 0, unchanged: 0, skip: 0, error: 0, warning: 0 }
  for (const row of p.rows) counts[row.action]++
  counts.warning = p.messages.filter((m) => m.level === 'warning').length
  return counts
}

/** A column as the preview shows it: its unit beside an amount column only (every column keeps the one it names, for a mapping by hand). */
function importColumnOf(c: ColumnMapping): ImportColumn {
  return { letter: c.letter, header: c.header, field: c.field, unit: c.field !== null && LEDGER_MONEY_FIELDS.includes(c.field) ? c.unit : null }
}

export function previewOf(opened: OpenedLedger, source: LedgerSource, p: Plan, previousBatches: string[]): Omit<ImportPreview, 'preImportBackup'> {
  const shown = p.rows
  return {
    fileName: source.fileName,
    sha256: opened.sha256,
    sheets: opened.sheets,
    sheet: opened.sheet.name,
    headerRow: opened.header.headerRow + 1,
    columns: opened.header.columns.map(importColumnOf),
    counts: countsOf(p),
    rows: shown.slice(0, LEDGER_PREVIEW_ROW_LIMIT),
    rowsTruncated: shown.length > LEDGER_PREVIEW_ROW_LIMIT,
    messages: p.messages.slice(0, LEDGER_MESSAGE_LIMIT),
    messagesTruncated: p.messages.length > LEDGER_MESSAGE_LIMIT,
    ledgerTotalYuan: p.ledgerTotalYuan,
    rowsTotalYuan: p.rowsTotalYuan,
    previousBatches,
    confirmations: p.confirmations,
    newPeople: p.newPeople,
    notImported: notImported(opened),
    ledgerSheets: opened.ledgerSheets,
    asOf: p.asOf,
    monthSheets: opened.monthSheets,
    months: null,
  }
}

/** Headers of the columns that hold data in some ledger row and are not imported. */
function notImported(opened: OpenedLedger): string[] {
  const unmapped = opened.header.columns.filter((c) => c.field === null)
  const used = new Set<string>()
  for (const record of ledgerRecords(opened.sheet, opened.header)) {
    if (record.kind !== 'data') continue
    for (const c of unmapped) if (!isBlankCell(record.cells[c.index] ?? null)) used.add(c.header || c.letter)
  }
  return unmapped.map((c) => c.header || c.letter).filter((h) => used.has(h))
}

export async function previousBatches(ctx: Ctx, sha256: string): Promise<string[]> {
  const rows = await ctx.db.selectFrom('importBatch').select('id').where('sha256', '=', sha256).where('undoneAt', 'is', null).orderBy('createdAt').execute()
  return rows.map((r) => r.id)
}

/** The dry run: what an import of this file would do, row by row. Writes nothing. */
export async function previewImport(ctx: Ctx, source: LedgerSource, options: ImportOptions = {}): Promise<ImportPreview> {
  options.onProgress?.({ phase: 'read', done: 0, total: null })
  const opened = await openLedger(ctx, source, options)
  const p = await planOnce(ctx, opened, options)
  return { ...previewOf(opened, source, p, await previousBatches(ctx, opened.sha256)), preImportBackup: preImportBackupOf(ctx) }
}

/** Amounts that cannot be right for their unit stop the import: skipping rows would not fix them. */
export function refuseImplausible(p: Plan): void {
  if (p.confirmations.length === 0) return
  const list = p.confirmations
    .slice(0, 5)
    .map((c) => (c.excelRow ? `第${c.excelRow}行：${c.message}` : c.message))
    .join('；')
  throw new AppError(
    'validation',
    `金额与单位对不上，未导入任何数据：${list}${p.confirmations.length > 5 ? '……' : ''}。请在表头或“单位：”行注明单位（或在映射中指定单位）后重新导入；若金额确实如此，请确认后再导入`,
    { code: 'confirm_amounts', confirmations: p.confirmations },
  )
}

export function refuseErrors(p: Plan): void {
  const errors = p.messages.filter((m) => m.level === 'error')
  if (errors.length === 0) return
  const first = errors
    .slice(0, 5)
    .map((e) => (e.excelRow ? `第${e.excelRow}行：${e.message}` : e.message))
    .join('；')
  const rows = new Set(errors.map((e) => e.excelRow)).size
  throw new AppError('validation', `有${rows}行存在错误，未导入任何数据。请修正后重新导入，或选择“跳过错误行”导入其余行。${first}${errors.length > 5 ? '……' : ''}`, {
    errors: errors.slice(0, LEDGER_MESSAGE_LIMIT),
  })
}

/**
 * The import: refused (nothing written) when any row has an error unless skipErrors; otherwise
 * one transaction writes every create and update and records the batch. A file that changes
 * nothing records no batch (batchId null).
 */
export async function runImport(ctx: Ctx, source: LedgerSource, options: RunOptions = {}): Promise<ImportResult> {
  options.onProgress?.({ phase: 'read', done: 0, total: null })
  const opened = await openLedger(ctx, source, options)
  if (options.expectSha256 && options.expectSha256 !== opened.sha256) {
    throw conflict('文件在预览之后被修改过，请重新预览后再导入')
  }
  const planned = databaseState(ctx)
  const first = await planOnce(ctx, opened, options)
  if (!options.confirmAmounts) refuseImplausible(first)
  if (!options.skipErrors) refuseErrors(first)
  const previous = await previousBatches(ctx, opened.sha256)
  const preImportBackup = preImportBackupOf(ctx)
  if (first.writes.length === 0 && first.creations.length === 0) return { ...previewOf(opened, source, first, previous), preImportBackup, batchId: null }

  await backupBeforeImport(ctx, preImportBackup)
  // Its pages are copied into the file after the COMMIT, in the background (db/storage/checkpoint.ts).
  const { final, batchId } = await deferringCheckpoint(ctx.sqlite, () =>
    inTransaction(ctx, async (trx) => {
      // planned again only when something was written since: planning 10⁴ rows costs seconds
      const final = databaseState(ctx) === planned ? first : await plan(trx, ctx, opened, options)
      if (!options.confirmAmounts) refuseImplausible(final)
      if (!options.skipErrors) refuseErrors(final)
      const batchId = await writePlan(trx, ctx, final, { fileName: source.fileName, sheet: opened.sheet.name, sha256: opened.sha256 }, options.onProgress)
      return { final, batchId }
    }),
  )
  return { ...previewOf(opened, source, final, previous), preImportBackup, batchId }
}

/**
 * Changes since the connection opened (this process's writes) and the file's version (other
 * connections' commits): equal readings mean nothing was written in between, so a plan made at
 * the first reading still matches the database.
 */
export function databaseState(ctx: Ctx): string {
  const ownWrites = ctx.sqlite.prepare('SELECT total_changes()').pluck().get() as number
  return `${ownWrites}/${ctx.sqlite.pragma('data_version', { simple: true }) as number}`
}

/**
 * The whole database is copied before an import while it is at most this large. An import's own
 * way back grows with the import: its batch keeps every field's value from before, and 撤销 puts
 * them back in one step (refusing where a record was changed since). The copy's cost grows with the
 * database instead: on the city database with its sync log (10.6 GB) the copy took 18 s and its
 * quick_check 77 s, in front of an import whose writes took about 10 s. At this size the copy and its check
 * take about 2 s; above it the preview and the command line say that no copy is made (the daily
 * backup goes on as before).
 */
export const PRE_IMPORT_BACKUP_MAX_BYTES = 256 * 1024 * 1024

/** Whether an import now copies the database first. In-memory databases (tests) have no folder to copy to. */
export function preImportBackupOf(ctx: Ctx, maxBytes = PRE_IMPORT_BACKUP_MAX_BYTES): PreImportBackup {
  const pages = ctx.sqlite.pragma('page_count', { simple: true }) as number
  const databaseBytes = pages * (ctx.sqlite.pragma('page_size', { simple: true }) as number)
  const tooLarge = databaseBytes > maxBytes
  return { taken: ctx.dataDir !== null && !tooLarge, tooLarge, databaseBytes }
}

/** The copy the import's answer promises (preImportBackupOf), taken before its first write. */
export async function backupBeforeImport(ctx: Ctx, promised: PreImportBackup): Promise<void> {
  if (promised.taken) await backupBefore(ctx, 'pre-import')
}

type BatchRow = { excelRow: number; action: 'create' | 'update'; entity: string; entityId: string; before: string | null; after: string | null }

async function writePlan(
  trx: Trx,
  ctx: Ctx,
  p: Plan,
  file: { fileName: string; sheet: string; sha256: string },
  onProgress?: ProgressCallback,
): Promise<string> {
  const batchId = await insertBatch(trx, ctx, file, countsOf(p))
  await writePlanRows(trx, ctx, p, batchId, onProgress)
  return batchId
}

/** The batch record an import's rows are written under (undo finds them by it). */
export async function insertBatch(trx: Trx, ctx: Ctx, file: { fileName: string; sheet: string; sha256: string }, counts: ImportCounts): Promise<string> {
  const batchId = newId()
  await trx
    .insertInto('importBatch')
    .values({
      id: batchId,
      fileName: file.fileName.slice(0, 255),
      sheetName: file.sheet,
      sha256: file.sha256,
      createdAt: nowIso(ctx),
      createdBy: ctx.userId,
      rowsRead: counts.rowsRead,
      createdCount: counts.create,
      updatedCount: counts.update,
      unchangedCount: counts.unchanged,
      skippedCount: counts.skip,
      errorCount: counts.error,
      undoneAt: null,
      undoneBy: null,
    })
    .execute()
  return batchId
}

/** Writes a plan's creations, projects and stage events, each recorded as a row of the batch. */
export async function writePlanRows(trx: Trx, ctx: Ctx, p: Plan, batchId: string, onProgress?: ProgressCallback): Promise<void> {
  const rows: BatchRow[] = []
  const flush = async (force = false) => {
    if (rows.length === 0 || (!force && rows.length < 500)) return
    await trx.insertInto('importBatchRow').values(rows.splice(0).map((r) => ({ ...r, batchId }))).execute()
  }
  for (const c of p.creations) {
    insertHelper(trx, ctx, c)
    rows.push({ excelRow: c.excelRow, action: 'create', entity: c.entity, entityId: c.id, before: null, after: null })
    await flush()
  }
  const total = p.writes.length
  let done = 0
  const putDerivedBack = total > 0 ? setDerivedAside(ctx) : null
  for (const w of p.writes) {
    if (w.kind === 'create') {
      insertRecords(trx, ctx, 'project', [{ id: w.id, ...w.values, searchKeys: searchKeysOf(w.values.name) }])
      rows.push({ excelRow: w.excelRow, action: 'create', entity: 'project', entityId: w.id, before: null, after: null })
    } else {
      const [diff] = updateRecords(trx, ctx, 'project', [{ id: w.id, patch: w.patch }], '项目')
      const before = Object.fromEntries(Object.entries(diff!).map(([k, [b]]) => [k, b]))
      const after = Object.fromEntries(Object.entries(diff!).map(([k, [, a]]) => [k, a]))
      rows.push({ excelRow: w.excelRow, action: 'update', entity: 'project', entityId: w.id, before: JSON.stringify(before), after: JSON.stringify(after) })
    }
    for (const eventId of await recordStageEvents(trx, ctx, w.id, w.events)) {
      rows.push({ excelRow: w.excelRow, action: 'create', entity: 'stageEvent', entityId: eventId, before: null, after: null })
    }
    await flush()
    if (++done % 500 === 0) onProgress?.({ phase: 'write', done, total })
  }
  await flush(true)
  putDerivedBack?.(p.writes.map((w) => w.id))
  onProgress?.({ phase: 'write', done: total, total })
}

// one branch per table, so each insert is checked against that table's columns
function insertHelper(trx: Trx, ctx: Ctx, c: Creation): string[] {
  switch (c.entity) {
    case 'district':
      return insertRecords(trx, ctx, 'district', [{ id: c.id, ...c.values }])
    case 'park':
      return insertRecords(trx, ctx, 'park', [{ id: c.id, ...c.values }])
    case 'industry':
      return insertRecords(trx, ctx, 'industry', [{ id: c.id, ...c.values }])
    case 'user':
      return insertRecords(trx, ctx, 'user', [{ id: c.id, ...c.values }])
    case 'investor':
      return insertRecords(trx, ctx, 'investor', [{ id: c.id, ...c.values, searchKeys: searchKeysOf(c.values.name) }])
  }
}

/** Every error and warning of a preview as a workbook people can fix their ledger from. */
export async function writeImportMessages(target: string, preview: Pick<ImportPreview, 'messages' | 'rows' | 'fileName' | 'sheet' | 'months'>): Promise<void> {
  // all months in order: rows of several month sheets, so a row is its sheet and its number
  const at = (r: { sheet?: string; excelRow: number | null }) => `${r.sheet ?? ''}\u0000${r.excelRow}`
  const names = new Map(preview.rows.map((r) => [at(r), r.name]))
  const bySheet = preview.messages.some((m) => m.sheet)
  const writer = createWorkbookWriter(target)
  const sheet = writer.addSheet({
    name: '导入问题',
    title: `导入检查结果：${preview.fileName}（${preview.months?.length ? allMonthsLabel(preview.months[0]!.sheet, preview.months.at(-1)!.sheet) : preview.sheet}）`,
    columns: [
      ...(bySheet ? [{ header: '工作表', key: 'sheet', type: 'text' as const, width: 14 }] : []),
      { header: 'Excel行号', key: 'row', type: 'integer', width: 10 },
      { header: '列', key: 'column', type: 'text', width: 6 },
      { header: '级别', key: 'level', type: 'text', width: 8 },
      { header: '项目名称', key: 'name', type: 'text', width: 30 },
      { header: '说明', key: 'message', type: 'text', width: 70 },
    ],
  })
  await sheet.addRows(
    preview.messages.map((m: ImportMessage) => ({
      ...(bySheet ? { sheet: m.sheet ?? null } : {}),
      row: m.excelRow,
      column: m.column,
      level: m.level === 'error' ? '错误' : '提醒',
      name: m.excelRow ? (names.get(at(m)) ?? null) : null,
      message: m.message,
    })),
  )
  sheet.commit()
  await writer.finish()
}
