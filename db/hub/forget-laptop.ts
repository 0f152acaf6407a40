// `hub forget-laptop`: the hub stops waiting for a retired laptop. `hub compact` prunes only what
// every laptop in crm_hub.replica_cursor has read, so one laptop that never syncs again (handed back,
// broken, reinstalled) would hold the log's size back for ever. Forgetting it deletes its cursor, and
// nothing else: its operations stay, and if it ever syncs again its pull finds its cursor below the
// compaction point and takes the snapshot first (db/hub/sync.ts), so it still gets no gap.
//
// Run by the hub's owner: officers may only report their own cursor (note_read), never delete one.
import { connectHub } from './connect'
import { requireCurrentHub } from './compact'
import { LOG_SCHEMA } from './schema-sql'

/** A laptop the hub knows: how far it has read, under which login role, and when it last pulled. */
export interface KnownLaptop {
  teamId: string
  replicaId: string
  /** The PostgreSQL role its last pull came from (the officer). */
  author: string
  seq: string
  seenAt: string
}

const L = LOG_SCHEMA

/** A replica_cursor row as a KnownLaptop: what the refusal lists and what forgetting returns. */
const LAPTOP_COLUMNS = `team_id AS "teamId", replica_id AS "replicaId", author::text AS author, seq::text AS seq,
  to_char(seen_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI:SS') AS "seenAt"`

/** One laptop in the hub administrator's words. */
export const describeLaptop = (laptop: KnownLaptop): string => `${laptop.replicaId}（登录角色 ${laptop.author}，最后一次下载 ${laptop.seenAt.slice(0, 16).replace('T', ' ')}，读到第 ${laptop.seq} 条）`

/**
 * Deletes a laptop's cursor and returns what the hub knew of it. A replica id the hub does not know
 * is refused with the laptops it does know, so a mistyped id changes nothing.
 */
export async function forgetLaptop(options: { url: string; password: string | null }, replicaId: string): Promise<KnownLaptop> {
  const hub = await connectHub({ url: options.url, password: options.password })
  const { client } = hub
  try {
    await requireCurrentHub(client, 'hub forget-laptop')
    const forgotten = await client.query<KnownLaptop>(
      `DELETE FROM ${L}.replica_cursor WHERE replica_id = $1 RETURNING ${LAPTOP_COLUMNS}`,
      [replicaId],
    )
    const laptop = forgotten.rows[0]
    if (laptop) return laptop
    const known = await client.query<KnownLaptop>(`SELECT ${LAPTOP_COLUMNS} FROM ${L}.replica_cursor ORDER BY seen_at`)
    const list = known.rows.length === 0 ? '中心库还不认识任何电脑（还没有电脑从中心库下载过）。' : `中心库认识的电脑：${known.rows.map(describeLaptop).join('；')}。`
    throw new Error(`中心库不认识电脑 ${replicaId}，没有做任何修改。${list}电脑的编号见该电脑上 hub status 的“本机副本”。`)
  } finally {
    await hub.close()
  }
}
