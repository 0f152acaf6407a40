// The project list (filtered, sorted, paged) and the kanban board. Everything is filtered, counted
// and summed in SQL so that a ledger of 10⁵ projects answers as fast as one of 10²: the filter
// leans on the partial indexes of migration 0002 (park/district/owner + stage), and display names
// are joined for the page only.
import { type Kysely, type SqlBool, sql } from 'kysely'
import { compiledOnce } from './compiled-once'
import { likeContains } from './like'
import type { Ctx } from '../context'
import {
  BOARD_CARDS,
  type BoardCard,
  type ProjectBoard,
  type ProjectBoardQuery,
  type ProjectListQuery,
  type ProjectListResult,
  type ProjectSort,
} from '../domain/project'
import { totalTooLarge } from '../domain/money'
import { LIBRARIES, STAGES, type Stage } from '../domain/stages'
import type { Database } from '../schema'
import { selectNamed, tagsOf } from './projects'

export type ProjectFilter = Partial<Omit<ProjectListQuery, 'sort' | 'order' | 'page' | 'pageSize'>>

const NOTHING = sql<SqlBool>`0 = 1`

/** Empty lists mean "no filter", as an untouched multi-select does. */
function anyOf<T>(one: T | undefined, many: readonly T[] | undefined): T[] | undefined {
  const all = [...(one === undefined ? [] : [one]), ...(many ?? [])]
  return all.length > 0 ? [...new Set(all)] : undefined
}

/** stage(s) and library narrow each other; undefined: every stage. */
function stagesOf(filter: ProjectFilter): Stage[] | undefined {
  const chosen = anyOf(filter.stage, filter.stages)
  if (!filter.library) return chosen
  const library: readonly Stage[] = LIBRARIES[filter.library]
  return chosen ? chosen.filter((stage) => library.includes(stage)) : [...library]
}


const DATE_RANGES = [
  ['p.reserveOn', 'reserveOnFrom', 'reserveOnTo'],
  ['p.signedOn', 'signedOnFrom', 'signedOnTo'],
  ['p.startedOn', 'startedOnFrom', 'startedOnTo'],
  ['p.operatingOn', 'operatingOnFrom', 'operatingOnTo'],
] as const

/** `FROM project p WHERE …` for a filter; callers select, sort, page, group or join. */
export function filteredProjects(db: Kysely<Database>, filter: ProjectFilter) {
  let query = db.selectFrom('project as p')
  if (!filter.includeDeleted) query = query.where('p.deletedAt', 'is', null)
  const districts = anyOf(filter.districtId, filter.districtIds)
  if (districts) query = query.where('p.districtId', 'in', districts)
  const parks = anyOf(filter.parkId, filter.parkIds)
  if (parks) query = query.where('p.parkId', 'in', parks)
  const stages = stagesOf(filter)
  if (stages) query = stages.length > 0 ? query.where('p.stage', 'in', stages) : query.where(NOTHING)
  if (filter.industryId) {
    const industry = filter.industryId
    const family = db
      .selectFrom('industry')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', industry), eb('parentId', '=', industry)]))
    query = query.where('p.industryId', 'in', family)
  }
  if (filter.ownerId) query = query.where('p.ownerId', '=', filter.ownerId)
  if (filter.investorId) query = query.where('p.investorId', '=', filter.investorId)
  if (filter.priority) query = query.where('p.priority', '=', filter.priority)
  const tags = anyOf(undefined, filter.tagIds)
  if (tags) query = query.where('p.id', 'in', db.selectFrom('projectTag').select('projectId').where('tagId', 'in', tags))
  if (filter.minInvestment !== undefined) query = query.where('p.totalInvestmentYuan', '>=', filter.minInvestment)
  if (filter.maxInvestment !== undefined) query = query.where('p.totalInvestmentYuan', '<=', filter.maxInvestment)
  for (const [column, fromKey, toKey] of DATE_RANGES) {
    const from = filter[fromKey]
    const to = filter[toKey]
    if (from) query = query.where(column, '>=', from)
    if (to) query = query.where(column, '<=', to)
  }
  if (filter.text) {
    const name = likeContains(filter.text)
    // search_keys holds 'jinanyeya jnyy': typed pinyin is matched without spaces, lower-cased.
    const keys = likeContains(filter.text.toLowerCase().replace(/\s+/g, ''))
    query = query.where(
      sql<SqlBool>`(${sql.ref('p.name')} LIKE ${name} ESCAPE '\\' OR ${sql.ref('p.searchKeys')} LIKE ${keys} ESCAPE '\\')`,
    )
  }
  return query
}

// Stages sort along the funnel, not alphabetically; names in pinyin order, as Chinese lists are
// read (search_keys starts with the full pinyin).
const STAGE_ORDER = sql.raw(`CASE p.stage ${STAGES.map((stage, i) => `WHEN '${stage}' THEN ${i}`).join(' ')} END`)

const SORTS: Record<ProjectSort, { expression: ReturnType<typeof sql.ref> | typeof STAGE_ORDER; nullable: boolean }> = {
  name: { expression: sql.ref('p.searchKeys'), nullable: false },
  stage: { expression: STAGE_ORDER, nullable: false },
  totalInvestment: { expression: sql.ref('p.totalInvestmentYuan'), nullable: true },
  reserveOn: { expression: sql.ref('p.reserveOn'), nullable: false },
  signedOn: { expression: sql.ref('p.signedOn'), nullable: true },
  startedOn: { expression: sql.ref('p.startedOn'), nullable: true },
  updatedAt: { expression: sql.ref('p.updatedAt'), nullable: false },
}

const MAX_EXACT = Number.MAX_SAFE_INTEGER

/** SUM in SQLite is an exact 64-bit integer; refuse rather than hand JavaScript a rounded one. */
function exactSum(sum: number | null, unsafe: number | null): number {
  if (unsafe) throw totalTooLarge()
  return sum ?? 0
}

function totalsOf(filtered: ReturnType<typeof filteredProjects>) {
  return filtered.select((eb) => [
    eb.fn.countAll<number>().as('total'),
    eb.fn.sum<number | null>('p.totalInvestmentYuan').as('sum'),
    sql<number | null>`sum(${sql.ref('p.totalInvestmentYuan')}) > ${MAX_EXACT}`.as('unsafe'),
  ])
}

/** The ids of one page, in order: the only rows that get display names joined. */
export function pageIds(db: Kysely<Database>, query: ProjectListQuery) {
  const { sort, order, page, pageSize } = query
  const direction = order ?? (sort === 'updatedAt' ? 'desc' : 'asc')
  const { expression, nullable } = SORTS[sort]
  let ids = filteredProjects(db, query).select('p.id')
  // Missing amounts and dates go last either way: they are the rows to fill in, not the extremes.
  if (nullable) ids = ids.orderBy(sql`${expression} IS NULL`)
  ids = ids.orderBy(sql`${expression}`, direction)
  if (sort === 'name') ids = ids.orderBy('p.name', direction)
  return ids.orderBy('p.id', direction).limit(pageSize).offset((page - 1) * pageSize)
}

export async function listProjects(ctx: Ctx, query: ProjectListQuery): Promise<ProjectListResult> {
  const totals = await totalsOf(filteredProjects(ctx.db, query)).executeTakeFirstOrThrow()
  const ids = (await pageIds(ctx.db, query).execute()).map((row) => row.id)
  const named = ids.length === 0 ? [] : await selectNamed(ctx.db).where('p.id', 'in', ids).execute()
  const tags = await tagsOf(ctx.db, ids)
  const byId = new Map(named.map((row) => [row.id, row]))
  const rows = ids.map((id) => ({ ...byId.get(id)!, tags: tags.get(id) ?? [] }))
  const { page, pageSize } = query
  return { rows, total: totals.total, totalInvestmentYuan: exactSum(totals.sum, totals.unsafe), page, pageSize }
}

/** A board column's newest cards: read in the index's own order (migration 0008), nothing sorted. */
export function boardCards(db: Kysely<Database>, filter: ProjectFilter) {
  return filteredProjects(db, filter)
    .leftJoin('park as k', 'k.id', 'p.parkId')
    .leftJoin('investor as i', 'i.id', 'p.investorId')
    .leftJoin('user as o', 'o.id', 'p.ownerId')
    .select([
      'p.id',
      'p.name',
      'p.stage',
      'p.stageOn',
      'p.totalInvestmentYuan',
      'p.priority',
      'p.updatedAt',
      'k.name as parkName',
      'i.name as investorName',
      'o.name as ownerName',
    ])
    .orderBy('p.updatedAt', 'desc')
    .orderBy('p.id', 'desc')
    .limit(BOARD_CARDS)
}

const BOARD_FILTERS = ['parkId', 'districtId', 'ownerId'] as const

/**
 * A column's two reads for the filters a board uses, compiled once per combination of filters
 * (see compiled-once.ts): building and compiling 24 queries cost a board about as much as running
 * them.
 */
const boardReadsByShape = new Map<string, ReturnType<typeof boardReads>>()

function boardReads(present: ReadonlyArray<(typeof BOARD_FILTERS)[number]>) {
  const filterOf = (stage: Stage, values: string[]): ProjectFilter => ({ ...Object.fromEntries(present.map((key, i) => [key, values[i]])), stage })
  return {
    totals: compiledOnce((db, stage: Stage, ...values: string[]) => totalsOf(filteredProjects(db, filterOf(stage, values)))),
    cards: compiledOnce((db, stage: Stage, ...values: string[]) => boardCards(db, filterOf(stage, values))),
  }
}

/**
 * Kanban columns: every stage with its count, exact sum and most recently touched cards. Two small
 * queries per stage rather than one GROUP BY: with stage fixed, SQLite reads the totals from the
 * covering index alone and stops the cards after BOARD_CARDS rows; a GROUP BY over 10⁵ rows was
 * several times slower.
 */
export async function projectBoard(ctx: Ctx, query: ProjectBoardQuery): Promise<ProjectBoard> {
  const present = BOARD_FILTERS.filter((key) => query[key] !== undefined)
  const values = present.map((key) => query[key]!)
  const shape = present.join()
  let reads = boardReadsByShape.get(shape)
  if (!reads) boardReadsByShape.set(shape, (reads = boardReads(present)))
  const columns = []
  for (const stage of STAGES) {
    const [totals] = await reads.totals(ctx, stage, ...values)
    const cards: BoardCard[] = totals!.total === 0 ? [] : await reads.cards(ctx, stage, ...values)
    columns.push({ stage, count: totals!.total, totalInvestmentYuan: exactSum(totals!.sum, totals!.unsafe), cards })
  }
  return { columns }
}
