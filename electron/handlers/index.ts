// The handler map: one slice per domain file. TypeScript checks it covers the whole contract.
import { catalogHandlers } from './catalog'
import { followupsHandlers } from './followups'
import { hubHandlers } from './hub'
import { investorsHandlers } from './investors'
import { jobsHandlers } from './jobs'
import { ledgerHandlers } from './ledger'
import { parkHandlers } from './parks'
import { projectsHandlers } from './projects'
import { reportsHandlers } from './reports'
import { searchHandlers } from './search'
import { storageHandlers } from './storage'
import { syncHandlers } from './sync'
import { systemHandlers } from './system'
import type { Handlers } from './types'
import { usersHandlers } from './users'

export const handlers: Handlers = {
  ...systemHandlers,
  ...parkHandlers,
  ...usersHandlers,
  ...catalogHandlers,
  ...investorsHandlers,
  ...projectsHandlers,
  ...followupsHandlers,
  ...searchHandlers,
  ...storageHandlers,
  ...reportsHandlers,
  ...ledgerHandlers,
  ...hubHandlers,
  ...syncHandlers,
  ...jobsHandlers,
}
