// Import batches: the list, and undo. Undo runs in one transaction through records.ts, so every
// step is journaled like a change made by hand: updated projects get their previous values back,
// created records go to the recycle bin (restorable), newest first.
import { sql } from 'kysely'
import { type Ctx, type Trx, inTransaction, nowIso } from '../context'
import { AppError, conflict, notFound } from '../domain/errors'
import type { ImportBatchView, UndoResult } from '../domain/ledger'
import type { ImportBatchRow } from '../schema'
import { deleteRecord, updateRecord } from '../services/records'

const WHAT = '导入批次'

export async function listBatches(ctx: Ctx, limit = 200): Promise<ImportBatchView[]> {
  const batches = await ctx.db
    .selectFrom('importBatch as b')
    .leftJoin('user as u', 'u.id', 'b.createdBy')
    .select([
      'b.id',
      'b.fileName',
      'b.sheetName',
      'b.sha256',
      'b.createdAt',
      'b.createdBy',
      'u.name as createdByName',
      'b.rowsRead',
      'b.createdCount',
      'b.updatedCount',
      'b.unchangedCount',
      'b.skippedCount',
      'b.errorCount',
      'b.undoneAt',
    ])
    .orderBy('b.createdAt', 'desc')
    .orderBy('b.id', 'desc')
    .limit(limit)
    .execute()
  const contents = await ctx.db
    .selectFrom('importBatchRow')
    .select((eb) => ['batchId', 'entity', 'action', eb.fn.countAll<number>().as('count')])
    .where('batchId', 'in', batches.length > 0 ? batches.map((b) => b.id) : [''])
    .groupBy(['batchId', 'entity', 'action'])
    .execute()
  return batches.map((b) => ({ ...b, undoSummary: undoSummary(contents.filter((c) => c.batchId === b.id)) }))
}

const UNIT: Record<string, string> = { project: '个', stageEvent: '条', investor: '家', district: '个', park: '个', industry: '个', user: '人' }

/** '撤销将移入回收站：项目 3 个、阶段记录 5 条、客商 2 家（仍被其他记录使用的保留）；恢复导入前的内容：项目 1 个' */
export function undoSummary(contents: readonly { entity: string; action: string; count: number }[]): string {
  const order = ['project', 'stageEvent', 'investor', 'district', 'park', 'industry', 'user']
  const part = (action: string) =>
    order
      .map((entity) => [entity, contents.filter((c) => c.entity === entity && c.action === action).reduce((n, c) => n + Number(c.count), 0)] as const)
      .filter(([, n]) => n > 0)
      .map(([entity, n]) => `${LABEL[entity]} ${n} ${UNIT[entity]}`)
      .join('、')
  const removed = part('create')
  const restored = part('update')
  const sentences = [
    removed ? `撤销将移入回收站：${removed}（区县、园区、客商等仍被其他记录使用的保留）` : '',
    restored ? `恢复为导入前的内容：${restored}` : '',
  ].filter(Boolean)
  return sentences.length > 0 ? `${sentences.join('；')}。` : '这次导入没有写入任何记录。'
}

const LABEL: Record<string, string> = { district: '区县', park: '园区', industry: '产业', user: '责任人', investor: '客商', project: '项目', stageEvent: '阶段记录' }

// Helpers the import created stay when live records use them now (deleting would leave those
// records pointing into the recycle bin).
const USED_BY: Record<string, ReadonlyArray<[string, string]>> = {
  district: [['park', 'district_id'], ['project', 'district_id']],
  park: [['project', 'park_id']],
  industry: [['project', 'industry_id'], ['investor', 'industry_id'], ['industry', 'parent_id']],
  user: [['project', 'owner_id'], ['project', 'leader_id'], ['negotiation', 'owner_id'], ['request', 'assignee_id'], ['event', 'owner_id']],
  investor: [['project', 'investor_id'], ['negotiation', 'investor_id'], ['request', 'investor_id']],
}

async function inUse(trx: Trx, entity: string, id: string): Promise<boolean> {
  for (const [table, column] of USED_BY[entity] ?? []) {
    const row = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.table(table)} WHERE ${sql.ref(column)} = ${id} AND deleted_at IS NULL LIMIT 1`.execute(trx)
    if (row.rows.length > 0) return true
  }
  return false
}

type Values = Record<string, unknown>

export async function undoBatch(ctx: Ctx, batchId: string): Promise<UndoResult> {
  return inTransaction(ctx, async (trx) => {
    const batch = await trx.selectFrom('importBatch').selectAll().where('id', '=', batchId).executeTakeFirst()
    if (!batch) throw notFound(WHAT, batchId)
    if (batch.undoneAt) throw conflict(`该导入批次已于 ${batch.undoneAt.slice(0, 19).replace('T', ' ')} 撤销`)
    // a later import (ids are ULIDs: they sort by time) that touched the same records must be undone first, or its values would be lost
    const later = await sql<{ id: string; fileName: string }>`SELECT DISTINCT b.id, b.file_name
      FROM import_batch_row r JOIN import_batch b ON b.id = r.batch_id
      WHERE b.undone_at IS NULL AND b.id > ${batchId}
        AND r.entity_id IN (SELECT entity_id FROM import_batch_row WHERE batch_id = ${batchId})`.execute(trx)
    if (later.rows.length > 0) {
      const names = later.rows.map((r) => `${r.fileName}（${r.id}）`).join('、')
      throw conflict(`之后的导入批次也修改了这些记录，请先撤销：${names}`, { batches: later.rows.map((r) => r.id) })
    }
    const rows = await trx.selectFrom('importBatchRow').selectAll().where('batchId', '=', batchId).orderBy('seq', 'desc').execute()
    await assertUntouched(trx, rows)

    const result: UndoResult = { batchId, restored: 0, deleted: 0, kept: [] }
    for (const row of rows) {
      const table = row.entity as Parameters<typeof deleteRecord>[2]
      if (row.action === 'update') {
        await updateRecord(trx, ctx, table, row.entityId, JSON.parse(row.before ?? '{}') as Values, LABEL[row.entity] ?? row.entity)
        result.restored++
        continue
      }
      const live = await sql<{ name: string | null }>`SELECT ${row.entity === 'stageEvent' ? sql`NULL` : sql.ref('name')} AS name
        FROM ${sql.table(tableName(row.entity))} WHERE id = ${row.entityId} AND deleted_at IS NULL`.execute(trx)
      if (live.rows.length === 0) continue
      if (row.entity !== 'project' && row.entity !== 'stageEvent' && (await inUse(trx, row.entity, row.entityId))) {
        result.kept.push(`${LABEL[row.entity]}“${live.rows[0]!.name ?? ''}”`)
        continue
      }
      await deleteRecord(trx, ctx, table, row.entityId, LABEL[row.entity] ?? row.entity)
      result.deleted++
    }
    await trx.updateTable('importBatch').set({ undoneAt: nowIso(ctx), undoneBy: ctx.userId }).where('id', '=', batchId).execute()
    return result
  })
}

const tableName = (entity: string): string => (entity === 'stageEvent' ? 'stage_event' : entity)

/**
 * Refuses when a project the import updated was changed again since (undo would overwrite that).
 * `rows` newest first: where one batch updated a field more than once (all months of a
 * month-per-sheet workbook), only its last value is what the project must still hold.
 */
async function assertUntouched(trx: Trx, rows: readonly ImportBatchRow[]): Promise<void> {
  const changed: string[] = []
  const checked = new Set<string>()
  for (const row of rows) {
    if (row.action !== 'update' || !row.after) continue
    const after = Object.fromEntries(Object.entries(JSON.parse(row.after) as Values).filter(([field]) => !checked.has(`${row.entityId}\u0000${field}`)))
    for (const field of Object.keys(after)) checked.add(`${row.entityId}\u0000${field}`)
    if (Object.keys(after).length === 0) continue
    const current = (await trx
      .selectFrom('project')
      .selectAll()
      .where('id', '=', row.entityId)
      .executeTakeFirst()) as Values | undefined
    if (!current || current.deletedAt) {
      changed.push(`第${row.excelRow}行的项目已被删除`)
      continue
    }
    const fields = Object.keys(after).filter((k) => (current[k] ?? null) !== after[k])
    if (fields.length > 0) changed.push(`第${row.excelRow}行的项目“${String(current.name)}”（${fields.join('、')}）`)
  }
  if (changed.length > 0) {
    throw new AppError('conflict', `导入之后这些项目又被修改过，撤销会覆盖这些修改，已停止：${changed.slice(0, 5).join('；')}${changed.length > 5 ? '……' : ''}`, {
      changed,
    })
  }
}
