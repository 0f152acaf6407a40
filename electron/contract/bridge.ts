// The preload's whole surface: one invoke entry point and one event subscription.
import type { Result } from '../../db/domain/errors'
import type { BackendEvents } from './events'

export const INVOKE_CHANNEL = 'crm:invoke'
export const EVENT_CHANNEL = 'crm:event'

export type { BackendEvents } from './events'

export interface CrmBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>
  on<E extends keyof BackendEvents>(event: E, listener: (payload: BackendEvents[E]) => void): () => void
}
