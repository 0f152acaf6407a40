// Exception lists: the projects and follow-ups that need a push, each with the person responsible.
// Project lists are conditions on `project p` (registered with filters.drillCondition so that a
// drill reproduces them); overdue next steps and requests are lists of those records.
import { type SqlBool, sql } from 'kysely'
import type { Ctx } from '../../context'
import { addDays, addMonths } from '../../domain/dates'
import type { ExceptionKind, ExceptionPerson, ExceptionRow, ExceptionsQuery, ExceptionsResult, ParsedDrill, ReportDrill } from '../../domain/report'
import { type Cond, SIGN_ON, and, drillCondition, numberSetting, parseDrill, readSetting, registerExceptionCondition, scopeDrill, today } from './filters'

type ProjectKind = NonNullable<ParsedDrill['exception']>['kind']

export const EXCEPTION_LABELS: Record<ExceptionKind, string> = {
  'signed-not-started': '签约未开工',
  'approved-not-started': '立项未开工',
  'started-idle': '开工未建设',
  'not-completed': '建设未竣工',
  'overdue-next-steps': '逾期未办的下一步',
  'no-followup': '长期未跟进',
  'overdue-requests': '逾期未办结的企业诉求',
}

/** Defaults, overridden by setting 'report_thresholds' (a JSON object with these keys). */
export const THRESHOLD_DEFAULTS: Record<ExceptionKind, { key: string; value: number }> = {
  'signed-not-started': { key: 'signedNotStartedMonths', value: 3 },
  'approved-not-started': { key: 'approvedNotStartedDays', value: 90 },
  'started-idle': { key: 'startedIdleDays', value: 180 },
  'not-completed': { key: 'notCompletedDays', value: 365 },
  'overdue-next-steps': { key: 'overdueNextStepDays', value: 0 },
  'no-followup': { key: 'noFollowupDays', value: 30 },
  'overdue-requests': { key: 'overdueRequestDays', value: 0 },
}

/** The date a project list counts its waiting from, as of a date (see docs/reports.md). */
function sinceOf(kind: ProjectKind, asOf: string) {
  const lastFollowup = sql`(SELECT max(n.happened_on) FROM negotiation n WHERE n.project_id = p.id AND n.deleted_at IS NULL AND n.happened_on <= ${asOf})`
  switch (kind) {
    case 'signed-not-started':
      return SIGN_ON
    case 'approved-not-started':
      return sql`coalesce(${SIGN_ON}, p.registered_on)`
    case 'not-completed':
      return sql`p.started_on`
    case 'started-idle':
      // The last sign of life: the stage change, any stage event, or a follow-up.
      return sql`max(p.stage_on, coalesce((SELECT max(e.happened_on) FROM stage_event e WHERE e.project_id = p.id AND e.deleted_at IS NULL AND e.happened_on <= ${asOf}), ''), coalesce(${lastFollowup}, ''))`
    case 'no-followup':
      return sql`max(p.reserve_on, coalesce(${lastFollowup}, ''))`
  }
}

const STAGES_OF: Record<ProjectKind, string[]> = {
  'signed-not-started': ['signed', 'registered'],
  'approved-not-started': ['signed', 'registered'],
  'started-idle': ['started'],
  'not-completed': ['started'],
  // Live projects before production: the main stages up to 竣工.
  'no-followup': ['lead', 'contacted', 'negotiating', 'signed', 'registered', 'started', 'completed'],
}

function cutoffOf(kind: ProjectKind, asOf: string, threshold: number): string {
  return kind === 'signed-not-started' ? addMonths(asOf, -threshold) : addDays(asOf, -threshold)
}

/** Membership of a project exception list as of a date. */
export function exceptionCondition({ kind, asOf, threshold }: NonNullable<ParsedDrill['exception']>): Cond {
  const conds: Cond[] = [sql<SqlBool>`p.stage IN (${sql.join(STAGES_OF[kind])})`, sql<SqlBool>`${sinceOf(kind, asOf)} <= ${cutoffOf(kind, asOf, threshold)}`]
  if (kind === 'signed-not-started' || kind === 'approved-not-started') conds.push(sql<SqlBool>`p.started_on IS NULL`)
  if (kind === 'started-idle' || kind === 'not-completed') conds.push(sql<SqlBool>`p.completed_on IS NULL`)
  return and(conds)
}
registerExceptionCondition(exceptionCondition)

async function thresholdOf(ctx: Ctx, query: ExceptionsQuery): Promise<number> {
  if (query.threshold !== undefined) return query.threshold
  const { key, value } = THRESHOLD_DEFAULTS[query.kind]
  return numberSetting((await readSetting(ctx, 'report_thresholds'))[key], value)
}

interface Listed {
  total: number
  rows: ExceptionRow[]
  byPerson: ExceptionPerson[]
}

const days = (asOf: string, since: unknown) => sql<number | null>`CAST(julianday(${asOf}) - julianday(${since}) AS INTEGER)`

async function projectList(ctx: Ctx, drill: ParsedDrill, kind: ProjectKind, asOf: string, query: ExceptionsQuery): Promise<Listed> {
  const where = drillCondition(drill)
  const since = sinceOf(kind, asOf)
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM project p WHERE ${where}`.execute(ctx.db)
  const rows = await sql<ExceptionRow>`SELECT p.id AS project_id, p.name AS project_name, p.stage, NULL AS record_id, NULL AS title,
      p.owner_id, u.name AS owner_name, ${since} AS since_on, ${days(asOf, since)} AS days, p.total_investment_yuan
    FROM project p LEFT JOIN user u ON u.id = p.owner_id
    WHERE ${where} ORDER BY since_on, p.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(ctx.db)
  const people = await sql<ExceptionPerson>`SELECT p.owner_id, u.name AS owner_name, count(*) AS count
    FROM project p LEFT JOIN user u ON u.id = p.owner_id WHERE ${where} GROUP BY p.owner_id ORDER BY count DESC, owner_name`.execute(ctx.db)
  return { total: total.rows[0]!.n, rows: rows.rows, byPerson: people.rows }
}

/**
 * Follow-ups and requests may be filed against an investor only: they pass when no project filter
 * is given; with one, their project must be live and match it. The person filter is the record's.
 */
function recordScope(query: ExceptionsQuery): Cond {
  const { ownerId: _owner, ...projectScope } = scopeDrill(query)
  const projectFilter = Object.keys(projectScope).length > 0
  const live = sql<SqlBool>`(p.id IS NOT NULL AND ${drillCondition(parseDrill(projectScope))})`
  return projectFilter ? live : sql<SqlBool>`(x.project_id IS NULL OR ${live})`
}

async function recordList(ctx: Ctx, kind: 'overdue-next-steps' | 'overdue-requests', asOf: string, threshold: number, query: ExceptionsQuery): Promise<Listed> {
  const cutoff = addDays(asOf, -threshold)
  const nextSteps = kind === 'overdue-next-steps'
  const from = nextSteps
    ? sql`(SELECT id, project_id, owner_id AS person_id, next_step AS title, next_due_on AS since_on FROM negotiation
        WHERE deleted_at IS NULL AND next_due_on IS NOT NULL AND next_done_on IS NULL AND next_due_on < ${cutoff})`
    : sql`(SELECT id, project_id, assignee_id AS person_id, title, deadline_on AS since_on FROM request
        WHERE deleted_at IS NULL AND deadline_on IS NOT NULL AND status NOT IN ('resolved','revisited') AND deadline_on < ${cutoff})`
  const conds = [recordScope(query)]
  if (query.ownerId !== undefined) conds.push(sql<SqlBool>`x.person_id = ${query.ownerId}`)
  const where = and(conds)
  const joins = sql`${from} x LEFT JOIN project p ON p.id = x.project_id LEFT JOIN user u ON u.id = x.person_id`
  const total = await sql<{ n: number }>`SELECT count(*) AS n FROM ${joins} WHERE ${where}`.execute(ctx.db)
  const rows = await sql<ExceptionRow>`SELECT x.project_id, p.name AS project_name, p.stage, x.id AS record_id, x.title,
      x.person_id AS owner_id, u.name AS owner_name, x.since_on, ${days(asOf, sql`x.since_on`)} AS days, p.total_investment_yuan
    FROM ${joins} WHERE ${where} ORDER BY x.since_on, x.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`.execute(ctx.db)
  const people = await sql<ExceptionPerson>`SELECT x.person_id AS owner_id, u.name AS owner_name, count(*) AS count
    FROM ${joins} WHERE ${where} GROUP BY x.person_id ORDER BY count DESC, owner_name`.execute(ctx.db)
  return { total: total.rows[0]!.n, rows: rows.rows, byPerson: people.rows }
}

export async function exceptionsReport(ctx: Ctx, query: ExceptionsQuery): Promise<ExceptionsResult> {
  const asOf = query.asOf ?? today(ctx)
  const threshold = await thresholdOf(ctx, query)
  const { kind } = query
  let listed: Listed
  let drill: ReportDrill | null = null
  if (kind === 'overdue-next-steps' || kind === 'overdue-requests') {
    listed = await recordList(ctx, kind, asOf, threshold, query)
  } else {
    drill = { ...scopeDrill(query), exception: { kind, asOf, threshold } }
    listed = await projectList(ctx, parseDrill(drill), kind, asOf, query)
  }
  return {
    kind,
    label: EXCEPTION_LABELS[kind],
    asOf,
    threshold,
    thresholdUnit: kind === 'signed-not-started' ? 'months' : 'days',
    page: query.page,
    pageSize: query.pageSize,
    ...listed,
    drill,
  }
}
