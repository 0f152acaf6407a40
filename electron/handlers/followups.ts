import type { followupsContract } from '../contract/followups'
import type { HandlerSlice } from './types'

export const followupsHandlers: HandlerSlice<keyof typeof followupsContract> = {}
