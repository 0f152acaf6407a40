import type { investorsContract } from '../contract/investors'
import type { HandlerSlice } from './types'

export const investorsHandlers: HandlerSlice<keyof typeof investorsContract> = {}
