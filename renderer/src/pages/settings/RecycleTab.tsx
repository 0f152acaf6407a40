// 回收站: everything deleted from any screen; restore it, or purge it for good. On the list kit:
// the kind filter and the page are in the URL.
import { App, Button, Card, Popconfirm, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { RECYCLE_ENTITIES, type RecycleEntity, type RecycleItem } from '../../../../db/domain/history'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { type ListColumn, ServerTable } from '../../components/list/ServerTable'
import { useListState } from '../../components/list/useListState'
import type { FilterShape, ListDefaults } from '../../components/list/urlState'
import { dateTime } from '../../format'

const SHAPE: FilterShape<{ entity?: RecycleEntity }> = { entity: 'text' }
const DEFAULTS: ListDefaults = { pageSize: 50 }

export function RecycleTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const controls = useListState(SHAPE, DEFAULTS)
  const { filters, page, pageSize } = controls.state
  const recycled = useApiQuery('recycle-list', { ...filters, page, pageSize }, { placeholderData: (previous) => previous })
  const list = { ...recycled, data: recycled.data && { rows: recycled.data.items, total: recycled.data.total } }
  const restore = useApiMutation('recycle-restore')
  const purge = useApiMutation('recycle-purge')

  const onRestore = (item: RecycleItem) =>
    restore.mutate(
      { entity: item.entity, id: item.id },
      {
        onSuccess: () => void message.success(t('settings.recycle.restored', { name: item.name })),
        onError: (error) => void message.error(error.message),
      },
    )
  const onPurge = (item: RecycleItem) =>
    purge.mutate(
      { entity: item.entity, id: item.id },
      {
        onSuccess: () => void message.success(t('settings.recycle.purged')),
        onError: (error) => void message.error(error.message),
      },
    )

  const columns: ListColumn<RecycleItem>[] = [
    { title: t('settings.recycle.kind'), key: 'entity', width: 100, render: (_, item) => t(`settings.recycle.entities.${item.entity}`) },
    { title: t('settings.recycle.name'), key: 'name', dataIndex: 'name' },
    { title: t('settings.recycle.detail'), key: 'detail', dataIndex: 'detail', width: 200 },
    { title: t('settings.recycle.deletedAt'), key: 'deletedAt', width: 150, render: (_, item) => dateTime(item.deletedAt) },
    { title: t('settings.recycle.deletedBy'), key: 'deletedBy', dataIndex: 'deletedByName', width: 100 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      wrap: true,
      render: (_, item) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => onRestore(item)} data-testid={`recycle-restore-${item.name}`}>
            {t('common.restore')}
          </Button>
          <Popconfirm title={t('settings.recycle.confirmPurge', { name: item.name })} onConfirm={() => onPurge(item)}>
            <Button size="small" type="link" danger>
              {t('settings.recycle.purge')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <Card
      size="small"
      title={t('settings.recycle.title')}
      extra={
        <Select<RecycleEntity>
          allowClear
          style={{ width: 160 }}
          placeholder={t('settings.recycle.allKinds')}
          aria-label={t('settings.recycle.kind')}
          value={filters.entity}
          onChange={(entity) => controls.setFilters({ entity })}
          options={RECYCLE_ENTITIES.map((key) => ({ value: key, label: t(`settings.recycle.entities.${key}`) }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('settings.recycle.hint')}</Typography.Paragraph>
      <ServerTable<RecycleItem, { entity?: RecycleEntity }>
        list={list}
        controls={controls}
        columns={columns}
        rowKey={(item) => `${item.entity}-${item.id}`}
        filtered={!!filters.entity}
        empty={{ text: t('settings.recycle.empty'), filtered: t('settings.recycle.empty') }}
      />
    </Card>
  )
}
