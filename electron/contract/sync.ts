// Sync between laptops by file: status, packages out and in, the merged list and the review list.
import { z } from 'zod'
import type { ExportFile } from '../../db/domain/ledger'
import {
  SyncExportInput,
  SyncImportInput,
  type SyncImportView,
  type SyncMergeView,
  SyncRef,
  SyncReviewResolve,
  type SyncReviewView,
  type SyncStatus,
} from '../../db/domain/sync'
import { method } from './define'

export const syncContract = {
  'sync-status': method(z.object({})).returns<SyncStatus>(),
  'sync-export': method(SyncExportInput).returns<ExportFile>(),
  'sync-import': method(SyncImportInput).returns<SyncImportView>(),
  'sync-merge-list': method(z.object({})).returns<SyncMergeView[]>(),
  'sync-merge-undo': method(SyncRef).returns<SyncMergeView[]>(),
  'sync-review-list': method(z.object({})).returns<SyncReviewView[]>(),
  'sync-review-resolve': method(SyncReviewResolve).returns<SyncReviewView[]>(),
}
