// Users and the person at the keyboard. The choice is kept in the database (setting
// 'current_user_id') so the laptop reopens as the same person.
import { type Ctx, type Trx, inTransaction, nowIso } from '../context'
import { conflict } from '../domain/errors'
import type { Session, UserFields, UserListQuery, UserUpdate, UserView } from '../domain/user'
import type { User } from '../schema'
import { deleteRecord, getLive, insertRecord, restoreRecord, updateRecord } from './records'

const WHAT = '用户'
export const CURRENT_USER_KEY = 'current_user_id'

export async function listUsers(ctx: Ctx, query: UserListQuery = {}): Promise<UserView[]> {
  return ctx.db
    .selectFrom('user as u')
    .selectAll('u')
    .select((eb) =>
      eb
        .selectFrom('project as p')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('p.ownerId', '=', 'u.id')
        .where('p.deletedAt', 'is', null)
        .as('projectCount'),
    )
    .where('u.deletedAt', 'is', null)
    .$if(query.role !== undefined, (q) => q.where('u.role', '=', query.role!))
    .orderBy('u.name')
    .orderBy('u.id')
    .execute() as Promise<UserView[]>
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  return await getLive(ctx.db, 'user', id, WHAT)
}

export async function createUser(ctx: Ctx, input: UserFields): Promise<User> {
  const id = await inTransaction(ctx, (trx) => insertRecord(trx, ctx, 'user', input))
  return getUser(ctx, id)
}

export async function updateUser(ctx: Ctx, { id, ...patch }: UserUpdate): Promise<User> {
  await inTransaction(ctx, (trx) => updateRecord(trx, ctx, 'user', id, patch, WHAT))
  return getUser(ctx, id)
}

export async function deleteUser(ctx: Ctx, id: string): Promise<void> {
  // The person at the keyboard would otherwise stamp every later write with a deleted user.
  if (id === ctx.userId) throw conflict('不能删除当前登录的用户，请先切换到其他用户')
  await inTransaction(ctx, (trx) => deleteRecord(trx, ctx, 'user', id, WHAT))
}

export async function restoreUser(ctx: Ctx, id: string): Promise<User> {
  await inTransaction(ctx, (trx) => restoreRecord(trx, ctx, 'user', id, WHAT))
  return getUser(ctx, id)
}

export async function getSession(ctx: Ctx): Promise<Session> {
  const user = ctx.userId
    ? ((await ctx.db.selectFrom('user').selectAll().where('id', '=', ctx.userId).where('deletedAt', 'is', null).executeTakeFirst()) ?? null)
    : null
  const { n } = await ctx.db
    .selectFrom('user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow()
  return { user, userCount: Number(n) }
}

async function writeSetting(trx: Trx, ctx: Ctx, key: string, value: unknown): Promise<void> {
  const row = { key, value: JSON.stringify(value), updatedAt: nowIso(ctx) }
  await trx
    .insertInto('setting')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updatedAt: row.updatedAt }))
    .execute()
}

/** Makes a user the person at the keyboard, for this session and the next opening of this database. */
export async function setCurrentUser(ctx: Ctx, userId: string): Promise<Session> {
  await inTransaction(ctx, async (trx) => {
    await getLive(trx, 'user', userId, WHAT)
    await writeSetting(trx, ctx, CURRENT_USER_KEY, userId)
  })
  ctx.userId = userId
  return getSession(ctx)
}

/** The user chosen last time on this database, if they still exist. */
export async function loadCurrentUser(ctx: Ctx): Promise<string | null> {
  const row = await ctx.db.selectFrom('setting').select('value').where('key', '=', CURRENT_USER_KEY).executeTakeFirst()
  if (!row) return null
  let userId: unknown
  try {
    userId = JSON.parse(row.value)
  } catch {
    return null
  }
  if (typeof userId !== 'string') return null
  const user = await ctx.db.selectFrom('user').select('id').where('id', '=', userId).where('deletedAt', 'is', null).executeTakeFirst()
  return user ? user.id : null
}

