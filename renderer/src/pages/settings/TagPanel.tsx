// Tags (世界500强, 瞪羚企业, 专精特新…) with how many investors and projects carry each.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Popconfirm, Space, Table } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TagView } from '../../../../db/domain/catalog'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { TagForm } from './TagForm'
import { ColorTag } from '../../components/ColorTag'
import { EmptyWithAction } from '../../components/EmptyWithAction'

export function TagPanel() {
  const { t } = useTranslation()
  const tags = useApiQuery('tag-list', {})
  const remove = useUndoableDelete('tag-delete', 'tag')
  const [editing, setEditing] = useState<TagView | null | undefined>(undefined)

  return (
    <Card
      size="small"
      title={t('settings.tag.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="tag-add">
          {t('settings.tag.add')}
        </Button>
      }
    >
      {tags.error ? (
        <ErrorState error={tags.error} onRetry={() => void tags.refetch()} />
      ) : (
        <Table<TagView>
          rowKey="id"
          size="small"
          loading={tags.isLoading}
          dataSource={tags.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyWithAction text={t('settings.tag.empty')} action={t('settings.tag.add')} onAct={() => setEditing(null)} /> }}
          columns={[
            { title: t('settings.tag.name'), dataIndex: 'name', render: (name: string, tag) => <ColorTag color={tag.color}>{name}</ColorTag> },
            {
              title: t('settings.tag.usage'),
              key: 'usage',
              width: 190,
              render: (_, tag) => t('settings.tag.usageText', { investors: tag.investorCount, projects: tag.projectCount }),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 90,
              render: (_, tag) => (
                <Space size={0}>
                  <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(tag)} />
                  <Popconfirm title={t('common.confirmDelete', { name: tag.name })} onConfirm={() => remove(tag.id, tag.name)}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} data-testid={`tag-delete-${tag.name}`} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <TagForm tag={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </Card>
  )
}
