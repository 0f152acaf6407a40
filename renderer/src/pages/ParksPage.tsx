// 园区: districts on the left, the parks of the chosen district (or all) on the right.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Empty, Input, Popconfirm, Row, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ParkView } from '../../../db/domain/park'
import { useApiMutation, useApiQuery } from '../api/hooks'
import { ErrorState } from '../components/ErrorState'
import { DistrictList } from './parks/DistrictList'
import { ParkForm } from './parks/ParkForm'

const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })

export function ParksPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [districtId, setDistrictId] = useState<string>()
  const [text, setText] = useState('')
  const parks = useApiQuery('park-list', { districtId, text: text || undefined })
  const districts = useApiQuery('district-list', {})
  const remove = useApiMutation('park-delete')
  const restore = useApiMutation('park-restore')
  const [editing, setEditing] = useState<ParkView | null | undefined>(undefined)
  const noDistrict = districts.data?.length === 0

  const onDelete = async (park: ParkView) => {
    try {
      await remove.mutateAsync({ id: park.id })
      void message.success({
        content: (
          <Space>
            {t('common.deleted', { name: park.name })}
            <Button size="small" type="link" onClick={() => restore.mutate({ id: park.id })}>
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
    <div className="page">
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <DistrictList selected={districtId} onSelect={setDistrictId} />
        </Col>
        <Col xs={24} lg={17}>
          <Card
            size="small"
            title={t('park.title')}
            extra={
              <Space>
                <Input.Search
                  allowClear
                  placeholder={t('park.searchPlaceholder')}
                  style={{ width: 240 }}
                  onSearch={setText}
                />
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={noDistrict}
                  title={noDistrict ? t('park.needDistrict') : undefined}
                  onClick={() => setEditing(null)}
                  data-testid="park-add"
                >
                  {t('park.add')}
                </Button>
              </Space>
            }
          >
            {parks.error ? (
              <ErrorState error={parks.error} onRetry={() => void parks.refetch()} />
            ) : (
              <Table<ParkView>
                rowKey="id"
                size="middle"
                loading={parks.isLoading}
                dataSource={parks.data ?? []}
                pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
                locale={{
                  emptyText: (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={noDistrict ? t('district.empty') : text || districtId ? t('park.emptyFiltered') : t('park.empty')}
                    />
                  ),
                }}
                columns={[
                  { title: t('park.name'), dataIndex: 'name', width: 200 },
                  { title: t('park.district'), dataIndex: 'districtName', width: 100 },
                  {
                    title: t('park.focusIndustries'),
                    dataIndex: 'focusIndustries',
                    render: (value: string | null) =>
                      value?.split(/[,，、]\s*/).map((name) => <Tag key={name}>{name}</Tag>),
                  },
                  {
                    title: t('park.freeLand'),
                    dataIndex: 'freeLandCentiMu',
                    align: 'right',
                    width: 130,
                    render: (value: number | null) => (value === null ? '—' : number.format(value / 100)),
                  },
                  {
                    title: t('park.factorySpace'),
                    dataIndex: 'factorySpaceSqm',
                    align: 'right',
                    width: 130,
                    render: (value: number | null) => (value === null ? '—' : number.format(value)),
                  },
                  { title: t('park.contactName'), dataIndex: 'contactName', width: 90 },
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 100,
                    render: (_, park) => (
                      <Space size={0}>
                        <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(park)} />
                        <Popconfirm title={t('common.confirmDelete', { name: park.name })} onConfirm={() => onDelete(park)}>
                          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
      <ParkForm park={editing ?? null} defaultDistrictId={districtId} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  )
}
