import type { catalogContract } from '../contract/catalog'
import type { HandlerSlice } from './types'

export const catalogHandlers: HandlerSlice<keyof typeof catalogContract> = {}
