// Projects (招商项目): create, edit, read, delete and restore. Stage changes after creation live in
// project-stages, lists and the kanban board in project-list.
import type { Kysely } from 'kysely'
import { type Ctx, type Trx, inTransaction, nowIso } from '../context'
import { todayIso } from '../domain/dates'
import { AppError, notFound } from '../domain/errors'
import { searchKeys } from '../domain/pinyin'
import {
  MILESTONE_COLUMN,
  type ProjectCreate,
  type ProjectDetail,
  type ProjectTag,
  type ProjectUpdate,
  dateWarnings,
} from '../domain/project'
import { isMainStage } from '../domain/stages'
import type { Database, Park, Project } from '../schema'
import { compiledOnce } from './compiled-once'
import { type RecordPatch, deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'
import { captureLink, captureRow } from '../sync/capture'

export const WHAT = '项目'

type Facts = Omit<ProjectUpdate, 'id' | 'tagIds' | 'parkId' | 'districtId'>

/** API fields to columns: money arrives in 元 and land in 1/100 亩 already (see fields.ts). */
// Fields left undefined stay out of the write (kysely and updateRecord skip them).
function toColumns({ totalInvestment, fixedAsset, landMu, expectedOutput, expectedTax, name, ...rest }: Facts): RecordPatch<'project'> {
  return {
    ...rest,
    ...(name === undefined ? {} : nameColumns(name)),
    totalInvestmentYuan: totalInvestment,
    fixedAssetYuan: fixedAsset,
    landCentiMu: landMu,
    expectedOutputYuan: expectedOutput,
    expectedTaxYuan: expectedTax,
  }
}

/** The name and what search finds it by (pinyin in full and initials). */
function nameColumns(name: string): Pick<Project, 'name' | 'searchKeys'> {
  const keys = searchKeys(name)
  return { name, searchKeys: `${keys.full} ${keys.initials}` }
}

const REFERENCES = [
  ['investorId', 'investor', '投资方'],
  ['industryId', 'industry', '产业类别'],
  ['ownerId', 'user', '责任人'],
  ['leaderId', 'user', '包挂领导'],
  ['sourceEventId', 'event', '来源活动'],
] as const

// Only references being written are checked: a project whose investor was deleted since can
// still be edited.
async function assertReferences(trx: Trx, facts: Facts): Promise<void> {
  for (const [field, table, what] of REFERENCES) {
    const value = facts[field]
    if (value) await getLive(trx, table, value, what)
  }
}

const misplaced = (park: Pick<Park, 'name'>) =>
  new AppError('validation', `园区“${park.name}”不属于所选区县`, { field: 'districtId' })

/** The district follows the park; given both, they must agree. Returns the columns to write. */
async function placement(
  trx: Trx,
  parkId: string | null | undefined,
  districtId: string | null | undefined,
  keptParkId: string | null,
): Promise<Pick<RecordPatch<'project'>, 'parkId' | 'districtId'>> {
  if (parkId) {
    const park = await getLive(trx, 'park', parkId, '所属园区')
    if (districtId !== undefined && districtId !== park.districtId) throw misplaced(park)
    return { parkId, districtId: park.districtId }
  }
  if (districtId) await getLive(trx, 'district', districtId, '所属区县')
  const stayingPark = parkId === undefined ? keptParkId : null
  if (stayingPark && districtId !== undefined) {
    const park = await trx.selectFrom('park').select(['name', 'districtId']).where('id', '=', stayingPark).executeTakeFirst()
    if (park && park.districtId !== districtId) throw misplaced(park)
  }
  return { parkId, districtId }
}

// project_tag has no record columns, so the change is journaled here, by tag name (ids mean
// nothing to someone reading the history).
async function setTags(trx: Trx, ctx: Ctx, projectId: string, tagIds: readonly string[]): Promise<void> {
  const wanted = [...new Set(tagIds)]
  const after: string[] = []
  for (const tagId of wanted) after.push(((await getLive(trx, 'tag', tagId, '标签')) as { name: string }).name)
  const current = await trx
    .selectFrom('projectTag as pt')
    .innerJoin('tag as t', 't.id', 'pt.tagId')
    .select(['t.id', 't.name'])
    .where('pt.projectId', '=', projectId)
    .execute()
  if (current.length === wanted.length && current.every((tag) => wanted.includes(tag.id))) return
  await trx.deleteFrom('projectTag').where('projectId', '=', projectId).execute()
  if (wanted.length > 0) await trx.insertInto('projectTag').values(wanted.map((tagId) => ({ projectId, tagId }))).execute()
  for (const tag of current) if (!wanted.includes(tag.id)) captureLink(ctx, 'projectTag', { projectId, tagId: tag.id }, false)
  for (const tagId of wanted) if (!current.some((tag) => tag.id === tagId)) captureLink(ctx, 'projectTag', { projectId, tagId }, true)
  const at = nowIso(ctx)
  const changes = { tags: [current.map((tag) => tag.name).sort(), after.sort()] }
  await trx
    .insertInto('change')
    .values({ entity: 'project', entityId: projectId, action: 'update', changes: JSON.stringify(changes), userId: ctx.userId, at })
    .execute()
  await trx.updateTable('project').set({ updatedAt: at, updatedBy: ctx.userId }).where('id', '=', projectId).execute()
  captureRow(ctx, 'project', projectId, [])
}

export function refuseFutureDate(ctx: Ctx, date: string): void {
  const today = todayIso(ctx.now())
  if (date > today) throw new AppError('validation', `阶段日期（${date}）不能晚于今天（${today}）`, { field: 'happenedOn' })
}

export async function createProject(ctx: Ctx, input: ProjectCreate): Promise<ProjectDetail> {
  const { stage, stageOn: givenStageOn, reserveOn, tagIds, parkId, districtId, ...facts } = input
  const today = todayIso(ctx.now())
  const stageOn = givenStageOn ?? today
  refuseFutureDate(ctx, stageOn)
  const milestone = isMainStage(stage) ? MILESTONE_COLUMN[stage] : undefined
  const id = await inTransaction(ctx, async (trx) => {
    await assertReferences(trx, facts)
    const id = await insertRecord(trx, ctx, 'project', {
      ...toColumns(facts),
      ...nameColumns(facts.name),
      ...(await placement(trx, parkId, districtId, null)),
      stage,
      stageOn,
      // A project imported at a past stage was in the reserve by then at the latest.
      reserveOn: reserveOn ?? (stageOn < today ? stageOn : today),
      ...(milestone ? { [milestone]: stageOn } : {}),
    })
    // A new lead has no history yet; any later stage is recorded as reached from nowhere.
    if (stage !== 'lead') await insertRecord(trx, ctx, 'stageEvent', { projectId: id, fromStage: null, toStage: stage, happenedOn: stageOn })
    if (tagIds?.length) await setTags(trx, ctx, id, tagIds)
    return id
  })
  return getProject(ctx, id)
}

export async function updateProject(ctx: Ctx, { id, tagIds, parkId, districtId, ...facts }: ProjectUpdate): Promise<ProjectDetail> {
  await inTransaction(ctx, async (trx) => {
    const before = await getLive(trx, 'project', id, WHAT)
    await assertReferences(trx, facts)
    const place = await placement(trx, parkId, districtId, before.parkId)
    await updateRecord(trx, ctx, 'project', id, { ...toColumns(facts), ...place }, WHAT)
    if (tagIds !== undefined) await setTags(trx, ctx, id, tagIds)
  })
  return getProject(ctx, id)
}

/** Projects with the names of what they point to; callers add their own filters. */
export function selectNamed(db: Kysely<Database>) {
  return db
    .selectFrom('project as p')
    .leftJoin('district as d', 'd.id', 'p.districtId')
    .leftJoin('park as k', 'k.id', 'p.parkId')
    .leftJoin('investor as i', 'i.id', 'p.investorId')
    .leftJoin('industry as n', 'n.id', 'p.industryId')
    .leftJoin('user as o', 'o.id', 'p.ownerId')
    .selectAll('p')
    .select(['d.name as districtName', 'k.name as parkName', 'i.name as investorName', 'n.name as industryName', 'o.name as ownerName'])
}

/** Live tags of some projects (one query for a whole page). */
export async function tagsOf(db: Kysely<Database>, projectIds: readonly string[]): Promise<Map<string, ProjectTag[]>> {
  const byProject = new Map<string, ProjectTag[]>()
  if (projectIds.length === 0) return byProject
  const rows = await db
    .selectFrom('projectTag as pt')
    .innerJoin('tag as t', 't.id', 'pt.tagId')
    .select(['pt.projectId', 't.id', 't.name', 't.color'])
    .where('pt.projectId', 'in', projectIds)
    .where('t.deletedAt', 'is', null)
    .orderBy('t.name')
    .execute()
  for (const { projectId, ...tag } of rows) byProject.set(projectId, [...(byProject.get(projectId) ?? []), tag])
  return byProject
}

// The detail page's three reads, compiled once (see compiled-once.ts).
const detailRow = compiledOnce((db, id: string) =>
  selectNamed(db).leftJoin('user as l', 'l.id', 'p.leaderId').select('l.name as leaderName').where('p.id', '=', id).where('p.deletedAt', 'is', null),
)
const liveStageEvents = compiledOnce((db, id: string) =>
  db.selectFrom('stageEvent').selectAll().where('projectId', '=', id).where('deletedAt', 'is', null).orderBy('id'),
)
const tagsOfOne = compiledOnce((db, id: string) =>
  db
    .selectFrom('projectTag as pt')
    .innerJoin('tag as t', 't.id', 'pt.tagId')
    .select(['t.id', 't.name', 't.color'])
    .where('pt.projectId', '=', id)
    .where('t.deletedAt', 'is', null)
    .orderBy('t.name'),
)

export async function getProject(ctx: Ctx, id: string): Promise<ProjectDetail> {
  const [row] = await detailRow(ctx, id)
  if (!row) throw notFound(WHAT, id)
  const stageEvents = await liveStageEvents(ctx, id)
  const tags = await tagsOfOne(ctx, id)
  return { ...row, tags, stageEvents, warnings: dateWarnings(row, stageEvents) }
}

export async function deleteProject(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'project', id, WHAT))
}

export async function restoreProject(ctx: Ctx, id: string): Promise<ProjectDetail> {
  await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, 'project', id, WHAT))
  return getProject(ctx, id)
}
