import type { usersContract } from '../contract/users'
import type { HandlerSlice } from './types'

export const usersHandlers: HandlerSlice<keyof typeof usersContract> = {}
