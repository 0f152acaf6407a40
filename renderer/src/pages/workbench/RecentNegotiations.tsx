// What changed lately: the negotiations most recently written, newest first.
import { Card, Empty, List, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { dateTime } from '../../format'

export function RecentNegotiations({ ownerId }: { ownerId?: string }) {
  const { t } = useTranslation()
  const recent = useApiQuery('negotiation-list', { ownerId, sort: 'updatedAt', order: 'desc', pageSize: 6 })
  return (
    <Card size="small" title={t('workbench.recent.title')} extra={<Link to="/negotiations">{t('workbench.seeAll')}</Link>}>
      {recent.error ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : (
        <List
          size="small"
          loading={recent.isLoading}
          dataSource={recent.data?.rows ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.recent.empty')} /> }}
          renderItem={(n) => (
            <List.Item style={{ paddingInline: 0, display: 'block' }}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'baseline', minWidth: 0 }}>
                <Tag style={{ marginInlineEnd: 0 }}>{t(`vocab.negotiationType.${n.type}`)}</Tag>
                <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
                  {n.projectName ?? n.investorName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {dateTime(n.updatedAt)}
                </Typography.Text>
              </div>
              <Typography.Text type="secondary" ellipsis={{ tooltip: n.summary }} style={{ display: 'block', fontSize: 12 }}>
                {n.summary}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}
