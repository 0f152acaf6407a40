// The most important daily list: next steps overdue, then those due today.
import { Button, Card, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { StepTable } from './StepTable'

const ROWS = 20

interface Props {
  ownerId?: string
  today?: string
  onQuickEntry(): void
}

export function DueNowCard({ ownerId, today, onQuickEntry }: Props) {
  const { t } = useTranslation()
  const overdue = useApiQuery('negotiation-list', { due: 'overdue', ownerId, pageSize: ROWS })
  const dueToday = useApiQuery('negotiation-list', { due: 'today', ownerId, pageSize: ROWS })
  const error = overdue.error ?? dueToday.error
  const rows = [...(overdue.data?.rows ?? []), ...(dueToday.data?.rows ?? [])]
  const more = (overdue.data?.total ?? 0) > ROWS || (dueToday.data?.total ?? 0) > ROWS

  return (
    <Card
      size="small"
      title={t('workbench.dueNow.title')}
      extra={more && <Link to="/negotiations?due=overdue">{t('workbench.seeAll')}</Link>}
    >
      {error ? (
        <ErrorState error={error} onRetry={() => void Promise.all([overdue.refetch(), dueToday.refetch()])} />
      ) : (
        <StepTable
          rows={rows}
          loading={overdue.isLoading || dueToday.isLoading}
          today={today}
          showOwner={!ownerId}
          testId="due-now"
          empty={
            <Space orientation="vertical" size={8}>
              <Typography.Text>{t('workbench.dueNow.empty')}</Typography.Text>
              <Button size="small" onClick={onQuickEntry}>
                {t('workbench.quickEntry')}
              </Button>
            </Space>
          }
        />
      )}
    </Card>
  )
}
