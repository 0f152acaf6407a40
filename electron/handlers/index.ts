// The handler map: one slice per domain file. TypeScript checks it covers the whole contract.
import { parkHandlers } from './parks'
import { systemHandlers } from './system'
import type { Handlers } from './types'

export const handlers: Handlers = {
  ...systemHandlers,
  ...parkHandlers,
}
