// Ledger import (preview, import, batches and undo, mapping templates) and the exports: the
// project ledger, the monthly report workbook and the lists as shown on screen. Exports come back
// as the bytes of the file (base64) for the renderer to save; the command line writes to a path.
import { z } from 'zod'
import {
  type ExportFile,
  ImportBatchRef,
  type ImportBatchView,
  type ImportPreview,
  type ImportResult,
  type ImportTemplate,
  ImportTemplateRef,
  ImportTemplateSave,
  LedgerExportInput,
  LedgerImportInput,
  LedgerImportPreviewInput,
  ListExportInput,
  ProjectExportInput,
  ReportExportInput,
  type UndoResult,
} from '../../db/domain/ledger'
import { method } from './define'

export const ledgerContract = {
  'ledger-import-preview': method(LedgerImportPreviewInput).returns<ImportPreview>(),
  'ledger-import': method(LedgerImportInput).returns<ImportResult>(),
  /** The preview's errors and warnings as an .xlsx. */
  'ledger-import-errors': method(LedgerImportPreviewInput).returns<ExportFile>(),
  'ledger-import-batches': method(z.object({})).returns<ImportBatchView[]>(),
  'ledger-import-undo': method(ImportBatchRef).returns<UndoResult>(),
  'ledger-template-list': method(z.object({})).returns<ImportTemplate[]>(),
  'ledger-template-save': method(ImportTemplateSave).returns<ImportTemplate>(),
  'ledger-template-delete': method(ImportTemplateRef).returns<null>(),
  'ledger-export': method(LedgerExportInput).returns<ExportFile>(),
  'report-export': method(ReportExportInput).returns<ExportFile>(),
  'project-list-export': method(ProjectExportInput).returns<ExportFile>(),
  'investor-list-export': method(ListExportInput).returns<ExportFile>(),
  'negotiation-list-export': method(ListExportInput).returns<ExportFile>(),
}
