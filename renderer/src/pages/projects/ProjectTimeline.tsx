// 项目动态: everything that happened to the project, newest first, in one list.
import { Button, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectDetail } from '../../../../db/domain/project'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { type TimelineKind, timelineItems } from './timelineItems'

const COLORS: Record<TimelineKind, string> = {
  stage: 'blue',
  negotiation: 'green',
  agreement: 'purple',
  funds: 'gold',
  request: 'orange',
  change: 'gray',
}

const FIRST = 30
const MANY = 200

export function ProjectTimeline({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation()
  const [all, setAll] = useState(false)
  const byProject = { projectId: project.id }
  const negotiations = useApiQuery('negotiation-list', { ...byProject, pageSize: MANY })
  const agreements = useApiQuery('agreement-list-by-project', byProject)
  const funds = useApiQuery('funds-list', { ...byProject, pageSize: MANY })
  const requests = useApiQuery('request-list', { ...byProject, pageSize: MANY })
  const history = useApiQuery('history-list', { entity: 'project', id: project.id, limit: MANY })
  const users = useApiQuery('user-list', {})
  const queries = [negotiations, agreements, funds, requests, history, users]

  const failed = queries.find((query) => query.error)?.error
  if (failed) return <ErrorState error={failed} onRetry={() => queries.forEach((query) => void query.refetch())} />
  if (queries.some((query) => query.isLoading)) return <Spin style={{ display: 'block', margin: '24px auto' }} />

  const items = timelineItems(t, {
    project,
    negotiations: negotiations.data?.rows ?? [],
    agreements: agreements.data ?? [],
    funds: funds.data?.rows ?? [],
    requests: requests.data?.rows ?? [],
    history: history.data ?? [],
    userNames: new Map((users.data ?? []).map((user) => [user.id, user.name])),
  })
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.detail.timelineEmpty')} />
  const shown = all ? items : items.slice(0, FIRST)

  return (
    <>
      <Timeline
        data-testid="project-timeline"
        items={shown.map((item) => ({
          key: item.key,
          color: COLORS[item.kind],
          content: (
            <Space orientation="vertical" size={0} style={{ width: '100%' }}>
              <Space size={8} wrap>
                <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {item.on}
                </Typography.Text>
                <Typography.Text strong>{item.title}</Typography.Text>
                {item.by && <Tag bordered={false}>{item.by}</Tag>}
              </Space>
              {item.lines.map((line, index) => (
                <Typography.Text key={index} type={index === 0 ? undefined : 'secondary'} style={{ whiteSpace: 'pre-wrap' }}>
                  {line}
                </Typography.Text>
              ))}
            </Space>
          ),
        }))}
      />
      {!all && items.length > FIRST && (
        <Button type="link" onClick={() => setAll(true)}>
          {t('project.detail.showAll', { count: items.length })}
        </Button>
      )}
    </>
  )
}
