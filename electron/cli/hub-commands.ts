// `hub init | sync | status | compact | forget-laptop`: the PostgreSQL hub from the command line.
import { inTransaction } from '../../db/context'
import { type HubStatus, SECRET_STORAGE_LABELS, formatBytes } from '../../db/domain/hub'
import { compactHub } from '../../db/hub/compact'
import { describeLaptop, forgetLaptop } from '../../db/hub/forget-laptop'
import { initHub } from '../../db/hub/init'
import { officerGrants, readerGrants } from '../../db/hub/schema-sql'
import { splitPassword } from '../../db/hub/settings'
import { getSyncIdentity } from '../../db/sync'
import { TEAM_KEY, writeSetting } from '../../db/sync/identity'
import { ensureTeam } from '../../db/sync/package'
import { stringOption } from './args'
import type { Command, CommandContext } from './command'

function printStatus(status: HubStatus): void {
  if (!status.configured) {
    console.log('尚未设置中心库。设置：npm run cli -- hub sync --url postgres://用户名:密码@服务器:5432/数据库名')
    return
  }
  console.log(`中心库：${status.url}`)
  console.log(`密码：${status.passwordStorage ? `已保存在${SECRET_STORAGE_LABELS[status.passwordStorage]}` : '未保存（可用环境变量 PGPASSWORD 提供）'}`)
  console.log(`团队：${status.teamId ?? '（尚未加入）'}，本机副本：${status.replicaId ?? '（尚未生成）'}`)
  console.log(`上次同步：${status.lastSyncAt ?? '从未'}，待上传操作：${status.pending}`)
  if (status.lastResult) {
    const r = status.lastResult
    console.log(`上次结果：上传 ${r.pushed}，下载 ${r.pulled}（新应用 ${r.applied}），合并重复 ${r.merged}，待核对 ${r.toReview}，${r.tls ? '加密连接' : '未加密连接'}，${r.ms} 毫秒`)
  }
  if (status.hubLog) {
    const log = status.hubLog
    console.log(`中心库日志：${log.operationsExact ? '' : '约 '}${log.operations.toLocaleString('zh-CN')} 条操作，占用 ${formatBytes(log.logBytes)}；关系副本（crm）占用 ${formatBytes(log.copyBytes)}（上次同步时测得）`)
  }
  if (status.lastError) console.log(`上次错误（${status.lastErrorAt}）：${status.lastError}`)
}

async function hubInit({ args, env }: CommandContext): Promise<void> {
  const url = stringOption(args, 'url')
  if (!url) throw new Error('缺少中心库地址：hub init --url postgres://管理员@服务器:5432/数据库名')
  const { url: bare, password } = splitPassword(url)
  const { ctx } = env
  const identity = await getSyncIdentity(ctx)
  const given = stringOption(args, 'team')
  // Without a team yet, this database starts one: everyone else joins it through the hub.
  const teamId = given ?? (await inTransaction(ctx, async () => ensureTeam(ctx)))
  const created = !given && !identity.teamId
  const result = await initHub({ url: bare, password, team: { id: teamId, name: stringOption(args, 'team-name') ?? '' } })
  if (given && !identity.teamId) await inTransaction(ctx, async () => writeSetting(ctx, TEAM_KEY, given))
  console.log(`中心库已就绪（PostgreSQL ${result.serverVersion}，${result.tls ? '加密连接' : '未加密连接'}，所有者角色 ${result.owner}）。`)
  console.log(`团队编号：${teamId}${created ? '（新建，本数据库已加入）' : ''}`)
  const officers = args.repeated.officer ?? []
  const roles = officers.length > 0 ? officers : ['<招商人员角色>']
  console.log('')
  console.log('-- 每位招商人员使用自己的 PostgreSQL 登录角色（以超级用户或有 CREATEROLE 权限的角色执行）：')
  for (const role of roles) {
    console.log(`CREATE ROLE "${role}" LOGIN PASSWORD '<密码>';`)
    for (const grant of officerGrants(role)) console.log(grant)
  }
  console.log('-- 只读取关系副本的报表账号（帆软、Superset、Excel）：')
  for (const grant of readerGrants('<报表角色>')) console.log(grant)
  console.log('-- 招商人员可以追加和读取操作日志，不能修改或删除；写入者由服务器按登录角色记录。')
}

/** `hub compact --url URL` (the hub's owner): prunes what every known laptop has read into the hub's snapshot. */
async function hubCompact({ args }: CommandContext): Promise<void> {
  const url = stringOption(args, 'url')
  if (!url) throw new Error('缺少中心库地址：hub compact --url postgres://管理员@服务器:5432/数据库名（需用执行 hub init 的管理员账号）')
  const { url: bare, password } = splitPassword(url)
  const result = await compactHub({ url: bare, password })
  for (const team of result.teams) {
    const counts = `${team.before.toLocaleString('zh-CN')} → ${team.after.toLocaleString('zh-CN')} 条操作`
    if (team.uptoSeq === null) {
      console.log(`团队 ${team.teamId}：没有可压缩的操作（${team.laptops === 0 ? '还没有电脑从中心库下载过' : `${team.laptops} 台电脑中有尚未读到新操作的`}），日志 ${counts}。`)
    } else {
      console.log(`团队 ${team.teamId}：${team.laptops} 台已知电脑都已读到第 ${team.uptoSeq} 条，已压缩为 ${team.records.toLocaleString('zh-CN')} 条记录的快照；日志 ${counts}。`)
    }
  }
  console.log(`操作日志占用：${formatBytes(result.logBytesBefore)} → ${formatBytes(result.logBytesAfter)}（删除的空间由 PostgreSQL 留给之后的操作复用）。`)
  console.log('落后于压缩点或新加入的电脑下次同步时会先下载快照，再下载其后的操作，不会缺数据。')
}

/** `hub forget-laptop --url URL REPLICA` (the hub's owner): compaction stops waiting for a retired laptop. */
async function hubForgetLaptop({ args }: CommandContext): Promise<void> {
  const url = stringOption(args, 'url')
  const replicaId = args.positional[1]
  if (!url || !replicaId || args.positional.length > 2) {
    throw new Error('用法：hub forget-laptop --url postgres://管理员@服务器:5432/数据库名 电脑编号（电脑编号见该电脑上 hub status 的“本机副本”）')
  }
  const { url: bare, password } = splitPassword(url)
  const laptop = await forgetLaptop({ url: bare, password }, replicaId)
  console.log(`中心库已忘记电脑 ${describeLaptop(laptop)}，团队 ${laptop.teamId}。`)
  console.log('之后的 hub compact 不再等它读取；它的操作仍在中心库。它若再次同步，会先下载快照再继续，不会缺数据。')
}

export const hubCommand: Command = {
  run: async (context: CommandContext) => {
    const [sub] = context.args.positional
    const { args, call } = context
    if (sub === 'init') return hubInit(context)
    if (sub === 'sync') {
      const url = stringOption(args, 'url')
      if (url) await call('hub-configure', { url })
      const status = await call('hub-sync-now', { wait: true })
      printStatus(status)
      if (status.lastError && (!status.lastSyncAt || status.lastErrorAt! >= status.lastSyncAt)) throw new Error(status.lastError)
      return
    }
    if (sub === 'status') return printStatus(await call('hub-status', {}))
    if (sub === 'compact') return hubCompact(context)
    if (sub === 'forget-laptop') return hubForgetLaptop(context)
    throw new Error('用法：hub init --url URL | hub sync [--url URL] | hub status | hub compact --url URL | hub forget-laptop --url URL 电脑编号')
  },
}
