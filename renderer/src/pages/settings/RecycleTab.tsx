// 回收站: everything deleted from any screen; restore it, or purge it for good.
import { App, Button, Card, Empty, Popconfirm, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RECYCLE_ENTITIES, type RecycleEntity, type RecycleItem } from '../../../../db/domain/history'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { dateTime } from '../../format'

const PAGE_SIZE = 50

export function RecycleTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [entity, setEntity] = useState<RecycleEntity | undefined>(undefined)
  const [page, setPage] = useState(1)
  const list = useApiQuery('recycle-list', { entity, page, pageSize: PAGE_SIZE })
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

  return (
    <Card
      size="small"
      title={t('settings.recycle.title')}
      extra={
        <Select<RecycleEntity>
          allowClear
          style={{ width: 160 }}
          placeholder={t('settings.recycle.allKinds')}
          value={entity}
          onChange={(next) => {
            setEntity(next)
            setPage(1)
          }}
          options={RECYCLE_ENTITIES.map((key) => ({ value: key, label: t(`settings.recycle.entities.${key}`) }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('settings.recycle.hint')}</Typography.Paragraph>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<RecycleItem>
          rowKey={(item) => `${item.entity}-${item.id}`}
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (count) => t('common.total', { count }),
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.recycle.empty')} /> }}
          columns={[
            { title: t('settings.recycle.kind'), dataIndex: 'entity', width: 100, render: (key: RecycleEntity) => t(`settings.recycle.entities.${key}`) },
            { title: t('settings.recycle.name'), dataIndex: 'name', ellipsis: true },
            { title: t('settings.recycle.detail'), dataIndex: 'detail', width: 200, ellipsis: true },
            { title: t('settings.recycle.deletedAt'), dataIndex: 'deletedAt', width: 150, render: (at: string) => dateTime(at) },
            { title: t('settings.recycle.deletedBy'), dataIndex: 'deletedByName', width: 100 },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 170,
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
          ]}
        />
      )}
    </Card>
  )
}
