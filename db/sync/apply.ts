import type { Ctx } from '../context'
import type { ApplySource, ApplySummary, Operation } from './operation'

export async function applyReceived(_ctx: Ctx, _ops: Operation[], _source: ApplySource): Promise<ApplySummary> {
  throw new Error('applyOperations: being written (sync-core)')
}
