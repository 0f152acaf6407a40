import type { searchContract } from '../contract/search'
import type { HandlerSlice } from './types'

export const searchHandlers: HandlerSlice<keyof typeof searchContract> = {}
