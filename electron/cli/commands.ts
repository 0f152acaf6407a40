// The table of the command line's commands. Only names and help texts are here: each command's
// module (and through it the handlers, schemas and better-sqlite3) is imported when that command
// runs, so `--help` starts like a bare Node and a command loads only what it uses. In the bundle
// (scripts/build-cli.mjs) each import() stays a module that is evaluated only when reached.
import type { CommandEntry } from './command'

export const COMMANDS: Record<string, CommandEntry> = {
  init: {
    summary: 'init                      创建或升级数据库',
    load: async () => (await import('./basic-commands')).init,
  },
  'seed-demo': {
    summary: 'seed-demo                 载入演示数据（已存在的不重复创建）',
    load: async () => (await import('./basic-commands')).seedDemo,
  },
  call: {
    summary: "call <method> ['<json>']   调用任一接口，例如 call park-list '{}'",
    load: async () => (await import('./basic-commands')).callCommand,
  },
  backup: {
    summary: 'backup [FILE]              备份数据库（到 FILE，或到备份目录）',
    load: async () => (await import('./storage-commands')).STORAGE_COMMANDS.backup,
  },
  restore: {
    summary: 'restore FILE [--force]     从备份恢复数据库（先自动备份当前数据库；--force：另一个数据库的备份也恢复）',
    load: async () => (await import('./storage-commands')).STORAGE_COMMANDS.restore,
  },
  check: {
    summary: 'check [--full]            检查数据库完整性（--full：完整检查，较慢）',
    load: async () => (await import('./storage-commands')).STORAGE_COMMANDS.check,
  },
  report: {
    summary: 'report --year YYYY --by district|park|industry|stage|person [--json]   年度入库项目汇表；report exceptions --kind K [--json] 异常清单',
    load: async () => (await import('./report-command')).reportCommand,
  },
  import: {
    summary:
      'import FILE [--sheet NAME] [--months all] [--dry-run] [--map "表头=字段"]… [--unit "表头=万元"]… [--stage-word "用词=阶段"]… [--template NAME] [--create-people] [--confirm-amounts] [--skip-errors] [--errors OUT.xlsx] [--verbose]   导入项目台账（.xlsx/.xls/.ods/.csv）',
    load: async () => (await import('./ledger-commands')).LEDGER_COMMANDS.import,
  },
  'import-batches': {
    summary: 'import-batches            列出导入批次',
    load: async () => (await import('./ledger-commands')).LEDGER_COMMANDS['import-batches'],
  },
  'import-undo': {
    summary: 'import-undo BATCH_ID      撤销一次导入（恢复被更新的项目，新建的记录移入回收站）',
    load: async () => (await import('./ledger-commands')).LEDGER_COMMANDS['import-undo'],
  },
  export: {
    summary:
      'export ledger|report|projects|investors|negotiations OUT.xlsx|OUT.csv [--district 名称 --park 名称 --stage KEY --year YYYY --month M --columns a,b --query JSON] [台账：--subtotal district|park --unit 填报单位 --preparer 填报人 --reviewer 审核人 --date YYYY-MM-DD]   导出',
    load: async () => (await import('./ledger-commands')).LEDGER_COMMANDS.export,
  },
  hub: {
    summary: 'hub init --url URL [--team-name 名称] [--officer 角色]… | hub sync [--url URL] | hub status | hub compact --url URL | hub forget-laptop --url URL 电脑编号   PostgreSQL 中心库',
    load: async () => (await import('./hub-commands')).hubCommand,
  },
  sync: {
    summary: 'sync export FILE [--for ID] | import FILE | compact | status   按文件在电脑之间同步数据',
    load: async () => (await import('./sync-commands')).syncCommand,
  },
}

export function usage(): string {
  return [
    '用法：npm run cli -- [--db FILE] <命令> [参数]',
    '',
    '命令：',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
    '数据库默认位于用户数据目录，可用 --db FILE 或环境变量 CRM_DB 指定。',
    '--lang en（或环境变量 CRM_LANG=en）：接口的错误信息用英文。',
  ].join('\n')
}
