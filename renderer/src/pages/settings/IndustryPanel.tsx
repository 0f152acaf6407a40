// Industries as a two-level tree: 产业 with their 产业链/环节 folded underneath.
import { DeleteOutlined, EditOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons'
import { Button, Card, Popconfirm, Space, Table, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Industry } from '../../../../db/schema'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { IndustryForm, type IndustryEditing } from './IndustryForm'
import { EmptyWithAction } from '../../components/EmptyWithAction'

type Row = Industry & { children?: Row[] }

export function IndustryPanel() {
  const { t } = useTranslation()
  const industries = useApiQuery('industry-list', {})
  const remove = useUndoableDelete('industry-delete', 'industry')
  const [editing, setEditing] = useState<IndustryEditing | undefined>(undefined)
  // Every 产业 starts unfolded (also those loaded or added later); only what the user folds stays folded.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set())
  // antd draws an expander for any children array, even an empty one.
  const rows: Row[] = (industries.data ?? []).map(({ children, ...top }) => (children.length ? { ...top, children } : top))

  return (
    <Card
      size="small"
      title={t('settings.industry.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ industry: null, parentId: null })}>
          {t('settings.industry.add')}
        </Button>
      }
    >
      {industries.error ? (
        <ErrorState error={industries.error} onRetry={() => void industries.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          size="small"
          loading={industries.isLoading}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowKeys: rows.filter((row) => row.children && !folded.has(row.id)).map((row) => row.id),
            onExpand: (expanded, row) =>
              setFolded((before) => {
                const next = new Set(before)
                if (expanded) next.delete(row.id)
                else next.add(row.id)
                return next
              }),
          }}
          locale={{
            emptyText: <EmptyWithAction text={t('settings.industry.empty')} action={t('settings.industry.add')} onAct={() => setEditing({ industry: null, parentId: null })} />,
          }}
          columns={[
            { title: t('settings.industry.name'), dataIndex: 'name' },
            { title: t('settings.industry.sortOrder'), dataIndex: 'sortOrder', width: 70, align: 'right' },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 130,
              render: (_, industry) => (
                <Space size={0}>
                  {industry.parentId === null && (
                    <Tooltip title={t('settings.industry.addChild')}>
                      <Button
                        type="text"
                        icon={<SubnodeOutlined />}
                        aria-label={t('settings.industry.addChild')}
                        onClick={() => setEditing({ industry: null, parentId: industry.id })}
                      />
                    </Tooltip>
                  )}
                  <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing({ industry, parentId: industry.parentId })} />
                  <Popconfirm title={t('common.confirmDelete', { name: industry.name })} onConfirm={() => remove(industry.id, industry.name)}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <IndustryForm editing={editing} onClose={() => setEditing(undefined)} />
    </Card>
  )
}
