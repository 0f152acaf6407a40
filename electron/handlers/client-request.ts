// A create sent twice (double click on 保存, Ctrl+Enter pressed twice, a retry after a dropped
// connection) must create once. The renderer sends one client request id per intended create;
// the first answer is kept in client_request and returned to every repeat. Requests still running
// are shared in memory: the second click arrives while the first is awaiting its transaction.
import { type Ctx, nowIso } from '../../db/context'
import { AppError } from '../../db/domain/errors'

/** The field a create's input may carry; taken off before the contract's schema sees the input. */
export const CLIENT_REQUEST_FIELD = 'clientRequestId'
const ID = /^[0-9A-Za-z_-]{8,64}$/

// Per database: tests and the sync code may hold several open at once.
const runningByDb = new WeakMap<object, Map<string, Promise<unknown>>>()

/** Splits the client request id off an input object; only creates are de-duplicated. */
export function takeClientRequestId(method: string, input: unknown): { clientRequestId: string | null; input: unknown } {
  if (!method.endsWith('-create') || typeof input !== 'object' || input === null || !(CLIENT_REQUEST_FIELD in input)) {
    return { clientRequestId: null, input }
  }
  const { [CLIENT_REQUEST_FIELD]: id, ...rest } = input as Record<string, unknown>
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new AppError('validation', '请求编号格式不正确（8–64 位字母、数字、- 或 _）')
  }
  return { clientRequestId: id, input: rest }
}

/** Runs `create` once per client request id; repeats get the first answer. */
export async function createOnce(ctx: Ctx, method: string, clientRequestId: string, create: () => Promise<unknown>): Promise<unknown> {
  let running = runningByDb.get(ctx.db)
  if (!running) runningByDb.set(ctx.db, (running = new Map()))
  const key = `${method}\u0000${clientRequestId}`
  const inFlight = running.get(key)
  if (inFlight) return inFlight
  const work = (async () => {
    const kept = await ctx.db.selectFrom('clientRequest').select(['method', 'result']).where('id', '=', clientRequestId).executeTakeFirst()
    if (kept) {
      if (kept.method !== method) throw new AppError('conflict', `请求编号已被另一种操作使用（${kept.method}），请重新打开表单再保存`)
      return JSON.parse(kept.result) as unknown
    }
    const value = await create()
    const resultId = typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null
    await ctx.db
      .insertInto('clientRequest')
      .values({ id: clientRequestId, method, resultId, result: JSON.stringify(value ?? null), at: nowIso(ctx) })
      .execute()
    return value
  })()
  running.set(key, work)
  try {
    return await work
  } finally {
    running.delete(key)
  }
}
