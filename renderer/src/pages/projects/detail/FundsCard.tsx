// The project's funds in place (到位资金): each arrival, and their exact total (the same sum the
// reports count for 资金到位率); add, edit, and delete with undo.
import { List, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { FundsView } from '../../../../../db/domain/deal'
import { useApiQuery } from '../../../api/hooks'
import { yi } from '../../../format'
import { useUndoableDelete } from '../../../shell/useUndoableDelete'
import { DealRecordsCard, useRecordDialog } from './DealRecordsCard'
import { FundsForm } from './FundsForm'

export function FundsCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const list = useApiQuery('funds-list', { projectId, pageSize: 200 })
  const dialog = useRecordDialog<FundsView>()
  const remove = useUndoableDelete('funds-delete', 'funds')
  const nameOf = (funds: FundsView) => t('funds.name', { date: funds.arrivedOn, yi: yi(funds.amountYuan) })

  return (
    <DealRecordsCard<FundsView>
      title={t('funds.title')}
      cardTestId="project-funds"
      testId="funds"
      addLabel={t('funds.add')}
      emptyText={t('funds.empty')}
      rows={list.data?.rows ?? []}
      loading={list.isLoading}
      error={list.error}
      onRetry={() => void list.refetch()}
      nameOf={nameOf}
      onAdd={() => dialog.edit(null)}
      onEdit={dialog.edit}
      onDelete={(funds) => remove(funds.id, nameOf(funds))}
      summary={
        (list.data?.total ?? 0) > 0 && (
          <Typography.Text strong style={{ display: 'block', marginBottom: 4 }} data-testid="funds-total">
            {t('funds.total', { yi: yi(list.data?.totalYuan) })}
          </Typography.Text>
        )
      }
      renderRow={(funds) => <List.Item.Meta title={nameOf(funds)} description={funds.note} />}
      dialog={
        <FundsForm key={dialog.opening} projectId={projectId} open={dialog.open} funds={dialog.record} onSaved={() => void list.refetch()} onClose={dialog.close} />
      }
    />
  )
}
