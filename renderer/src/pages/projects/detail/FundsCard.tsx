// The project's funds in place (到位资金): each arrival, and their exact total (the same sum the
// reports count for 资金到位率); add, edit, and delete with undo.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, List, Popconfirm, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FundsView } from '../../../../../db/domain/deal'
import { useApiQuery } from '../../../api/hooks'
import { ErrorState } from '../../../components/ErrorState'
import { yi } from '../../../format'
import { useUndoableDelete } from '../../../shell/useUndoableDelete'
import { FundsForm } from './FundsForm'

export function FundsCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const list = useApiQuery('funds-list', { projectId, pageSize: 200 })
  const [editing, setEditing] = useState<{ funds: FundsView | null } | null>(null)
  // A new form per opening: a form instance keeps the last opening's values under new initial ones.
  const [opening, setOpening] = useState(0)
  const edit = (record: FundsView | null) => {
    setOpening((n) => n + 1)
    setEditing({ funds: record })
  }
  const remove = useUndoableDelete('funds-delete', 'funds')
  const nameOf = (funds: FundsView) => t('funds.name', { date: funds.arrivedOn, yi: yi(funds.amountYuan) })

  return (
    <Card
      size="small"
      title={t('funds.title')}
      style={{ marginBottom: 12 }}
      data-testid="project-funds"
      extra={
        <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="funds-add">
          {t('funds.add')}
        </Button>
      }
    >
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {(list.data?.total ?? 0) > 0 && (
            <Typography.Text strong style={{ display: 'block', marginBottom: 4 }} data-testid="funds-total">
              {t('funds.total', { yi: yi(list.data?.totalYuan) })}
            </Typography.Text>
          )}
          <List<FundsView>
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.rows ?? []}
            locale={{
            // The empty list points to its action, not only to words about it.
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('funds.empty')}>
                <Button size="small" onClick={() => edit(null)} data-testid="funds-empty-add">
                  {t('funds.add')}
                </Button>
              </Empty>
            ),
          }}
            renderItem={(funds) => (
              <List.Item
                data-testid="funds-row"
                actions={[
                  <Button
                    key="edit"
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${t('dealCommon.edit')} ${nameOf(funds)}`}
                    onClick={() => edit(funds)}
                  />,
                  <Popconfirm key="delete" title={t('dealCommon.confirmDelete', { name: nameOf(funds) })} onConfirm={() => remove(funds.id, nameOf(funds))}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('dealCommon.delete')} ${nameOf(funds)}`} />
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta title={nameOf(funds)} description={funds.note} />
              </List.Item>
            )}
          />
        </>
      )}
      <FundsForm key={opening} projectId={projectId} open={editing !== null} funds={editing?.funds ?? null} onSaved={() => void list.refetch()} onClose={() => setEditing(null)} />
    </Card>
  )
}
