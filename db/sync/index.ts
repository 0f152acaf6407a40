// The sync core's public face, shared with the hub transport (db/hub): identity, reading the
// operation log, and applying received operations.
import { type Ctx, inTransaction } from '../context'
import { applyReceived } from './apply'
import { ensureReplica, teamIdOf } from './identity'
import { readOperationsAfter, readOperationsFrom } from './log'
import type { ApplySource, ApplySummary, Operation, Watermarks } from './operation'

export type { ApplySource, ApplySummary, Operation, Watermarks } from './operation'

/** This database's team (null before starting or joining one) and replica id (made on first use). */
export async function getSyncIdentity(ctx: Ctx): Promise<{ teamId: string | null; replicaId: string }> {
  const replicaId = await inTransaction(ctx, async () => ensureReplica(ctx))
  return { teamId: teamIdOf(ctx.sqlite), replicaId }
}

/** Local log ops (from any replica) not covered by the watermark map, in hlc order. */
export async function readOperations(ctx: Ctx, after: Watermarks, limit: number): Promise<Operation[]> {
  return readOperationsAfter(ctx.sqlite, after, limit)
}

/** Local log ops after one hlc (all replicas, or only one), in hlc order. */
export async function readOperationsSince(ctx: Ctx, afterHlc: string | null, limit: number, onlyReplica?: string): Promise<Operation[]> {
  return readOperationsFrom(ctx.sqlite, afterHlc, limit, onlyReplica)
}

/**
 * Validates every op (refuses the whole batch with SyncRefusedError and a reason), then in ONE
 * transaction: logs the new ops (ops already known are skipped), applies last-writer-wins per
 * field, rebuilds derived data for touched rows, merges duplicates and lists what needs review.
 */
export async function applyOperations(ctx: Ctx, ops: Operation[], source: ApplySource): Promise<ApplySummary> {
  return applyReceived(ctx, ops, source)
}
