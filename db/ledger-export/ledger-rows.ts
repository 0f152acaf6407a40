// The rows of a 项目台账, read fast enough for 10⁵ projects. The project list's own query (its
// filter and sort: project-list.pageIds) gets the 台账's columns joined on, is compiled once, and
// runs as ONE prepared statement that is stepped through a page at a time: no id list, no
// per-page lookups, no ORM object per project (the kysely path, select * plus camel-casing every
// key, was three quarters of the old export's 60 s).
//
// Stepping a statement across awaits would keep the app's connection busy (better-sqlite3 refuses
// every other query meanwhile), so a file database is read through a second, read-only
// connection: the app stays usable during a long export, and the export is one consistent
// snapshot even if someone saves a project halfway. An in-memory database (tests) cannot be
// opened twice; it is read whole, which is fine at its size.
import Sqlite from 'better-sqlite3'
import type { Ctx } from '../context'
import type { ProjectListQuery } from '../domain/project'
import { pageIds } from '../services/project-list'

export const PAGE = 1000

/** One 台账 row, positional (see COLUMNS). */
export interface LedgerRow {
  id: string
  name: string
  investor: string | null
  creditCode: string | null
  district: string | null
  park: string | null
  /** The top-level industry (产业) — the parent when the project is filed under a chain link. */
  industry: string | null
  /** The chain link (产业链环节) the project is filed under, else the project's own chain text. */
  chain: string | null
  kind: string | null
  yuan: number | null
  fixedAssetYuan: number | null
  stage: string
  priority: string | null
  reserveOn: string | null
  signedOn: string | null
  registeredOn: string | null
  startedOn: string | null
  completedOn: string | null
  operatingOn: string | null
  owner: string | null
  leader: string | null
  phone: string | null
  progress: string | null
}

export type GroupBy = 'district' | 'park'

// LedgerRow's fields as SQL, in order (read with .raw(): the names never pass through kysely's
// camel-case plugin, so positions, not aliases, tie them to the interface)
const COLUMNS: ReadonlyArray<[keyof LedgerRow, string]> = [
  ['id', 'p.id'],
  ['name', 'p.name'],
  ['investor', 'xi.name'],
  ['creditCode', 'xi.credit_code'],
  ['district', 'xd.name'],
  ['park', 'xk.name'],
  ['industry', 'CASE WHEN xn.parent_id IS NULL THEN xn.name ELSE xnp.name END'],
  ['chain', 'CASE WHEN xn.parent_id IS NULL THEN p.chain ELSE xn.name END'],
  ['kind', 'p.kind'],
  ['yuan', 'p.total_investment_yuan'],
  ['fixedAssetYuan', 'p.fixed_asset_yuan'],
  ['stage', 'p.stage'],
  ['priority', 'p.priority'],
  ['reserveOn', 'p.reserve_on'],
  ['signedOn', 'p.signed_on'],
  ['registeredOn', 'p.registered_on'],
  ['startedOn', 'p.started_on'],
  ['completedOn', 'p.completed_on'],
  ['operatingOn', 'p.operating_on'],
  ['owner', 'xo.name'],
  ['leader', 'xl.name'],
  ['phone', 'xo.phone'],
  ['progress', 'p.progress'],
]
const KEYS = COLUMNS.map(([key]) => key)

const JOINS = `
  LEFT JOIN investor xi ON xi.id = p.investor_id
  LEFT JOIN district xd ON xd.id = p.district_id
  LEFT JOIN park xk ON xk.id = p.park_id
  LEFT JOIN industry xn ON xn.id = p.industry_id
  LEFT JOIN industry xnp ON xnp.id = xn.parent_id
  LEFT JOIN user xo ON xo.id = p.owner_id
  LEFT JOIN user xl ON xl.id = p.leader_id`

/**
 * The list query with the 台账's columns, as SQL and parameters. Grouped (小计 per district or
 * park): groups in name order, projects without one last, the list's own order inside each.
 */
function ledgerSql(ctx: Ctx, query: ProjectListQuery, groupBy?: GroupBy): { text: string; parameters: readonly unknown[] } {
  const compiled = pageIds(ctx.db, { ...query, page: 1, pageSize: Number.MAX_SAFE_INTEGER }).compile()
  // pageIds selects p.id: widen its select list and add the joins before WHERE
  let text = compiled.sql.replace(/^select "p"\."id" from "project" as "p"/, `SELECT ${COLUMNS.map(([, expression]) => expression).join(', ')} FROM project AS p ${JOINS}`)
  const order = text.lastIndexOf(' order by ')
  if (text === compiled.sql || order < 0) throw new Error(`台账查询的结构与预期不同：${compiled.sql.slice(0, 80)}`)
  if (groupBy) {
    // the group first (filters hold no ORDER BY of their own: the last one is the list's)
    const group = groupBy === 'district' ? 'xd.name' : 'xk.name'
    text = `${text.slice(0, order)} order by ${group} IS NULL, ${group}, ${text.slice(order + ' order by '.length)}`
  }
  return { text, parameters: compiled.parameters }
}

function toRow(values: unknown[]): LedgerRow {
  const row = {} as Record<string, unknown>
  for (let i = 0; i < KEYS.length; i++) row[KEYS[i]!] = values[i]
  return row as unknown as LedgerRow
}

/** The rows of a list query, in its order, PAGE at a time. */
export function* ledgerPages(ctx: Ctx, query: ProjectListQuery, groupBy?: GroupBy): Generator<LedgerRow[]> {
  const { text, parameters } = ledgerSql(ctx, query, groupBy)
  const file = ctx.sqlite.memory ? null : ctx.sqlite.name
  const reader = file ? new Sqlite(file, { readonly: true, fileMustExist: true }) : ctx.sqlite
  // SQLite's own default page cache (2 MB) instead of the build's 16 MB: the export reads the
  // project pages once, in list order, and the small tables it joins stay cached; the larger cache
  // only added to the export's peak memory (measured: same CPU time)
  if (file) reader.pragma('cache_size = -2000')
  try {
    const statement = reader.prepare(text).raw()
    if (!file) {
      const all = statement.all(...parameters) as unknown[][]
      for (let start = 0; start < all.length; start += PAGE) yield all.slice(start, start + PAGE).map(toRow)
      return
    }
    // one read transaction: every page sees the same snapshot of the database
    reader.exec('BEGIN')
    let page: LedgerRow[] = []
    for (const values of statement.iterate(...parameters) as IterableIterator<unknown[]>) {
      page.push(toRow(values))
      if (page.length === PAGE) {
        yield page
        page = []
      }
    }
    if (page.length) yield page
    reader.exec('COMMIT')
  } finally {
    if (file) reader.close()
  }
}
