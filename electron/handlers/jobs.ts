import type { jobsContract } from '../contract/jobs'
import type { HandlerSlice } from './types'

export const jobsHandlers: HandlerSlice<keyof typeof jobsContract> = {
  'job-cancel': async ({ jobId }, { events }) => ({ cancelled: events?.cancel(jobId) ?? false }),
}
