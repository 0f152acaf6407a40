// Which slice of the contract and of the handler map answers each method, and those slices loaded
// at the first call of one of their methods. A command-line call starts a process for one call: it
// loads the schemas and services of its own slice, not those of all fourteen (building every
// domain's zod schemas was most of a call's start-up; bench case 10). TypeScript checks that the
// table names every method of the contract, each with the slice that declares it.

import type { z } from 'zod'
import type { catalogContract } from '../contract/catalog'
import type { followupsContract } from '../contract/followups'
import type { hubContract } from '../contract/hub'
import type { investorsContract } from '../contract/investors'
import type { jobsContract } from '../contract/jobs'
import type { ledgerContract } from '../contract/ledger'
import type { parkContract } from '../contract/parks'
import type { projectsContract } from '../contract/projects'
import type { reportsContract } from '../contract/reports'
import type { searchContract } from '../contract/search'
import type { storageContract } from '../contract/storage'
import type { syncContract } from '../contract/sync'
import type { systemContract } from '../contract/system'
import type { usersContract } from '../contract/users'
import type { MethodName } from '../contract'
import type { MethodSpec } from '../contract/define'
import type { HandlerEnv, HandlerSlice } from './types'

interface SliceContracts {
  system: typeof systemContract
  parks: typeof parkContract
  users: typeof usersContract
  catalog: typeof catalogContract
  investors: typeof investorsContract
  projects: typeof projectsContract
  followups: typeof followupsContract
  search: typeof searchContract
  storage: typeof storageContract
  reports: typeof reportsContract
  ledger: typeof ledgerContract
  hub: typeof hubContract
  sync: typeof syncContract
  jobs: typeof jobsContract
}
type SliceName = keyof SliceContracts
/** The slice whose contract declares method M. */
type SliceOf<M extends MethodName> = { [S in SliceName]: M extends keyof SliceContracts[S] ? S : never }[SliceName]

const METHOD_SLICE: { [M in MethodName]: SliceOf<M> } = {
  'app-info': 'system',
  'demo-seed': 'system',
  'district-list': 'parks',
  'district-create': 'parks',
  'district-update': 'parks',
  'district-delete': 'parks',
  'district-restore': 'parks',
  'park-list': 'parks',
  'park-get': 'parks',
  'park-create': 'parks',
  'park-update': 'parks',
  'park-delete': 'parks',
  'park-restore': 'parks',
  'user-list': 'users',
  'user-create': 'users',
  'user-update': 'users',
  'user-delete': 'users',
  'user-restore': 'users',
  'session-get': 'users',
  'session-set-user': 'users',
  'industry-list': 'catalog',
  'industry-create': 'catalog',
  'industry-update': 'catalog',
  'industry-delete': 'catalog',
  'industry-restore': 'catalog',
  'tag-list': 'catalog',
  'tag-create': 'catalog',
  'tag-update': 'catalog',
  'tag-delete': 'catalog',
  'tag-restore': 'catalog',
  'investor-list': 'investors',
  'investor-get': 'investors',
  'investor-create': 'investors',
  'investor-update': 'investors',
  'investor-delete': 'investors',
  'investor-restore': 'investors',
  'investor-duplicates': 'investors',
  'investor-merge-preview': 'investors',
  'investor-merge': 'investors',
  'contact-create': 'investors',
  'contact-update': 'investors',
  'contact-delete': 'investors',
  'contact-restore': 'investors',
  'project-create': 'projects',
  'project-update': 'projects',
  'project-get': 'projects',
  'project-delete': 'projects',
  'project-restore': 'projects',
  'project-stage-change': 'projects',
  'project-list': 'projects',
  'project-board': 'projects',
  'negotiation-list': 'followups',
  'negotiation-get': 'followups',
  'negotiation-create': 'followups',
  'negotiation-update': 'followups',
  'negotiation-delete': 'followups',
  'negotiation-restore': 'followups',
  'negotiation-complete-step': 'followups',
  'negotiation-due-summary': 'followups',
  'agreement-list-by-project': 'followups',
  'agreement-create': 'followups',
  'agreement-update': 'followups',
  'agreement-delete': 'followups',
  'agreement-restore': 'followups',
  'funds-list': 'followups',
  'funds-summary': 'followups',
  'funds-create': 'followups',
  'funds-update': 'followups',
  'funds-delete': 'followups',
  'funds-restore': 'followups',
  'request-list': 'followups',
  'request-get': 'followups',
  'request-create': 'followups',
  'request-update': 'followups',
  'request-advance': 'followups',
  'request-delete': 'followups',
  'request-restore': 'followups',
  'event-list': 'followups',
  'event-get': 'followups',
  'event-create': 'followups',
  'event-update': 'followups',
  'event-delete': 'followups',
  'event-restore': 'followups',
  'target-list': 'followups',
  'target-set': 'followups',
  'target-delete': 'followups',
  search: 'search',
  'search-reindex': 'search',
  'history-list': 'search',
  'recycle-list': 'search',
  'recycle-restore': 'search',
  'recycle-purge': 'search',
  'attachment-add': 'search',
  'attachment-add-path': 'search',
  'attachment-add-upload': 'search',
  'attachment-list': 'search',
  'attachment-read': 'search',
  'attachment-remove': 'search',
  'backup-create': 'storage',
  'backup-list': 'storage',
  'backup-restore': 'storage',
  'backup-settings-get': 'storage',
  'backup-settings-set': 'storage',
  'storage-check': 'storage',
  'report-funnel': 'reports',
  'report-flow': 'reports',
  'report-breakdown': 'reports',
  'report-targets': 'reports',
  'report-exceptions': 'reports',
  'report-rates': 'reports',
  'report-activity': 'reports',
  'report-drill': 'reports',
  'report-tab-export': 'reports',
  'ledger-import-preview': 'ledger',
  'ledger-import': 'ledger',
  'ledger-import-errors': 'ledger',
  'ledger-import-batches': 'ledger',
  'ledger-import-undo': 'ledger',
  'ledger-template-list': 'ledger',
  'ledger-template-save': 'ledger',
  'ledger-template-delete': 'ledger',
  'ledger-export': 'ledger',
  'report-export': 'ledger',
  'project-list-export': 'ledger',
  'investor-list-export': 'ledger',
  'negotiation-list-export': 'ledger',
  'hub-status': 'hub',
  'hub-configure': 'hub',
  'hub-sync-now': 'hub',
  'hub-test-connection': 'hub',
  'sync-status': 'sync',
  'sync-export': 'sync',
  'sync-import': 'sync',
  'sync-merge-list': 'sync',
  'sync-merge-undo': 'sync',
  'sync-review-list': 'sync',
  'sync-review-resolve': 'sync',
  'job-cancel': 'jobs',
}

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(METHOD_SLICE, name)

/** One method's input schema and handler, as dispatch runs them. */
export interface MethodRunner {
  spec: MethodSpec<z.ZodType, unknown>
  handler: (input: unknown, env: HandlerEnv) => Promise<unknown>
}

type LoadedSlice<S extends SliceName> = { contract: SliceContracts[S]; handlers: HandlerSlice<keyof SliceContracts[S] & MethodName> }

const LOADERS: { [S in SliceName]: () => Promise<LoadedSlice<S>> } = {
  system: async () => ({ contract: (await import('../contract/system')).systemContract, handlers: (await import('./system')).systemHandlers }),
  parks: async () => ({ contract: (await import('../contract/parks')).parkContract, handlers: (await import('./parks')).parkHandlers }),
  users: async () => ({ contract: (await import('../contract/users')).usersContract, handlers: (await import('./users')).usersHandlers }),
  catalog: async () => ({ contract: (await import('../contract/catalog')).catalogContract, handlers: (await import('./catalog')).catalogHandlers }),
  investors: async () => ({ contract: (await import('../contract/investors')).investorsContract, handlers: (await import('./investors')).investorsHandlers }),
  projects: async () => ({ contract: (await import('../contract/projects')).projectsContract, handlers: (await import('./projects')).projectsHandlers }),
  followups: async () => ({ contract: (await import('../contract/followups')).followupsContract, handlers: (await import('./followups')).followupsHandlers }),
  search: async () => ({ contract: (await import('../contract/search')).searchContract, handlers: (await import('./search')).searchHandlers }),
  storage: async () => ({ contract: (await import('../contract/storage')).storageContract, handlers: (await import('./storage')).storageHandlers }),
  reports: async () => ({ contract: (await import('../contract/reports')).reportsContract, handlers: (await import('./reports')).reportsHandlers }),
  ledger: async () => ({ contract: (await import('../contract/ledger')).ledgerContract, handlers: (await import('./ledger')).ledgerHandlers }),
  hub: async () => ({ contract: (await import('../contract/hub')).hubContract, handlers: (await import('./hub')).hubHandlers }),
  sync: async () => ({ contract: (await import('../contract/sync')).syncContract, handlers: (await import('./sync')).syncHandlers }),
  jobs: async () => ({ contract: (await import('../contract/jobs')).jobsContract, handlers: (await import('./jobs')).jobsHandlers }),
}

const loaded = new Map<SliceName, Promise<LoadedSlice<SliceName>>>()

function sliceOf(name: SliceName): Promise<LoadedSlice<SliceName>> {
  let slice = loaded.get(name)
  if (!slice) {
    slice = LOADERS[name]() as Promise<LoadedSlice<SliceName>>
    loaded.set(name, slice)
  }
  return slice
}

/** The method's schema and handler; its slice is imported at the first call of one of its methods. */
export async function methodRunner(method: MethodName): Promise<MethodRunner> {
  const { contract, handlers } = await sliceOf(METHOD_SLICE[method])
  return {
    spec: (contract as Record<string, MethodRunner['spec']>)[method]!,
    handler: (handlers as Record<string, MethodRunner['handler']>)[method]!,
  }
}

/**
 * Loads every slice, one after another. The backend that serves a window (desktop and browser
 * mode) calls it once it is ready, so that the window's first calls do not wait for their slice's
 * modules and schemas; the command line does not, since a call needs only its own slice.
 */
export async function warmSlices(): Promise<void> {
  for (const name of Object.keys(LOADERS) as SliceName[]) await sliceOf(name)
}
