// Hand-written table types for kysely. Keep them in step with db/migrations (the schema snapshot
// test compares the real tables with db/schema.snapshot.json).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { Stage } from './domain/stages'
import type {
  AgreementType,
  EventType,
  NegotiationType,
  Origin,
  Ownership,
  Priority,
  ProjectKind,
  RequestCategory,
  RequestStatus,
  SourceChannel,
  TargetIndicator,
  TargetUnit,
  UserRole,
} from './domain/vocab'

/** Columns every domain row has: a text id that stays unique across laptops, who and when. */
export interface RecordColumns {
  id: string
  createdAt: string
  createdBy: string | null
  updatedAt: string
  updatedBy: string | null
  deletedAt: string | null
}

export interface UserTable extends RecordColumns {
  name: string
  role: UserRole
  title: string | null
  phone: string | null
}

export interface DistrictTable extends RecordColumns {
  name: string
  code: string | null
  note: string | null
}

export interface ParkTable extends RecordColumns {
  districtId: string
  name: string
  /** 主导产业, as the park describes itself ("高端装备, 生物医药"). */
  focusIndustries: string | null
  /** 可供土地, in 1/100 亩 (integer: areas are summed like money). */
  freeLandCentiMu: number | null
  /** 标准厂房, in ㎡. */
  factorySpaceSqm: number | null
  contactName: string | null
  contactPhone: string | null
  note: string | null
}

export interface ChangeTable {
  seq: Generated<number>
  entity: string
  entityId: string
  action: 'create' | 'update' | 'delete' | 'restore' | 'purge'
  /** JSON: { field: [before, after] } */
  changes: string
  userId: string | null
  at: string
}

export interface SettingTable {
  key: string
  value: string
  updatedAt: ColumnType<string, string, string>
}

/** Dates are 'YYYY-MM-DD' text; money is integer 元 (`_yuan`), foreign capital integer 美元. */
export interface IndustryTable extends RecordColumns {
  /** null: a top-level industry (产业); else a chain link (产业链 / 环节) under it. */
  parentId: string | null
  name: string
  sortOrder: number
}

export interface TagTable extends RecordColumns {
  name: string
  color: string | null
}

export interface InvestorTable extends RecordColumns {
  name: string
  /** normalizeInvestorName(name): finds duplicates across spellings. */
  nameNorm: string
  /** Pinyin (full and initials) for search; see domain/pinyin. */
  searchKeys: string
  creditCode: string | null
  ownership: Ownership | null
  origin: Origin | null
  originCity: string | null
  industryId: string | null
  registeredCapitalYuan: number | null
  sourceChannel: SourceChannel | null
  website: string | null
  address: string | null
  note: string | null
  /** Set when this investor was merged into another (the row is then deleted). */
  mergedInto: string | null
}

export interface InvestorTagTable {
  investorId: string
  tagId: string
}

export interface ContactTable extends RecordColumns {
  investorId: string
  name: string
  title: string | null
  phone: string | null
  email: string | null
  wechat: string | null
  isPrimary: number
  note: string | null
}

export interface EventTable extends RecordColumns {
  name: string
  type: EventType
  startOn: string
  endOn: string | null
  city: string | null
  organizer: string | null
  ownerId: string | null
  note: string | null
}

export interface ProjectTable extends RecordColumns {
  name: string
  searchKeys: string
  investorId: string | null
  districtId: string | null
  parkId: string | null
  industryId: string | null
  chain: string | null
  kind: ProjectKind | null
  /** Current stage and the date it was reached: kept in step with stage_event by the service. */
  stage: Stage
  stageOn: string
  totalInvestmentYuan: number | null
  fixedAssetYuan: number | null
  foreignCapitalUsd: number | null
  landCentiMu: number | null
  expectedOutputYuan: number | null
  expectedTaxYuan: number | null
  expectedJobs: number | null
  priority: Priority | null
  ownerId: string | null
  leaderId: string | null
  sourceEventId: string | null
  progress: string | null
  /** 谋划/入库日期: when the project entered the reserve. */
  reserveOn: string
  /** Milestones: the date of the stage event that reached each stage (null: not reached). */
  signedOn: string | null
  registeredOn: string | null
  startedOn: string | null
  completedOn: string | null
  operatingOn: string | null
  evaluatedOn: string | null
  planSignedOn: string | null
  planStartedOn: string | null
  planOperatingOn: string | null
}

export interface ProjectTagTable {
  projectId: string
  tagId: string
}

export interface StageEventTable extends RecordColumns {
  projectId: string
  fromStage: Stage | null
  toStage: Stage
  happenedOn: string
  note: string | null
  reason: string | null
}

export interface NegotiationTable extends RecordColumns {
  projectId: string | null
  investorId: string | null
  happenedOn: string
  type: NegotiationType
  ourPeople: string | null
  theirPeople: string | null
  summary: string
  result: string | null
  nextStep: string | null
  nextDueOn: string | null
  nextDoneOn: string | null
  ownerId: string | null
  eventId: string | null
}

export interface AgreementTable extends RecordColumns {
  projectId: string
  type: AgreementType
  signedOn: string
  amountYuan: number | null
  contractNo: string | null
  /** 签约各方 (甲方/乙方 …); older agreements may still carry them in `note` (migration 0006). */
  parties: string | null
  note: string | null
}

export interface FundsTable extends RecordColumns {
  projectId: string
  arrivedOn: string
  amountYuan: number
  note: string | null
}

export interface RequestTable extends RecordColumns {
  investorId: string | null
  projectId: string | null
  category: RequestCategory
  title: string
  detail: string | null
  receivedOn: string
  assigneeId: string | null
  department: string | null
  deadlineOn: string | null
  status: RequestStatus
  resolvedOn: string | null
  satisfaction: number | null
  feedback: string | null
}

export interface EventInvestorTable {
  eventId: string
  investorId: string
}

export interface EventProjectTable {
  eventId: string
  projectId: string
}

export interface TargetTable extends RecordColumns {
  year: number
  unitType: TargetUnit
  unitId: string
  indicator: TargetIndicator
  /** A count, or 元 for amount indicators (AMOUNT_INDICATORS). */
  value: number
}

export interface AttachmentTable extends RecordColumns {
  entity: 'project' | 'investor' | 'agreement' | 'negotiation' | 'request' | 'event'
  entityId: string
  fileName: string
  /** The file is stored in the data folder as attachments/<sha256>: same content, one copy. */
  sha256: string
  size: number
  mime: string | null
}

export interface SearchDocTable {
  docid: Generated<number>
  kind: string
  refId: string
  title: string
  body: string
  keys: string
}

/** Report facts per project, derived and kept by triggers (migration 0007); never replicated. */
export interface ProjectReportTable {
  projectId: string
  /** 签约日期 by the signing definition; null: not signed. */
  signedOn: string | null
  /** The highest main stage reached, 0 (线索) … 8 (后评价). */
  reachRank: number
  /** 签约金额: investment agreements, else framework agreements, else 总投资. */
  signedAmountYuan: number
  /** The project's own columns a city-wide funnel and flow group by (migration 0010): 1 while not deleted. */
  live: number
  reserveOn: string
  stage: Stage
  /** 总投资, 0 when empty. */
  investmentYuan: number
}

/** A completed stay of a project in a stage, in whole days (migration 0007); derived, never replicated. */
export interface ProjectStayTable {
  projectId: string
  stage: Stage
  days: number
  /** The project's, so that a cohort's stays are one index range (migration 0010): 1 while not deleted. */
  live: number
  reserveOn: string
}

/** A ledger import (db/ledger): counts per outcome; undone_at once it was undone. */
export interface ImportBatchTable {
  id: string
  fileName: string
  sheetName: string
  sha256: string
  createdAt: string
  createdBy: string | null
  rowsRead: number
  createdCount: number
  updatedCount: number
  unchangedCount: number
  skippedCount: number
  errorCount: number
  undoneAt: string | null
  undoneBy: string | null
}

/** One record an import created or changed; before/after: JSON of the changed columns. */
export interface ImportBatchRowTable {
  seq: Generated<number>
  batchId: string
  excelRow: number
  action: 'create' | 'update'
  entity: string
  entityId: string
  before: string | null
  after: string | null
}

/** The sync operation log (db/sync): every field write this replica knows, its own and received. */
export interface SyncOperationTable {
  hlc: string
  replicaId: string
  userId: string | null
  tbl: string
  rowId: string
  field: string
  value: string | number | null
  /** 'local' for this replica's writes; else where it came from ('file:…', 'hub'). */
  source: ColumnType<string, string | undefined, string>
}

/** What a peer replica has acknowledged holding: per origin replica, the greatest hlc. */
export interface SyncWatermarkTable {
  peerId: string
  originId: string
  hlc: string
  updatedAt: string
}

/** Duplicates created on two laptops and merged while syncing; undo: JSON of what restores them. */
export interface SyncMergeTable {
  id: string
  tbl: string
  survivorId: string
  loserId: string
  reason: string
  mergedAt: string
  undo: string
  undoneAt: string | null
  undoneBy: string | null
}

/** A record whose merged state breaks a rule: both sides (JSON: value, user, at) for a person to look at. */
export interface SyncReviewTable {
  id: string
  tbl: string
  rowId: string
  field: string
  reason: string
  ours: string
  theirs: string
  createdAt: string
  resolvedAt: string | null
  resolvedBy: string | null
}

/** The compacted log: per record, each field's winning operation (JSON: field → [hlc, userId, value]). */
export interface SyncSnapshotTable {
  tbl: string
  rowId: string
  ops: string
}

/** Per origin replica, the greatest clock the snapshot covers. */
export interface SyncSnapshotMarkTable {
  replicaId: string
  hlc: string
}

/** The first answer to a create sent with a client request id (see electron/handlers/client-request.ts). */
export interface ClientRequestTable {
  id: string
  method: string
  resultId: string | null
  /** The whole first answer, as JSON. */
  result: string
  at: string
}

export interface Database {
  user: UserTable
  district: DistrictTable
  park: ParkTable
  change: ChangeTable
  setting: SettingTable
  industry: IndustryTable
  tag: TagTable
  investor: InvestorTable
  investorTag: InvestorTagTable
  contact: ContactTable
  event: EventTable
  project: ProjectTable
  projectTag: ProjectTagTable
  stageEvent: StageEventTable
  negotiation: NegotiationTable
  agreement: AgreementTable
  funds: FundsTable
  request: RequestTable
  eventInvestor: EventInvestorTable
  eventProject: EventProjectTable
  target: TargetTable
  attachment: AttachmentTable
  searchDoc: SearchDocTable
  projectReport: ProjectReportTable
  projectStay: ProjectStayTable
  importBatch: ImportBatchTable
  importBatchRow: ImportBatchRowTable
  syncOperation: SyncOperationTable
  syncWatermark: SyncWatermarkTable
  syncMerge: SyncMergeTable
  syncReview: SyncReviewTable
  syncSnapshot: SyncSnapshotTable
  syncSnapshotMark: SyncSnapshotMarkTable
  clientRequest: ClientRequestTable
}

export type User = Selectable<UserTable>
export type District = Selectable<DistrictTable>
export type Park = Selectable<ParkTable>
export type Change = Selectable<ChangeTable>
export type NewPark = Insertable<ParkTable>
export type ParkPatch = Updateable<ParkTable>
export type Industry = Selectable<IndustryTable>
export type Tag = Selectable<TagTable>
export type Investor = Selectable<InvestorTable>
export type Contact = Selectable<ContactTable>
export type Event = Selectable<EventTable>
export type Project = Selectable<ProjectTable>
export type StageEvent = Selectable<StageEventTable>
export type Negotiation = Selectable<NegotiationTable>
export type Agreement = Selectable<AgreementTable>
export type Funds = Selectable<FundsTable>
export type Request = Selectable<RequestTable>
export type Target = Selectable<TargetTable>
export type Attachment = Selectable<AttachmentTable>
export type ImportBatch = Selectable<ImportBatchTable>
export type ImportBatchRow = Selectable<ImportBatchRowTable>
