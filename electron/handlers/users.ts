import type { usersContract } from '../contract/users'
import * as users from '../../db/services/users'
import type { HandlerSlice } from './types'

export const usersHandlers: HandlerSlice<keyof typeof usersContract> = {
  'user-list': (input, { ctx }) => users.listUsers(ctx, input),
  'user-create': (input, { ctx }) => users.createUser(ctx, input),
  'user-update': (input, { ctx }) => users.updateUser(ctx, input),
  'user-delete': async ({ id }, { ctx }) => (await users.deleteUser(ctx, id), null),
  'user-restore': ({ id }, { ctx }) => users.restoreUser(ctx, id),
  'session-get': (_, { ctx }) => users.getSession(ctx),
  'session-set-user': ({ userId }, { ctx }) => users.setCurrentUser(ctx, userId),
}
