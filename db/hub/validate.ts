// Rows pulled from the hub are not trusted: a page is refused whole, with the reason, when any row
// belongs to another team, is malformed, names a table this app does not replicate, carries a value
// of the wrong type or size, has no server-recorded author, or claims to be this laptop's own
// write without being in this laptop's log (someone writing under our replica id). sync-core's
// applyOperations then checks every field and type again before anything is written.
import { isReplicated } from '../sync/tables'
import { type Operation, HLC_PATTERN, parseHlc } from '../sync/operation'
import { LIMITS } from '../sync/validate'

export interface HubRow {
  seq: string
  hlc: unknown
  team_id: unknown
  replica_id: unknown
  user_id: unknown
  tbl: unknown
  row_id: unknown
  field: unknown
  value: unknown
  author: unknown
}

export class HubRefusedError extends Error {
  constructor(
    message: string,
    readonly seq: string,
  ) {
    super(message)
    this.name = 'HubRefusedError'
  }
}

export interface PageCheck {
  teamId: string
  /** This laptop's replica id. */
  replicaId: string
  /** The cursor the page was asked after. */
  after: string
  /** Whether this laptop's log holds an op (for ops that claim to be our own). */
  hasOperation(hlc: string): boolean
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max

/**
 * What is wrong with one op's own parts, however it came from the hub (a log row, a field of a
 * snapshot record), or null: a replicated table, sane ids, a value of a type and size sync carries,
 * and no op under this laptop's replica id that this laptop never made. `hlc` is already checked.
 */
function opProblem(op: { hlc: string; table: unknown; rowId: unknown; field: unknown; userId: unknown; value: unknown }, check: Pick<PageCheck, 'replicaId' | 'hasOperation'>): string | null {
  const { table, rowId, field, userId, value } = op
  if (!isText(table, 64) || !isReplicated(table)) return `未知的数据表 ${String(table).slice(0, 40)}`
  if (!isText(rowId, 200)) return '记录ID无效'
  if (!isText(field, 64)) return '字段名无效'
  if (userId !== null && !isText(userId, 64)) return '用户ID无效'
  if (value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return '取值类型不对'
  if (typeof value === 'string' && value.length > LIMITS.maxText) return `取值过长（${value.length} 个字符）`
  if (parseHlc(op.hlc)!.replicaId === check.replicaId && !check.hasOperation(op.hlc)) return '冒用本机的副本编号'
  return null
}

/** The page's rows as operations, in seq order; throws HubRefusedError naming the first bad row. */
export function checkHubPage(rows: HubRow[], check: PageCheck): Operation[] {
  let previous = BigInt(check.after)
  return rows.map((row) => {
    const refuse = (why: string): never => {
      throw new HubRefusedError(`中心库第 ${row.seq} 条操作被拒收（${why}），本次同步未写入任何数据。请联系中心库管理员检查。`, row.seq)
    }
    if (!/^\d{1,19}$/.test(row.seq) || BigInt(row.seq) <= previous) refuse('序号异常')
    previous = BigInt(row.seq)
    if (row.team_id !== check.teamId) refuse(`属于其他团队 ${String(row.team_id).slice(0, 40)}`)
    if (typeof row.hlc !== 'string' || !HLC_PATTERN.test(row.hlc)) refuse('时间戳格式不对')
    const hlc = row.hlc as string
    if (parseHlc(hlc)!.replicaId !== row.replica_id) refuse('时间戳与来源副本不符')
    if (!isText(row.author, 63)) refuse('缺少服务器记录的写入者')
    const problem = opProblem({ hlc, table: row.tbl, rowId: row.row_id, field: row.field, userId: row.user_id, value: row.value }, check)
    if (problem) refuse(problem)
    return {
      hlc,
      replicaId: row.replica_id as string,
      userId: row.user_id as string | null,
      table: row.tbl as string,
      rowId: row.row_id as string,
      field: row.field as string,
      value: row.value as string | number | null,
    }
  })
}

/**
 * One page of the hub's snapshot (compacted records) as operations, each field checked as a log
 * row is (opProblem). sync-core checks fields and types again when they are applied.
 */
export function checkSnapshotPage(
  table: string,
  page: Array<[string, Record<string, unknown>]>,
  check: Pick<PageCheck, 'replicaId' | 'hasOperation'>,
): Operation[] {
  const ops: Operation[] = []
  for (const [rowId, fields] of page) {
    const refuse = (why: string): never => {
      throw new HubRefusedError(`中心库快照中的记录 ${String(rowId).slice(0, 60)} 被拒收（${why}），本次同步未写入任何数据。请联系中心库管理员检查。`, '0')
    }
    // The record itself, also when it carries no field.
    if (!isReplicated(table)) refuse(`未知的数据表 ${table.slice(0, 40)}`)
    if (!isText(rowId, 200)) refuse('记录ID无效')
    for (const [field, entry] of Object.entries(fields)) {
      if (!Array.isArray(entry) || entry.length !== 3) refuse(`字段 ${field} 的格式不对`)
      const [hlc, userId, value] = entry as unknown[]
      if (typeof hlc !== 'string' || !HLC_PATTERN.test(hlc)) refuse('时间戳格式不对')
      const problem = opProblem({ hlc: hlc as string, table, rowId, field, userId, value }, check)
      if (problem) refuse(problem)
      ops.push({ hlc: hlc as string, replicaId: parseHlc(hlc as string)!.replicaId, userId: userId as string | null, table, rowId, field, value: value as string | number | null })
    }
  }
  return ops
}
