// Users (the people who use the app on this laptop) and the session: who is at the keyboard.
import { z } from 'zod'
import type { User } from '../schema'
import { id, optionalText, phone, requiredText } from './fields'
import { USER_ROLE, type UserRole } from './vocab'

const role = z.enum(USER_ROLE.keys, { error: '角色不正确（招商专员、管理人员或包挂领导）' })

const UserBase = z.object({
  name: requiredText('姓名', 50),
  role,
  title: optionalText('职务', 50),
  phone,
})

export const UserFields = UserBase.extend({ role: role.default('staff') })
export type UserFields = z.output<typeof UserFields>

export const UserUpdate = UserBase.partial().extend({ id })
export type UserUpdate = z.output<typeof UserUpdate>

export const UserListQuery = z.object({ role: role.optional() })
export type UserListQuery = z.output<typeof UserListQuery>

export const SessionSetUser = z.object({ userId: id })
export type SessionSetUser = z.output<typeof SessionSetUser>

/** A user with the number of live projects they are responsible for (责任人). */
export interface UserView extends User {
  projectCount: number
}

export interface Session {
  /** The person at the keyboard: every write is stamped with them. */
  user: User | null
  /** Live users: 0 means the app should offer to create the first one. */
  userCount: number
}

export const roleLabel = (value: UserRole): string => USER_ROLE.labels[value]
