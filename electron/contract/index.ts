// The one API contract: every method the renderer, the web server and the command line may call.
// Adding a call: one entry in a slice here, one handler in electron/handlers and its method → slice
// line in electron/handlers/slices.ts (tsc fails until it is there). Names are noun-verb.
// Shared by the renderer and the backend: no Node or DOM imports.
import type { z } from 'zod'
import type { Result } from '../../db/domain/errors'
import { catalogContract } from './catalog'
import { followupsContract } from './followups'
import { hubContract } from './hub'
import { investorsContract } from './investors'
import { jobsContract } from './jobs'
import { ledgerContract } from './ledger'
import { parkContract } from './parks'
import { projectsContract } from './projects'
import { reportsContract } from './reports'
import { searchContract } from './search'
import { storageContract } from './storage'
import { syncContract } from './sync'
import { systemContract } from './system'
import { usersContract } from './users'

export const contract = {
  ...systemContract,
  ...parkContract,
  ...usersContract,
  ...catalogContract,
  ...investorsContract,
  ...projectsContract,
  ...followupsContract,
  ...searchContract,
  ...storageContract,
  ...reportsContract,
  ...ledgerContract,
  ...hubContract,
  ...syncContract,
  ...jobsContract,
}

export type Contract = typeof contract
export type MethodName = keyof Contract
export type Input<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>
export type Output<M extends MethodName> = Contract[M]['output']

export type ApiResult<M extends MethodName> = Result<Output<M>>

export type { ApiError, ErrorCode, Result } from '../../db/domain/errors'
