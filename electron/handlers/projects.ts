import type { projectsContract } from '../contract/projects'
import type { HandlerSlice } from './types'

export const projectsHandlers: HandlerSlice<keyof typeof projectsContract> = {}
