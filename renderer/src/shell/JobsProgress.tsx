// Long jobs in progress (import, export, backup, restore, integrity check), from the event
// channel: what is being done, how far, and 取消 where the job says stopping is safe. A finished
// job stays a moment so its end is seen; a failed one stays until closed.
import { Button, Progress } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JobProgress } from '../../../electron/contract/events'
import { call } from '../api/client'
import { useBackendEvent } from '../api/events'

const SHOWN_AFTER_DONE_MS = 4000

export function JobsProgress() {
  const { t } = useTranslation()
  const [jobs, setJobs] = useState<JobProgress[]>([])

  const onProgress = useCallback((job: JobProgress) => {
    setJobs((current) => [...current.filter((j) => j.jobId !== job.jobId), job])
  }, [])
  useBackendEvent('job-progress', onProgress)

  const done = jobs.filter((job) => job.finished && !job.error)
  useEffect(() => {
    if (done.length === 0) return
    const ids = new Set(done.map((job) => job.jobId))
    const timer = setTimeout(() => setJobs((current) => current.filter((job) => !ids.has(job.jobId))), SHOWN_AFTER_DONE_MS)
    return () => clearTimeout(timer)
  }, [done.length]) // eslint-disable-line react-hooks/exhaustive-deps

  if (jobs.length === 0) return null
  const close = (jobId: string) => setJobs((current) => current.filter((job) => job.jobId !== jobId))

  return (
    <section className="jobs-progress" aria-label={t('jobs.region')} data-testid="jobs-progress">
      {jobs.map((job) => {
        const kind = t(`jobs.kind.${job.job}`, { defaultValue: job.job })
        const percent = job.total ? Math.min(100, Math.floor((job.done / job.total) * 100)) : job.finished ? 100 : 0
        const status = job.error ? 'exception' : job.finished ? 'success' : 'active'
        const detail = job.error
          ? t('jobs.failed', { error: job.error })
          : job.finished
            ? t('jobs.done')
            : `${job.label}${job.total ? ` ${t('jobs.count', { done: job.done.toLocaleString(), total: job.total.toLocaleString() })}` : ''}`
        return (
          <div key={job.jobId} className="jobs-progress-item">
            <div className="jobs-progress-head">
              <strong>{kind}</strong>
              {job.cancellable && !job.finished && (
                <Button size="small" type="link" onClick={() => void call('job-cancel', { jobId: job.jobId }).catch(() => {})}>
                  {t('jobs.cancel')}
                </Button>
              )}
              {job.error && (
                <Button size="small" type="link" onClick={() => close(job.jobId)}>
                  {t('jobs.close')}
                </Button>
              )}
            </div>
            <Progress percent={percent} status={status} size="small" aria-label={`${kind}：${detail}`} />
            <div className="jobs-progress-detail">{detail}</div>
          </div>
        )
      })}
    </section>
  )
}
