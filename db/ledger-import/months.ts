// "All months in order": a month-per-sheet workbook (2024年1月 … 2024年6月) applied oldest month
// first, each sheet as the ledger's state as of its month. A project's stage moving 在谈 → 签约 →
// 开工 across the months becomes stage events dated by each month's own date (its as-of date,
// unless the sheet dates the stage itself), and the amounts end as the last month has them. All
// months are one transaction and one import batch, so one undo takes the whole workbook back.
//
// Each month is planned against the database as the months before it left it, so the preview
// runs the very same writes inside a transaction that is then rolled back: what the preview says
// per month is what the import does. The import makes that trial too (to refuse, and to skip the
// backup when nothing would change), then writes the trial's plans again when nothing was written
// in between: each month is planned once, as runImport takes its preview's plan. A project a later
// month no longer lists is not deleted (an office drops finished or lost projects from its monthly
// sheet); the preview names them.
import { type Ctx, type Trx, inTransaction } from '../context'
import { AppError, conflict } from '../domain/errors'
import {
  type ImportCounts,
  type ImportPreview,
  type ImportResult,
  LEDGER_MESSAGE_LIMIT,
  LEDGER_PREVIEW_ROW_LIMIT,
  type MonthChanges,
} from '../domain/ledger'
import {
  type ImportOptions,
  type LedgerSource,
  type OpenedLedger,
  type RunOptions,
  backupBeforeImport,
  preImportBackupOf,
  countsOf,
  databaseState,
  insertBatch,
  openLedger,
  plan,
  previewImport,
  previewOf,
  previousBatches,
  refuseErrors,
  refuseImplausible,
  runImport,
  writePlanRows,
} from './apply'
import { allMonthsLabel } from './month-sheets'
import type { Plan } from './plan'
import { loadTemplate } from './templates'

/** The preview the wizard and the command line ask for: all months in order when chosen (or the template's choice), else one sheet. */
export async function previewLedgerImport(ctx: Ctx, source: LedgerSource, options: ImportOptions = {}): Promise<ImportPreview> {
  return (await monthsChoice(ctx, options)) === 'all' ? previewMonths(ctx, source, options) : previewImport(ctx, source, options)
}

/** The import the wizard and the command line run: all months in order when chosen (or the template's choice), else one sheet. */
export async function runLedgerImport(ctx: Ctx, source: LedgerSource, options: RunOptions = {}): Promise<ImportResult> {
  return (await monthsChoice(ctx, options)) === 'all' ? importMonths(ctx, source, options) : runImport(ctx, source, options)
}

/** The months asked for, else the template's choice; a sheet named by hand is that sheet alone. */
async function monthsChoice(ctx: Ctx, options: ImportOptions): Promise<'all' | undefined> {
  if (options.months || options.sheet || !options.template) return options.months
  return (await loadTemplate(ctx, options.template)).months ?? undefined
}

export async function previewMonths(ctx: Ctx, source: LedgerSource, options: ImportOptions): Promise<ImportPreview> {
  options.onProgress?.({ phase: 'read', done: 0, total: null })
  const months = await openMonths(ctx, source, options)
  const plans = await dryRun(ctx, source, months, options)
  return { ...combined(source, months, plans, await previousBatches(ctx, months[0]!.sha256)), preImportBackup: preImportBackupOf(ctx) }
}

export async function importMonths(ctx: Ctx, source: LedgerSource, options: RunOptions): Promise<ImportResult> {
  options.onProgress?.({ phase: 'read', done: 0, total: null })
  const months = await openMonths(ctx, source, options)
  const sha256 = months[0]!.sha256
  if (options.expectSha256 && options.expectSha256 !== sha256) throw conflict('文件在预览之后被修改过，请重新预览后再导入')
  const previous = await previousBatches(ctx, sha256)
  // Refused before the backup and the transaction: errors and implausible amounts of any month stop it all.
  const dry = await dryRun(ctx, source, months, options)
  // read after the trial's rollback: the same reading in the import's transaction means nothing was written since
  const tried = databaseState(ctx)
  dry.forEach((p, i) => refuse(months[i]!, p, options))
  const preImportBackup = preImportBackupOf(ctx)
  if (dry.every((p) => p.writes.length === 0 && p.creations.length === 0)) return { ...combined(source, months, dry, previous), preImportBackup, batchId: null }

  await backupBeforeImport(ctx, preImportBackup)
  const { plans, batchId } = await inTransaction(ctx, (trx) => {
    const planMonth: MonthPlanner =
      databaseState(ctx) === tried
        ? (_trx, _month, i) => Promise.resolve(dry[i]!)
        : async (trx, month) => {
            const p = await plan(trx, ctx, month, options, options.onProgress)
            refuse(month, p, options)
            return p
          }
    return applyMonths(trx, ctx, source, months, options, planMonth)
  })
  return { ...combined(source, months, plans, previous), preImportBackup, batchId }
}

/** Every month sheet opened with the same mapping, template and answers, oldest first. */
async function openMonths(ctx: Ctx, source: LedgerSource, options: ImportOptions): Promise<OpenedLedger[]> {
  const latest = await openLedger(ctx, source, { ...options, sheet: undefined })
  if (latest.monthSheets.length < 2) {
    throw new AppError(
      'validation',
      `“${source.fileName}”不是每月一张工作表的台账（需要至少两张以月份命名的工作表，如“2024年1月”“2024年2月”），不能按月份依次导入。请选择一张工作表导入`,
      { code: 'not_monthly' },
    )
  }
  const months: OpenedLedger[] = []
  for (const sheet of latest.monthSheets) {
    try {
      months.push(await openLedger(ctx, source, { ...options, sheet }))
    } catch (error) {
      throw inSheet(sheet, error)
    }
  }
  return months
}

/** A refusal names the month's sheet it comes from: the row numbers are that sheet's. */
function inSheet(sheet: string, error: unknown): unknown {
  return error instanceof AppError ? new AppError(error.code, `工作表“${sheet}”：${error.message}`, error.details) : error
}

function refuse(month: OpenedLedger, p: Plan, options: RunOptions): void {
  try {
    if (!options.confirmAmounts) refuseImplausible(p)
    if (!options.skipErrors) refuseErrors(p)
  } catch (error) {
    throw inSheet(month.sheet.name, error)
  }
}

/** Thrown to roll the preview's transaction back once every month has been planned and written. */
class PreviewDone extends Error {}

/** The months' plans as the import would make them, each after the writes of the months before; nothing stays written. */
async function dryRun(ctx: Ctx, source: LedgerSource, months: readonly OpenedLedger[], options: ImportOptions): Promise<Plan[]> {
  let plans: Plan[] = []
  try {
    await inTransaction(ctx, async (trx) => {
      plans = (await applyMonths(trx, ctx, source, months, options, (trx, month) => plan(trx, ctx, month, options, options.onProgress))).plans
      throw new PreviewDone()
    })
  } catch (error) {
    if (!(error instanceof PreviewDone)) throw error
  }
  return plans
}

/** A month's plan against the database as the months before it left it (the trial's, or made now and refused on errors). */
type MonthPlanner = (trx: Trx, month: OpenedLedger, index: number) => Promise<Plan>

/** Plans and writes each month in turn, all under one batch. */
async function applyMonths(
  trx: Trx,
  ctx: Ctx,
  source: LedgerSource,
  months: readonly OpenedLedger[],
  options: RunOptions,
  planMonth: MonthPlanner,
): Promise<{ plans: Plan[]; batchId: string }> {
  const first = months[0]!
  const sheetName = allMonthsLabel(first.sheet.name, months.at(-1)!.sheet.name)
  const batchId = await insertBatch(trx, ctx, { fileName: source.fileName, sheet: sheetName, sha256: first.sha256 }, emptyCounts())
  const plans: Plan[] = []
  for (const [i, month] of months.entries()) {
    const p = await planMonth(trx, month, i)
    await writePlanRows(trx, ctx, p, batchId, options.onProgress)
    plans.push(p)
  }
  const total = sumCounts(plans.map(countsOf))
  await trx
    .updateTable('importBatch')
    .set({
      rowsRead: total.rowsRead,
      createdCount: total.create,
      updatedCount: total.update,
      unchangedCount: total.unchanged,
      skippedCount: total.skip,
      errorCount: total.error,
    })
    .where('id', '=', batchId)
    .execute()
  return { plans, batchId }
}

const emptyCounts = (): ImportCounts => ({ rowsRead: 0, create: 0, update: 0, unchanged: 0, skip: 0, error: 0, warning: 0 })

function sumCounts(all: readonly ImportCounts[]): ImportCounts {
  const total = emptyCounts()
  for (const counts of all) for (const key of Object.keys(total) as (keyof ImportCounts)[]) total[key] += counts[key]
  return total
}

/**
 * One preview of all months: the last month's columns, totals and date (the state the import ends
 * in), every month's rows and messages marked with their sheet, and what each month changes.
 */
function combined(source: LedgerSource, months: readonly OpenedLedger[], plans: readonly Plan[], previous: string[]): Omit<ImportPreview, 'preImportBackup'> {
  const previews = months.map((month, i) => previewOf(month, source, plans[i]!, previous))
  const last = previews.at(-1)!
  const rows = previews.flatMap((p) => p.rows.map((row) => ({ ...row, sheet: p.sheet })))
  const messages = plans.flatMap((p, i) => p.messages.map((m) => ({ ...m, sheet: months[i]!.sheet.name })))
  return {
    ...last,
    counts: sumCounts(previews.map((p) => p.counts)),
    rows: rows.slice(0, LEDGER_PREVIEW_ROW_LIMIT),
    rowsTruncated: previews.some((p) => p.rowsTruncated) || rows.length > LEDGER_PREVIEW_ROW_LIMIT,
    messages: messages.slice(0, LEDGER_MESSAGE_LIMIT),
    messagesTruncated: messages.length > LEDGER_MESSAGE_LIMIT,
    confirmations: plans.flatMap((p, i) => p.confirmations.map((m) => ({ ...m, sheet: months[i]!.sheet.name }))),
    newPeople: [...new Set(plans.flatMap((p) => p.newPeople))],
    notImported: [...new Set(previews.flatMap((p) => p.notImported))],
    months: months.map((month, i) => monthChanges(month, plans[i]!, plans[i - 1])),
  }
}

function monthChanges(month: OpenedLedger, p: Plan, before: Plan | undefined): MonthChanges {
  const listed = new Set(p.rows.flatMap((row) => (row.projectId ? [row.projectId] : [])))
  const missing = (before?.rows ?? []).filter((row) => row.projectId && !listed.has(row.projectId)).map((row) => row.name ?? '')
  return {
    sheet: month.sheet.name,
    asOf: p.asOf,
    counts: countsOf(p),
    stageChanges: p.writes.reduce((n, w) => n + w.events.length, 0),
    missing: [...new Set(missing)],
  }
}
