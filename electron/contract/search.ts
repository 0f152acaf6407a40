// Across all records: global search, record history, the recycle bin, attachments.
import { z } from 'zod'
import {
  AttachmentAdd,
  AttachmentAddPath,
  AttachmentAddUpload,
  type AttachmentContent,
  AttachmentListQuery,
  type AttachmentView,
} from '../../db/domain/attachment'
import { type HistoryEntry, HistoryQuery, type RecyclePage, RecycleQuery, RecycleTarget } from '../../db/domain/history'
import { ById } from '../../db/domain/park'
import { type ReindexSummary, SearchQuery, type SearchResult } from '../../db/domain/search'
import { method } from './define'

export const searchContract = {
  search: method(SearchQuery).returns<SearchResult>(),
  'search-reindex': method(z.object({})).returns<ReindexSummary>(),
  'history-list': method(HistoryQuery).returns<HistoryEntry[]>(),
  'recycle-list': method(RecycleQuery).returns<RecyclePage>(),
  'recycle-restore': method(RecycleTarget).returns<null>(),
  'recycle-purge': method(RecycleTarget).returns<null>(),
  'attachment-add': method(AttachmentAdd).returns<AttachmentView>(),
  'attachment-add-path': method(AttachmentAddPath).returns<AttachmentView>(),
  'attachment-add-upload': method(AttachmentAddUpload).returns<AttachmentView>(),
  'attachment-list': method(AttachmentListQuery).returns<AttachmentView[]>(),
  'attachment-read': method(ById).returns<AttachmentContent>(),
  'attachment-remove': method(ById).returns<null>(),
}
