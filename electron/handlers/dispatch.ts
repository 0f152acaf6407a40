// The single entry point of every shell: validate the input against the contract, run the handler,
// and turn any failure into a typed, readable error. Nothing throws past this function.
import { z } from 'zod'
import { type Locale, isLocale, localizeError } from '../../db/domain/error-text'
import { AppError, type ApiError, type Result } from '../../db/domain/errors'
import { logFor } from '../../db/log'
import { asWriter } from '../../db/written-tables'
import { diskFullError, isDiskFull } from '../../db/storage/disk-full'
import type { DataChange } from '../contract/events'
import { createOnce, takeClientRequestId } from './client-request'
import { announceWritesOutsideCalls } from './events-bus'
import { isMethodName, methodRunner } from './slices'
import type { HandlerEnv } from './types'

z.config(z.locales.zhCN())

const englishIssue = z.locales.en().localeError

function validationError(error: z.ZodError, locale: Locale = 'zh'): ApiError {
  const issues = error.issues.map((issue) => {
    // the schemas' own messages are Chinese; zod's English words say the same by the issue's code
    const english = locale === 'en' ? englishIssue(issue as Parameters<typeof englishIssue>[0]) : undefined
    const message = (typeof english === 'string' ? english : english?.message) ?? issue.message
    return { path: issue.path.map(String).join('.'), message }
  })
  const first = issues[0]
  const colon = locale === 'en' ? ': ' : '：'
  const message = first ? (first.path ? `${first.path}${colon}${first.message}` : first.message) : locale === 'en' ? 'The input is not valid' : '输入不正确'
  return { code: 'validation', message, details: { issues } }
}

/** SQLite's own constraints are the last line of defence; say which rule a write broke. */
function sqliteError(error: Error & { code?: string }): ApiError | null {
  if (typeof error.code !== 'string' || !error.code.startsWith('SQLITE_')) return null
  if (error.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: `数据不符合约束：${error.message}`, details: { sqlite: error.code } }
  }
  if (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_READONLY') {
    return { code: 'db_unavailable', message: `数据库正忙或只读：${error.message}`, details: { sqlite: error.code } }
  }
  return null
}

/** dataDir: the database's folder, to tell a full disk behind SQLite's "cannot rollback". */
export function toApiError(error: unknown, dataDir?: string | null): ApiError {
  if (error instanceof AppError) return error.toJSON()
  if (isDiskFull(error, dataDir)) return diskFullError().toJSON()
  if (error instanceof z.ZodError) return validationError(error)
  if (error instanceof Error) {
    const known = sqliteError(error)
    if (known) return known
    console.error(error)
    return { code: 'internal', message: `内部错误：${error.message}` }
  }
  return { code: 'internal', message: `内部错误：${String(error)}` }
}

/** Calls slower than this are written to the log (method and milliseconds) for diagnosis. */
export const SLOW_CALL_MS = 100

/** A call's answer; `changed` rides beside the value so the caller refreshes only what the write touched. */
export type DispatchResult = Result<unknown> & { changed?: DataChange }

export async function dispatch(env: HandlerEnv, method: string, input: unknown): Promise<DispatchResult> {
  const started = performance.now()
  // The call is a writer of its own: its answer carries only the tables it wrote (a read none).
  const { value: result, tables } = await asWriter<DispatchResult>(() => answer(env, method, input))
  const ms = Math.round(performance.now() - started)
  if (ms > SLOW_CALL_MS) logFor(env.ctx.dataDir).write('slow_call', { method, ms, ok: result.ok })
  // After the call: a restore has swapped the connection, whose other writers announce here too.
  announceWritesOutsideCalls(env)
  if (tables.length > 0) {
    const seq = env.events ? env.events.dataChanged(tables, env.shell) : 0
    if (result.ok) result.changed = { tables, seq }
  }
  return result
}

/**
 * The field every call's input may carry: the caller's UI language. Taken off before the
 * contract's schema sees the input; errors then come back in that language.
 */
export const LOCALE_FIELD = 'locale'

function takeLocale(input: unknown): { locale: Locale; input: unknown } {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !(LOCALE_FIELD in input)) return { locale: 'zh', input }
  const { [LOCALE_FIELD]: locale, ...rest } = input as Record<string, unknown>
  return { locale: isLocale(locale) ? locale : 'zh', input: rest }
}

async function answer(env: HandlerEnv, method: string, localized: unknown): Promise<Result<unknown>> {
  const { locale, input } = takeLocale(localized)
  if (!isMethodName(method)) {
    return { ok: false, error: localizeError({ code: 'unknown_method', message: `没有这个接口：${method}` }, locale) }
  }
  try {
    const request = takeClientRequestId(method, input)
    const { spec, handler } = await methodRunner(method)
    const parsed = spec.input.safeParse(request.input ?? {})
    if (!parsed.success) return { ok: false, error: validationError(parsed.error, locale) }
    const run = () => handler(parsed.data, env)
    const value = await (request.clientRequestId ? createOnce(env.ctx, method, request.clientRequestId, run) : run())
    return { ok: true, value: value === undefined ? null : value }
  } catch (error) {
    return { ok: false, error: localizeError(toApiError(error, env.ctx.dataDir), locale, error instanceof AppError ? error.en : undefined) }
  }
}
