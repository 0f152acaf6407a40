// Sync packages: a gzip file of JSON lines — a header (team, schema version, sender, what the
// sender holds, checksum), then one operation per line — carrying what the receiver has not
// seen. A package is checked whole before anything is applied, and applied in one transaction.
import { createHash } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import { type Ctx, inTransaction, newId, nowIso } from '../context'
import { MIGRATIONS } from '../migrations'
import { applyValidated } from './apply'
import { ensureReplica, teamIdOf, TEAM_KEY, writeSetting } from './identity'
import { localWatermarks, readOperationsAfter } from './log'
import { type ApplySummary, type Operation, REPLICA_PATTERN, type Watermarks } from './operation'
import { refused, validateOperations } from './validate'

export const PACKAGE_FORMAT = 'zhaoshang-crm-sync'
export const PACKAGE_VERSION = 1
export const PACKAGE_LIMITS = {
  /** Compressed file size: a whole city's log compresses well below this. */
  maxFileBytes: 512 * 1024 * 1024,
  /** Unpacked size: a zip bomb stops here. */
  maxUnpackedBytes: 2 * 1024 * 1024 * 1024 - 1,
  maxOps: 5_000_000,
}

export interface PackageHeader {
  format: typeof PACKAGE_FORMAT
  version: number
  teamId: string
  /** The sender's newest migration: a receiver that does not know it is older and must upgrade. */
  schemaVersion: string
  sender: string
  /** Null: for any receiver (everything every known peer may lack). */
  receiver: string | null
  /** What the sender held when it wrote the package: the receiver's acknowledgement of it. */
  watermarks: Watermarks
  createdAt: string
  opCount: number
  /** sha256 of the operation lines (joined by '\n'). */
  sha256: string
}

export interface ExportResult {
  bytes: Buffer
  header: PackageHeader
}

export interface ImportResult extends ApplySummary {
  sender: string
  teamId: string
  /** The database had no team yet and joined the package's. */
  joinedTeam: boolean
}

const schemaVersion = () => Object.keys(MIGRATIONS).at(-1)!

/** The team id; a database without one starts a new team now. Inside a transaction. */
export function ensureTeam(ctx: Ctx): string {
  const existing = teamIdOf(ctx.sqlite)
  if (existing) return existing
  const teamId = newId()
  writeSetting(ctx, TEAM_KEY, teamId)
  return teamId
}

/** What a peer has acknowledged: per origin, the greatest hlc it told us it holds. */
export function peerWatermarks(ctx: Ctx, peerId: string): Watermarks {
  const rows = ctx.sqlite.prepare('SELECT origin_id AS o, hlc FROM sync_watermark WHERE peer_id = ?').all(peerId) as { o: string; hlc: string }[]
  return Object.fromEntries(rows.map((row) => [row.o, row.hlc]))
}

/** For any receiver: per origin, the least that every known peer holds ('' when one lacks it all). */
function commonWatermarks(ctx: Ctx): Watermarks {
  const peers = ctx.sqlite.prepare('SELECT DISTINCT peer_id AS p FROM sync_watermark').all() as { p: string }[]
  if (peers.length === 0) return {}
  const origins = Object.keys(localWatermarks(ctx.sqlite))
  const marks = peers.map(({ p }) => peerWatermarks(ctx, p))
  const common: Watermarks = {}
  for (const origin of origins) {
    const least = marks.map((m) => m[origin] ?? '').reduce((a, b) => (a < b ? a : b))
    if (least) common[origin] = least
  }
  return common
}

export async function exportPackage(ctx: Ctx, options: { forReplica?: string } = {}): Promise<ExportResult> {
  if (options.forReplica !== undefined && !REPLICA_PATTERN.test(options.forReplica)) throw refused('接收方电脑编号格式错误')
  return inTransaction(ctx, async () => {
    const sender = ensureReplica(ctx)
    const teamId = ensureTeam(ctx)
    const after = options.forReplica ? peerWatermarks(ctx, options.forReplica) : commonWatermarks(ctx)
    const ops = readOperationsAfter(ctx.sqlite, after, PACKAGE_LIMITS.maxOps)
    const lines = ops.map((op) => JSON.stringify(op))
    const body = lines.join('\n')
    const header: PackageHeader = {
      format: PACKAGE_FORMAT,
      version: PACKAGE_VERSION,
      teamId,
      schemaVersion: schemaVersion(),
      sender,
      receiver: options.forReplica ?? null,
      watermarks: localWatermarks(ctx.sqlite),
      createdAt: nowIso(ctx),
      opCount: ops.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    }
    const text = lines.length > 0 ? `${JSON.stringify(header)}\n${body}\n` : `${JSON.stringify(header)}\n`
    return { bytes: gzipSync(Buffer.from(text, 'utf8')), header }
  })
}

/** Unpacks and checks a package whole; nothing is written. */
export function readPackage(bytes: Buffer): { header: PackageHeader; ops: unknown[] } {
  if (bytes.length > PACKAGE_LIMITS.maxFileBytes) throw refused(`文件过大（${bytes.length} 字节），不是有效的同步包`)
  let text: string
  try {
    text = gunzipSync(bytes, { maxOutputLength: PACKAGE_LIMITS.maxUnpackedBytes }).toString('utf8')
  } catch (error) {
    const tooBig = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
    throw refused(tooBig ? '解压后内容过大，不是有效的同步包' : '文件不是同步包（无法解压），请确认选择了“导出同步包”生成的文件')
  }
  const firstBreak = text.indexOf('\n')
  let header: PackageHeader
  try {
    header = JSON.parse(firstBreak < 0 ? text : text.slice(0, firstBreak)) as PackageHeader
  } catch {
    throw refused('同步包的文件头已损坏')
  }
  if (header?.format !== PACKAGE_FORMAT) throw refused('文件不是本软件的同步包')
  if (header.version !== PACKAGE_VERSION) throw refused(`同步包格式版本 ${String(header.version)} 本机不认识，请把两台电脑的软件升级到同一版本`)
  if (typeof header.teamId !== 'string' || !REPLICA_PATTERN.test(header.teamId)) throw refused('同步包的团队编号格式错误')
  if (typeof header.sender !== 'string' || !REPLICA_PATTERN.test(header.sender)) throw refused('同步包的发送方编号格式错误')
  if (typeof header.schemaVersion !== 'string' || !(header.schemaVersion in MIGRATIONS)) {
    throw refused(`同步包来自较新版本的软件（数据结构 ${String(header.schemaVersion).slice(0, 40)}），请先升级本机软件`)
  }
  if (typeof header.watermarks !== 'object' || header.watermarks === null || Array.isArray(header.watermarks)) throw refused('同步包的进度信息格式错误')
  for (const [origin, hlc] of Object.entries(header.watermarks)) {
    if (!REPLICA_PATTERN.test(origin) || typeof hlc !== 'string' || !hlc.endsWith(`-${origin}`)) throw refused('同步包的进度信息格式错误')
  }
  const body = firstBreak < 0 ? '' : text.slice(firstBreak + 1).replace(/\n$/, '')
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw refused('校验和不符：同步包在传输中损坏或被改动过，请重新导出')
  const lines = body === '' ? [] : body.split('\n')
  if (lines.length !== header.opCount || lines.length > PACKAGE_LIMITS.maxOps) throw refused('同步包中的操作条数与文件头不符')
  const ops = lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown
    } catch {
      throw refused(`第 ${i + 1} 条操作不是有效的 JSON`)
    }
  })
  return { header, ops }
}

export async function importPackage(ctx: Ctx, bytes: Buffer, label: string): Promise<ImportResult> {
  const { header, ops } = readPackage(bytes)
  const validated: Operation[] = validateOperations(ctx.sqlite, ops, ctx.now().getTime())
  return inTransaction(ctx, async () => {
    const local = ensureReplica(ctx)
    if (header.sender === local) throw refused('这是本机自己导出的同步包，无需导入')
    if (header.receiver !== null && header.receiver !== local) throw refused(`这个同步包是发给另一台电脑（${header.receiver}）的`)
    const team = teamIdOf(ctx.sqlite)
    if (team !== null && team !== header.teamId) throw refused('同步包属于另一个团队，不能导入本数据库')
    if (team === null) writeSetting(ctx, TEAM_KEY, header.teamId)
    const summary = applyValidated(ctx, validated, { kind: 'file', label, seen: header.watermarks })
    rememberPeer(ctx, header.sender, header.watermarks)
    return { ...summary, sender: header.sender, teamId: header.teamId, joinedTeam: team === null }
  })
}

/** Keeps the greatest hlc per origin that the peer has told us it holds. */
function rememberPeer(ctx: Ctx, peerId: string, marks: Watermarks): void {
  const upsert = ctx.sqlite.prepare(
    `INSERT INTO sync_watermark (peer_id, origin_id, hlc, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (peer_id, origin_id) DO UPDATE SET hlc = max(hlc, excluded.hlc), updated_at = excluded.updated_at`,
  )
  for (const [origin, hlc] of Object.entries(marks)) upsert.run(peerId, origin, hlc, nowIso(ctx))
}
