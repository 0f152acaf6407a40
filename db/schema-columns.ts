// Every table and column of db/schema.ts as a runtime list, so that db/schema-columns.test.ts can
// compare the hand-written types with the database the migrations build. The type makes this list
// and schema.ts agree exactly (a column missing or extra here, or a nullability that differs, fails
// the type check); the test makes it agree with the migrated database. After a migration: add its
// columns to schema.ts and here.
import type { Selectable } from 'kysely'
import type { Database } from './schema'

type Nullability<T> = { readonly [K in keyof Selectable<T>]-?: null extends Selectable<T>[K] ? 'null' : 'not null' }

export const SCHEMA_COLUMNS: { readonly [T in keyof Database]: Nullability<Database[T]> } = {
  agreement: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', projectId: 'not null', type: 'not null', signedOn: 'not null', amountYuan: 'null', contractNo: 'null', parties: 'null', note: 'null' },
  attachment: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', entity: 'not null', entityId: 'not null', fileName: 'not null', sha256: 'not null', size: 'not null', mime: 'null' },
  change: { seq: 'not null', entity: 'not null', entityId: 'not null', action: 'not null', changes: 'not null', userId: 'null', at: 'not null' },
  clientRequest: { id: 'not null', method: 'not null', resultId: 'null', result: 'not null', at: 'not null' },
  contact: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', investorId: 'not null', name: 'not null', title: 'null', phone: 'null', email: 'null', wechat: 'null', isPrimary: 'not null', note: 'null' },
  district: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', name: 'not null', code: 'null', note: 'null' },
  event: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', name: 'not null', type: 'not null', startOn: 'not null', endOn: 'null', city: 'null', organizer: 'null', ownerId: 'null', note: 'null' },
  eventInvestor: { eventId: 'not null', investorId: 'not null' },
  eventProject: { eventId: 'not null', projectId: 'not null' },
  funds: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', projectId: 'not null', arrivedOn: 'not null', amountYuan: 'not null', note: 'null' },
  importBatch: { id: 'not null', fileName: 'not null', sheetName: 'not null', sha256: 'not null', createdAt: 'not null', createdBy: 'null', rowsRead: 'not null', createdCount: 'not null', updatedCount: 'not null', unchangedCount: 'not null', skippedCount: 'not null', errorCount: 'not null', undoneAt: 'null', undoneBy: 'null' },
  importBatchRow: { seq: 'not null', batchId: 'not null', excelRow: 'not null', action: 'not null', entity: 'not null', entityId: 'not null', before: 'null', after: 'null' },
  industry: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', parentId: 'null', name: 'not null', sortOrder: 'not null' },
  investor: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', name: 'not null', nameNorm: 'not null', searchKeys: 'not null', creditCode: 'null', ownership: 'null', origin: 'null', originCity: 'null', industryId: 'null', registeredCapitalYuan: 'null', sourceChannel: 'null', website: 'null', address: 'null', note: 'null', mergedInto: 'null' },
  investorTag: { investorId: 'not null', tagId: 'not null' },
  negotiation: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', projectId: 'null', investorId: 'null', happenedOn: 'not null', type: 'not null', ourPeople: 'null', theirPeople: 'null', summary: 'not null', result: 'null', nextStep: 'null', nextDueOn: 'null', nextDoneOn: 'null', ownerId: 'null', eventId: 'null' },
  park: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', districtId: 'not null', name: 'not null', focusIndustries: 'null', freeLandCentiMu: 'null', factorySpaceSqm: 'null', contactName: 'null', contactPhone: 'null', note: 'null' },
  project: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', name: 'not null', searchKeys: 'not null', investorId: 'null', districtId: 'null', parkId: 'null', industryId: 'null', chain: 'null', kind: 'null', stage: 'not null', stageOn: 'not null', totalInvestmentYuan: 'null', fixedAssetYuan: 'null', foreignCapitalUsd: 'null', landCentiMu: 'null', expectedOutputYuan: 'null', expectedTaxYuan: 'null', expectedJobs: 'null', priority: 'null', ownerId: 'null', leaderId: 'null', sourceEventId: 'null', progress: 'null', reserveOn: 'not null', signedOn: 'null', registeredOn: 'null', startedOn: 'null', completedOn: 'null', operatingOn: 'null', evaluatedOn: 'null', planSignedOn: 'null', planStartedOn: 'null', planOperatingOn: 'null' },
  projectReport: { projectId: 'not null', signedOn: 'null', reachRank: 'not null', signedAmountYuan: 'not null', live: 'not null', reserveOn: 'not null', stage: 'not null', investmentYuan: 'not null' },
  projectStay: { projectId: 'not null', stage: 'not null', days: 'not null', live: 'not null', reserveOn: 'not null' },
  projectTag: { projectId: 'not null', tagId: 'not null' },
  request: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', investorId: 'null', projectId: 'null', category: 'not null', title: 'not null', detail: 'null', receivedOn: 'not null', assigneeId: 'null', department: 'null', deadlineOn: 'null', status: 'not null', resolvedOn: 'null', satisfaction: 'null', feedback: 'null' },
  searchDoc: { docid: 'not null', kind: 'not null', refId: 'not null', title: 'not null', body: 'not null', keys: 'not null' },
  setting: { key: 'not null', value: 'not null', updatedAt: 'not null' },
  stageEvent: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', projectId: 'not null', fromStage: 'null', toStage: 'not null', happenedOn: 'not null', note: 'null', reason: 'null' },
  syncMerge: { id: 'not null', tbl: 'not null', survivorId: 'not null', loserId: 'not null', reason: 'not null', mergedAt: 'not null', undo: 'not null', undoneAt: 'null', undoneBy: 'null' },
  syncOperation: { hlc: 'not null', replicaId: 'not null', userId: 'null', tbl: 'not null', rowId: 'not null', field: 'not null', value: 'null', source: 'not null' },
  syncReview: { id: 'not null', tbl: 'not null', rowId: 'not null', field: 'not null', reason: 'not null', ours: 'not null', theirs: 'not null', createdAt: 'not null', resolvedAt: 'null', resolvedBy: 'null' },
  syncWatermark: { peerId: 'not null', originId: 'not null', hlc: 'not null', updatedAt: 'not null' },
  syncSnapshot: { tbl: 'not null', rowId: 'not null', ops: 'not null' },
  syncSnapshotMark: { replicaId: 'not null', hlc: 'not null' },
  tag: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', name: 'not null', color: 'null' },
  target: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', year: 'not null', unitType: 'not null', unitId: 'not null', indicator: 'not null', value: 'not null' },
  user: { id: 'not null', createdAt: 'not null', createdBy: 'null', updatedAt: 'not null', updatedBy: 'null', deletedAt: 'null', name: 'not null', role: 'not null', title: 'null', phone: 'null' },
}
