import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, List, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { District } from '../../../../db/schema'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { DistrictForm } from './DistrictForm'
import { EmptyWithAction } from '../../components/EmptyWithAction'

interface Props {
  selected?: string
  onSelect(id: string | undefined): void
}

export function DistrictList({ selected, onSelect }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const districts = useApiQuery('district-list', {})
  const remove = useApiMutation('district-delete')
  const restore = useApiMutation('district-restore')
  const [editing, setEditing] = useState<District | null | undefined>(undefined)

  const onDelete = async (district: District) => {
    try {
      await remove.mutateAsync({ id: district.id })
      if (selected === district.id) onSelect(undefined)
      void message.success({
        content: (
          <Space>
            {t('common.deleted', { name: district.name })}
            <Button size="small" type="link" onClick={() => restore.mutate({ id: district.id })}>
              {t('common.undo')}
            </Button>
          </Space>
        ),
      })
    } catch (error) {
      void message.error((error as Error).message)
    }
  }

  return (
    <Card
      title={t('district.title')}
      size="small"
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="district-add">
          {t('district.add')}
        </Button>
      }
    >
      <List
        loading={districts.isLoading}
        dataSource={districts.data ?? []}
        locale={{ emptyText: <EmptyWithAction text={t('district.empty')} action={t('district.add')} onAct={() => setEditing(null)} /> }}
        renderItem={(district) => (
          <List.Item
            style={{
              cursor: 'pointer',
              paddingInline: 8,
              background: selected === district.id ? 'var(--ant-color-primary-bg, #e6f0ff)' : undefined,
              borderRadius: 6,
            }}
            onClick={() => onSelect(selected === district.id ? undefined : district.id)}
            actions={[
              <Button key="edit" size="small" type="text" icon={<EditOutlined />} aria-label={t('common.edit')}
                onClick={(e) => (e.stopPropagation(), setEditing(district))} />,
              <Popconfirm key="delete" title={t('common.confirmDelete', { name: district.name })}
                onConfirm={(e) => (e?.stopPropagation(), onDelete(district))} onPopupClick={(e) => e.stopPropagation()}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')}
                  onClick={(e) => e.stopPropagation()} />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={district.name}
              description={<Typography.Text type="secondary">{t('district.parkCount')} {district.parkCount}</Typography.Text>}
            />
          </List.Item>
        )}
      />
      <DistrictForm district={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </Card>
  )
}
