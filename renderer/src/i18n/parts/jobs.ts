// Long jobs' progress (import, export, backup, restore, integrity check).
import { defineMessages } from '../define'

export const jobs = defineMessages({
  zh: {
    jobs: {
      region: '正在进行的任务',
      kind: {
        'ledger-import': '导入台账',
        export: '导出',
        backup: '备份',
        restore: '恢复备份',
        'integrity-check': '检查数据库',
      },
      done: '已完成',
      failed: '未完成：{{error}}',
      cancel: '取消',
      close: '关闭',
      count: '{{done}} / {{total}}',
    },
  },
  en: {
    jobs: {
      region: 'Running jobs',
      kind: {
        'ledger-import': 'Importing ledger',
        export: 'Exporting',
        backup: 'Backing up',
        restore: 'Restoring backup',
        'integrity-check': 'Checking the database',
      },
      done: 'Done',
      failed: 'Not finished: {{error}}',
      cancel: 'Cancel',
      close: 'Close',
      count: '{{done}} / {{total}}',
    },
  },
})
