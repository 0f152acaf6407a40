// The shape the project detail's agreements and funds share: a card with 添加 in its title bar, an
// error state with retry, and a list whose empty state offers the same add, with edit and delete
// (confirmed, undoable) on every row. Each card keeps only what it shows of a record.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, List, Popconfirm } from 'antd'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorState } from '../../../components/ErrorState'

interface Props<T extends { id: string }> {
  title: string
  /** Prefix of the test ids: `${testId}-add`, `${testId}-empty-add`, `${testId}-row`. */
  testId: string
  cardTestId: string
  addLabel: string
  emptyText: string
  rows: T[]
  loading: boolean
  error: Error | null
  onRetry(): void
  /** How a row is named in its buttons' labels and the delete confirmation. */
  nameOf(record: T): string
  onAdd(): void
  onEdit(record: T): void
  onDelete(record: T): void
  renderRow(record: T): ReactNode
  /** Above the list (the funds' total). */
  summary?: ReactNode
  /** The add/edit dialog, rendered inside the card. */
  dialog: ReactNode
}

export function DealRecordsCard<T extends { id: string }>(props: Props<T>) {
  const { t } = useTranslation()
  const { testId, nameOf } = props
  return (
    <Card
      size="small"
      title={props.title}
      style={{ marginBottom: 12 }}
      data-testid={props.cardTestId}
      extra={
        <Button size="small" type="link" icon={<PlusOutlined />} onClick={props.onAdd} data-testid={`${testId}-add`}>
          {props.addLabel}
        </Button>
      }
    >
      {props.error ? (
        <ErrorState error={props.error} onRetry={props.onRetry} />
      ) : (
        <>
          {props.summary}
          <List<T>
            size="small"
            loading={props.loading}
            dataSource={props.rows}
            locale={{
              // The empty list points to its action, not only to words about it.
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.emptyText}>
                  <Button size="small" onClick={props.onAdd} data-testid={`${testId}-empty-add`}>
                    {props.addLabel}
                  </Button>
                </Empty>
              ),
            }}
            renderItem={(record) => (
              <List.Item
                data-testid={`${testId}-row`}
                actions={[
                  <Button
                    key="edit"
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${t('dealCommon.edit')} ${nameOf(record)}`}
                    onClick={() => props.onEdit(record)}
                  />,
                  <Popconfirm key="delete" title={t('dealCommon.confirmDelete', { name: nameOf(record) })} onConfirm={() => props.onDelete(record)}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('dealCommon.delete')} ${nameOf(record)}`} />
                  </Popconfirm>,
                ]}
              >
                {props.renderRow(record)}
              </List.Item>
            )}
          />
        </>
      )}
      {props.dialog}
    </Card>
  )
}

/**
 * Which record the card's dialog edits (null inside: a new one). `opening` keys the dialog: a form
 * instance keeps the last opening's values under new initial ones, so each opening gets a new form.
 */
export function useRecordDialog<T>() {
  const [editing, setEditing] = useState<{ record: T | null } | null>(null)
  const [opening, setOpening] = useState(0)
  return {
    open: editing !== null,
    record: editing?.record ?? null,
    opening,
    edit(record: T | null) {
      setOpening((n) => n + 1)
      setEditing({ record })
    },
    close: () => setEditing(null),
  }
}
