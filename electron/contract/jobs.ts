// Long jobs: their progress travels on the event channel (job-progress, see events.ts); this is
// the one call about them.
import { z } from 'zod'
import { method } from './define'

export const jobsContract = {
  /** Stops a cancellable job at its next step (nothing it began is kept); cancelled: false when it already ended. */
  'job-cancel': method(z.object({ jobId: z.string().min(1).max(100) })).returns<{ cancelled: boolean }>(),
}
