// The unit of sync: one field of one row set to one value at one moment of a hybrid logical clock.
// Shared contract with the hub transport (db/hub): keep these shapes stable.

export interface Operation {
  /** Globally unique and the sort key: `${hlc}` includes the replica id, so (hlc) orders all ops. */
  hlc: string
  /** 16+ chars, made once per database (setting 'sync.replicaId'). */
  replicaId: string
  /** The signed-in user who made the write. */
  userId: string | null
  /** Replicated table name as in db/schema.ts (camelCase kysely name, e.g. 'project', 'stageEvent'). */
  table: string
  /** The row's id; link tables: the composite key joined by ':'. */
  rowId: string
  /** Column (camelCase); '_deleted' for link-table membership, '_purged' for a row emptied from the recycle bin. */
  field: string
  /** JSON-safe scalar. */
  value: string | number | null
}

/** What one batch of received operations did to this database. */
export interface ApplySummary {
  received: number
  applied: number
  /** Already in the local log (a package imported twice, or ops relayed by two replicas). */
  skipped: number
  /** Rows that did not exist here before, per table. */
  added: Record<string, number>
  /** Existing rows that changed, per table. */
  changed: Record<string, number>
  /** Applied operations per author (user id; '' for writes without a signed-in user). */
  byUser: Record<string, number>
  /** Duplicates (same park, same investor) made on two laptops and merged into one. */
  merged: number
  /** Records whose merged state breaks a rule and wait for a person's look. */
  toReview: number
}

export interface ApplySource {
  kind: 'file' | 'hub'
  label: string
  /**
   * What the sender held when it sent these ops (a package header's watermarks). Used to tell a
   * concurrent edit (listed for review) from one made after seeing the other. Optional.
   */
  seen?: Watermarks
  /** Runs inside the apply transaction, after the ops (e.g. to save a hub cursor atomically). */
  inSameTransaction?: () => void
}

/** Per origin replica: the greatest hlc of that replica's ops that a database holds. */
export type Watermarks = Record<string, string>

/** Link-table membership and recycle-bin purge travel as pseudo-fields. */
export const DELETED_FIELD = '_deleted'
export const PURGED_FIELD = '_purged'

// ---- Hybrid logical clock ------------------------------------------------------------------
// <millis, 13 digits>-<counter, 4 hex>-<replicaId>: fixed width, so string order is clock order,
// and the replica id at the end breaks ties between laptops deterministically.

export const HLC_PATTERN = /^(\d{13})-([0-9a-f]{4})-([0-9A-Za-z]{16,40})$/
export const REPLICA_PATTERN = /^[0-9A-Za-z]{16,40}$/
const MAX_COUNTER = 0xffff

export interface HlcParts {
  millis: number
  counter: number
  replicaId: string
}

export function formatHlc({ millis, counter, replicaId }: HlcParts): string {
  return `${String(millis).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${replicaId}`
}

export function parseHlc(hlc: string): HlcParts | null {
  const match = HLC_PATTERN.exec(hlc)
  if (!match) return null
  return { millis: Number(match[1]), counter: parseInt(match[2]!, 16), replicaId: match[3]! }
}

/**
 * One replica's clock. send() stamps a local write; observe() moves the clock past a received op
 * so that whatever this replica writes next sorts after everything it has seen (causality).
 */
export class HybridClock {
  private millis = 0
  private counter = 0

  constructor(
    readonly replicaId: string,
    private readonly wallClock: () => number,
  ) {}

  send(): string {
    const wall = this.wallClock()
    if (wall > this.millis) {
      this.millis = wall
      this.counter = 0
    } else {
      this.counter += 1
      // 65,536 stamps in one millisecond: borrow the next millisecond rather than overflow.
      if (this.counter > MAX_COUNTER) {
        this.millis += 1
        this.counter = 0
      }
    }
    return formatHlc({ millis: this.millis, counter: this.counter, replicaId: this.replicaId })
  }

  observe(hlc: string): void {
    const parts = parseHlc(hlc)
    if (!parts) return
    if (parts.millis > this.millis || (parts.millis === this.millis && parts.counter > this.counter)) {
      this.millis = parts.millis
      this.counter = parts.counter
    }
  }
}
