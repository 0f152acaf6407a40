// Every received operation is checked before anything is applied: shape, clock, table, field and
// the value's type against the column. One bad op refuses the whole batch, with the reason.
import type Sqlite from 'better-sqlite3'
import { AppError } from '../domain/errors'
import type { ClockSet } from './clock-set'
import { DELETED_FIELD, HLC_PATTERN, type Operation, PURGED_FIELD } from './operation'
import { type RowSnapshot, replicaOfHlc } from './snapshot'
import { type ColumnInfo, LINK_KEYS, type ReplicatedTable, isReplicated, replicatedColumns } from './tables'

export const LIMITS = {
  /** A text value longer than this is no CRM field (notes are a few thousand characters). */
  maxText: 100_000,
  maxRowId: 200,
  maxUserId: 64,
  /** A clock further ahead than this is a broken laptop clock or a forgery: its edits would win forever. */
  maxFutureMs: 24 * 3600 * 1000,
}

const KEYS = ['hlc', 'replicaId', 'userId', 'table', 'rowId', 'field', 'value'].sort().join(',')

export function refused(reason: string, details?: unknown): AppError {
  return new AppError('validation', `同步数据被拒绝，未做任何修改：${reason}`, details)
}

/** Why one op is not acceptable, or null. */
function problemOf(sqlite: Sqlite.Database, raw: unknown, latest: string): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return '不是一条操作记录'
  const op = raw as Record<string, unknown>
  if (Object.keys(op).sort().join(',') !== KEYS) return '字段不符合同步格式'
  const { hlc, replicaId, userId, table, rowId, field, value } = op
  if (typeof hlc !== 'string' || !HLC_PATTERN.test(hlc)) return `时钟戳格式错误（${String(hlc).slice(0, 60)}）`
  if (replicaId !== replicaOfHlc(hlc)) return '操作的来源电脑与时钟戳不一致（可能是伪造的）'
  const stamp = stampProblem(hlc, userId, latest)
  if (stamp) return stamp
  if (typeof table !== 'string' || !isReplicated(table)) return `未知的数据表（${String(table).slice(0, 40)}）`
  return rowIdProblem(table, rowId) ?? valueProblem(replicatedColumns(sqlite, table), table, field, value)
}

/**
 * A string that every clock accepted now sorts below and every later one above: a clock's first 13
 * characters are its milliseconds, and '.' sorts after the '-' that follows them.
 */
const latestClock = (nowMs: number): string => `${String(nowMs + LIMITS.maxFutureMs).padStart(13, '0')}.`

/** The clock's time and the author: a clock a day ahead would win its field for ever. `hlc` matches HLC_PATTERN. */
function stampProblem(hlc: string, userId: unknown, latest: string): string | null {
  if (hlc > latest) return `时钟戳比本机时间晚一天以上（${new Date(Number(hlc.slice(0, 13))).toISOString()}），请检查发送方电脑的时间`
  if (userId !== null && (typeof userId !== 'string' || userId.length === 0 || userId.length > LIMITS.maxUserId)) return '操作人编号格式错误'
  return null
}

function rowIdProblem(table: ReplicatedTable, rowId: unknown): string | null {
  if (typeof rowId !== 'string' || rowId.length === 0 || rowId.length > LIMITS.maxRowId) return '记录编号格式错误'
  if (LINK_KEYS[table] && (rowId.split(':').length !== 2 || rowId.split(':').some((part) => part.length === 0))) return '关联记录编号格式错误'
  return null
}

/** Whether `value` fits the field: the field must exist among the table's `columns`, and the value have the column's type and size. */
function valueProblem(columns: Map<string, ColumnInfo>, table: ReplicatedTable, field: unknown, value: unknown): string | null {
  if (typeof field !== 'string') return '字段名格式错误'
  if (LINK_KEYS[table]) {
    if (field !== DELETED_FIELD) return `关联表（${table}）没有字段 ${field.slice(0, 40)}`
    return value === 0 || value === 1 ? null : '关联记录的状态只能是 0 或 1'
  }
  if (field === PURGED_FIELD) return value === 1 ? null : '彻底删除标记只能是 1'
  const column = columns.get(field)
  if (!column) return `数据表 ${table} 没有字段 ${field.slice(0, 40)}`
  if (value === null) return column.notNull ? `${table}.${field} 不能为空` : null
  if (typeof value === 'string') {
    if (value.length > LIMITS.maxText) return `${table}.${field} 的内容过长（${value.length} 个字符）`
    return column.type === 'TEXT' || column.type === 'ANY' ? null : `${table}.${field} 应为数字`
  }
  if (typeof value === 'number') {
    if (column.type === 'INTEGER') return Number.isSafeInteger(value) ? null : `${table}.${field} 应为整数`
    return column.type === 'REAL' || column.type === 'ANY' ? (Number.isFinite(value) ? null : `${table}.${field} 不是有效数字`) : `${table}.${field} 应为文字`
  }
  return `${table}.${field} 的值类型不受支持`
}

/** Checks every op; throws one refusal naming the first few problems. Returns the ops in hlc order. */
export function validateOperations(sqlite: Sqlite.Database, ops: unknown[], nowMs: number): Operation[] {
  if (!Array.isArray(ops)) throw refused('操作列表格式错误')
  const problems: string[] = []
  const byHlc = new Map<string, string>()
  const latest = latestClock(nowMs)
  ops.forEach((op, i) => {
    if (problems.length >= 5) return
    const problem = problemOf(sqlite, op, latest)
    if (problem) {
      problems.push(`第 ${i + 1} 条：${problem}`)
      return
    }
    const { hlc } = op as Operation
    const text = JSON.stringify(op)
    const seen = byHlc.get(hlc)
    if (seen !== undefined && seen !== text) problems.push(`第 ${i + 1} 条：同一时钟戳出现了两种不同的内容（可能是伪造的）`)
    byHlc.set(hlc, text)
  })
  if (problems.length > 0) throw refused(problems.join('；'), { problems })
  return [...(ops as Operation[])].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
}

/**
 * The same checks for a page of a snapshot (db/sync/bootstrap.ts: per record, each field's winning
 * op as [hlc, userId, value]) against the table's travelling `columns` (replicatedColumns), read in place: no operation object is made per field, the row id is
 * checked once per record, and a field's column once per field. A snapshot holds each clock once,
 * so a repeat is refused. Returns the number of ops; `eachAuthor` counts them per user, told once per
 * run of ops by the same user.
 */
export function validateSnapshotPage(
  columns: Map<string, ColumnInfo>,
  table: ReplicatedTable,
  rows: Array<[string, RowSnapshot]>,
  nowMs: number,
  seen: ClockSet,
  eachAuthor: (userId: string | null, ops: number) => void,
): number {
  const problems: string[] = []
  const where = (rowId: unknown, field: string) => `${table} ${String(rowId).slice(0, 60)} 的 ${field.slice(0, 40)}`
  const latest = latestClock(nowMs)
  let count = 0
  let author: string | null = null
  let authored = 0
  for (const [rowId, snapshot] of rows) {
    if (problems.length >= 5) break
    const rowProblem = rowIdProblem(table, rowId) ?? (typeof snapshot !== 'object' || snapshot === null || Array.isArray(snapshot) ? '快照格式错误' : null)
    if (rowProblem) {
      problems.push(`${table} ${String(rowId).slice(0, 60)}：${rowProblem}`)
      continue
    }
    for (const field in snapshot) {
      const entry = snapshot[field] as unknown
      count += 1
      if (!Array.isArray(entry) || entry.length !== 3) {
        problems.push(`${where(rowId, field)}：快照格式错误`)
        break
      }
      const [hlc, userId, value] = entry as [unknown, unknown, unknown]
      const problem =
        typeof hlc !== 'string' || !HLC_PATTERN.test(hlc)
          ? `时钟戳格式错误（${String(hlc).slice(0, 60)}）`
          : (stampProblem(hlc, userId, latest) ?? valueProblem(columns, table, field, value) ?? (seen.add(hlc) ? null : '同一时钟戳出现了两次（可能是伪造的）'))
      if (problem) {
        problems.push(`${where(rowId, field)}：${problem}`)
        break
      }
      if (userId !== author) {
        if (authored > 0) eachAuthor(author, authored)
        author = userId as string | null
        authored = 0
      }
      authored += 1
    }
  }
  if (problems.length > 0) throw refused(problems.join('；'), { problems })
  if (authored > 0) eachAuthor(author, authored)
  return count
}
