// Long jobs' progress on a terminal: the event channel's job-progress as one line on stderr that
// rewrites itself (\r), ended by a newline when the job ends. Nothing when stderr is not a
// terminal (a pipe or a log file gets only the result).
import type { JobProgress } from '../contract/events'
import { EventBus } from '../handlers/events-bus'

const JOB_LABEL: Record<string, string> = {
  'ledger-import': '导入台账',
  export: '导出',
  backup: '备份',
  restore: '恢复',
  'integrity-check': '检查数据库',
}

export function progressLine(job: JobProgress): string {
  const kind = JOB_LABEL[job.job] ?? job.job
  if (job.error) return `${kind}：未完成（${job.error}）`
  if (job.finished) return `${kind}：完成`
  const count = job.total ? ` ${job.done.toLocaleString('zh-CN')}/${job.total.toLocaleString('zh-CN')}` : ''
  const percent = job.total ? `（${Math.floor((job.done / job.total) * 100)}%）` : ''
  return `${kind}：${job.label}${count}${percent}`
}

/** An event channel that prints job progress to the terminal; undefined when stderr is not one. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): EventBus | undefined {
  if (!stream.isTTY) return undefined
  const events = new EventBus()
  events.subscribe((message) => {
    if (message.event !== 'job-progress') return
    const job = message.payload as JobProgress
    // \x1b[K clears what a longer previous line left.
    stream.write(`\r${progressLine(job)}\x1b[K${job.finished ? '\n' : ''}`)
  })
  return events
}
