// Next steps due in the coming days (DUE_SOON_DAYS), so nothing turns red by surprise.
import { Card } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { DUE_SOON_DAYS } from '../../../../db/domain/negotiation'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { StepTable } from './StepTable'

const ROWS = 10

export function UpcomingCard({ ownerId, today }: { ownerId?: string; today?: string }) {
  const { t } = useTranslation()
  const upcoming = useApiQuery('negotiation-list', { due: 'upcoming', ownerId, pageSize: ROWS })
  const more = (upcoming.data?.total ?? 0) > ROWS
  return (
    <Card
      size="small"
      title={t('workbench.upcoming.title', { days: DUE_SOON_DAYS })}
      extra={more && <Link to="/negotiations?due=upcoming">{t('workbench.seeAll')}</Link>}
    >
      {upcoming.error ? (
        <ErrorState error={upcoming.error} onRetry={() => void upcoming.refetch()} />
      ) : (
        <StepTable
          rows={upcoming.data?.rows ?? []}
          loading={upcoming.isLoading}
          today={today}
          showOwner={!ownerId}
          testId="due-upcoming"
          empty={t('workbench.upcoming.empty', { days: DUE_SOON_DAYS })}
        />
      )}
    </Card>
  )
}
