// The preload's whole surface: one invoke entry point and one event subscription.
import type { Result } from '../../db/domain/errors'

export const INVOKE_CHANNEL = 'crm:invoke'
export const EVENT_CHANNEL = 'crm:event'

/** Events the backend pushes to the renderer (reminders fall due, long jobs progress). */
export interface BackendEvents {
  'reminders-due': { count: number }
  progress: { job: string; done: number; total: number | null }
}

export interface CrmBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>
  on<E extends keyof BackendEvents>(event: E, listener: (payload: BackendEvents[E]) => void): () => void
}
