// Ledger import and exports for the renderer: thin over db/ledger-import and db/ledger-export,
// with long work reported as jobs on the event channel. Exports come back as bytes
// (db/ledger-export/export-file.ts).
import type { ledgerContract } from '../contract/ledger'
import type { Ctx } from '../../db/context'
import type { ExportProgress, ProgressCallback } from '../../db/domain/ledger'
import { exportAsBytes } from '../../db/ledger-export/export-file'
import { exportInvestorList, exportNegotiationList, exportProjectList } from '../../db/ledger-export/export-list'
import { exportLedger, ledgerTitle } from '../../db/ledger-export/export-ledger'
import { exportReport } from '../../db/ledger-export/export-report'
import { writeImportMessages } from '../../db/ledger-import/apply'
import { previewLedgerImport, runLedgerImport } from '../../db/ledger-import/months'
import { listBatches, undoBatch } from '../../db/ledger-import/batch'
import { deleteTemplate, listTemplates, saveTemplate } from '../../db/ledger-import/templates'
import { type EventBus, runJob } from './events-bus'
import type { HandlerSlice } from './types'

const source = (input: { fileName: string; dataBase64: string }) => ({ fileName: input.fileName, bytes: Buffer.from(input.dataBase64, 'base64') })
const stamp = (ctx: Ctx) => ctx.now().toISOString().slice(0, 10).replace(/-/g, '')

const PHASE_LABEL: Record<ExportProgress['phase'], string> = { read: '正在读取文件', plan: '正在核对每一行', write: '正在写入', export: '正在写出' }

/** A long job's progress on the event channel (job-progress); cancelling is safe in all of these:
 * an export only writes its temp file, an import writes in one transaction. */
const asJob = <T>(events: EventBus | undefined, job: string, work: (onProgress: ProgressCallback) => Promise<T>) =>
  runJob(events, job, { cancellable: true }, (reporter) => work(({ phase, done, total }) => reporter.step(PHASE_LABEL[phase], done, total)))

export const ledgerHandlers: HandlerSlice<keyof typeof ledgerContract> = {
  'ledger-import-preview': async (input, { ctx }) => previewLedgerImport(ctx, source(input), input),
  'ledger-import': async (input, { ctx, events }) => {
    return asJob(events, 'ledger-import', (onProgress) => runLedgerImport(ctx, source(input), { ...input, onProgress }))
  },
  'ledger-import-errors': async (input, { ctx }) => {
    const preview = await previewLedgerImport(ctx, source(input), input)
    return exportAsBytes(ctx, `导入问题-${input.fileName.replace(/\.[^.]+$/, '')}`, 'xlsx', async (path) => {
      await writeImportMessages(path, preview)
      return { rows: preview.messages.length }
    })
  },
  'ledger-import-batches': (_, { ctx }) => listBatches(ctx),
  'ledger-import-undo': ({ id }, { ctx }) => undoBatch(ctx, id),
  'ledger-template-list': (_, { ctx }) => listTemplates(ctx),
  'ledger-template-save': (input, { ctx }) => saveTemplate(ctx, input),
  'ledger-template-delete': async ({ name }, { ctx }) => (await deleteTemplate(ctx, name), null),
  'ledger-export': async (input, { ctx, events }) =>
    exportAsBytes(ctx, await ledgerTitle(ctx, input), input.format, (path) => asJob(events, 'export', (onProgress) => exportLedger(ctx, path, input, onProgress))),
  'report-export': (input, { ctx, events }) =>
    exportAsBytes(ctx, `招商引资报表-${input.year}${input.month ? `-${String(input.month).padStart(2, '0')}` : ''}`, 'xlsx', (path) =>
      asJob(events, 'export', (onProgress) => exportReport(ctx, path, input, onProgress)),
    ),
  'project-list-export': (input, { ctx, events }) =>
    exportAsBytes(ctx, `项目列表-${stamp(ctx)}`, input.format, (path) => asJob(events, 'export', (onProgress) => exportProjectList(ctx, path, input, onProgress))),
  'investor-list-export': (input, { ctx, events }) =>
    exportAsBytes(ctx, `客商列表-${stamp(ctx)}`, input.format, (path) => asJob(events, 'export', (onProgress) => exportInvestorList(ctx, path, input, onProgress))),
  'negotiation-list-export': (input, { ctx, events }) =>
    exportAsBytes(ctx, `洽谈记录-${stamp(ctx)}`, input.format, (path) => asJob(events, 'export', (onProgress) => exportNegotiationList(ctx, path, input, onProgress))),
}
