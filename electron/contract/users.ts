// Users and the session (who is at the keyboard).
import { z } from 'zod'
import { ById } from '../../db/domain/park'
import { type Session, SessionSetUser, UserFields, UserListQuery, UserUpdate, type UserView } from '../../db/domain/user'
import type { User } from '../../db/schema'
import { method } from './define'

export const usersContract = {
  'user-list': method(UserListQuery).returns<UserView[]>(),
  'user-create': method(UserFields).returns<User>(),
  'user-update': method(UserUpdate).returns<User>(),
  'user-delete': method(ById).returns<null>(),
  'user-restore': method(ById).returns<User>(),
  'session-get': method(z.object({})).returns<Session>(),
  'session-set-user': method(SessionSetUser).returns<Session>(),
}
