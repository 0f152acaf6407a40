// 园区: districts on the left, the parks of the chosen district (or all) on the right, on the list
// kit (the chosen district and the search text are in the URL).
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Input, Popconfirm, Row, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ParkView } from '../../../db/domain/park'
import { useApiMutation, useApiQuery } from '../api/hooks'
import { type ListColumn, ServerTable } from '../components/list/ServerTable'
import { useListState } from '../components/list/useListState'
import type { FilterShape, ListDefaults } from '../components/list/urlState'
import { PageTitle } from '../components/PageTitle'
import { DistrictList } from './parks/DistrictList'
import { ParkForm } from './parks/ParkForm'

const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 })

interface ParkFilters {
  districtId?: string
  text?: string
}
const SHAPE: FilterShape<ParkFilters> = { districtId: 'text', text: 'text' }
const DEFAULTS: ListDefaults = { pageSize: 50 }

export function ParksPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const controls = useListState(SHAPE, DEFAULTS)
  const { filters, page, pageSize } = controls.state
  const { districtId, text } = filters
  const parks = useApiQuery('park-list', { districtId, text }, { placeholderData: (previous) => previous })
  // A district has a handful of parks: the API answers them all and the table pages here.
  const list = {
    ...parks,
    data: parks.data && { rows: parks.data.slice((page - 1) * pageSize, page * pageSize), total: parks.data.length },
  }
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

  const columns: ListColumn<ParkView>[] = [
    { title: t('park.name'), key: 'name', dataIndex: 'name', width: 200 },
    { title: t('park.district'), key: 'district', dataIndex: 'districtName', width: 100 },
    {
      title: t('park.focusIndustries'),
      key: 'focusIndustries',
      fullText: (park) => park.focusIndustries,
      render: (_, park) => park.focusIndustries?.split(/[,，、]\s*/).map((name) => <Tag key={name}>{name}</Tag>),
    },
    {
      title: t('park.freeLand'),
      key: 'freeLand',
      align: 'right',
      width: 130,
      render: (_, park) => (park.freeLandCentiMu === null ? '—' : number.format(park.freeLandCentiMu / 100)),
    },
    {
      title: t('park.factorySpace'),
      key: 'factorySpace',
      align: 'right',
      width: 130,
      render: (_, park) => (park.factorySpaceSqm === null ? '—' : number.format(park.factorySpaceSqm)),
    },
    { title: t('park.contactName'), key: 'contactName', dataIndex: 'contactName', width: 90 },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      wrap: true,
      render: (_, park) => (
        <Space size={0}>
          <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(park)} />
          <Popconfirm title={t('common.confirmDelete', { name: park.name })} onConfirm={() => onDelete(park)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <div className="page">
      <Row gutter={16}>
        <Col xs={24} lg={7}>
          <DistrictList selected={districtId} onSelect={(next) => controls.setFilters({ ...filters, districtId: next })} />
        </Col>
        <Col xs={24} lg={17}>
          <Card
            size="small"
            title={<PageTitle>{t('park.title')}</PageTitle>}
            extra={
              <Space>
                <Input.Search
                  allowClear
                  defaultValue={text}
                  placeholder={t('park.searchPlaceholder')}
                  aria-label={t('park.searchPlaceholder')}
                  style={{ width: 240 }}
                  onSearch={(next) => controls.setFilters({ ...filters, text: next.trim() || undefined })}
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
            <ServerTable<ParkView, ParkFilters>
              list={list}
              controls={controls}
              columns={columns}
              rowKey={(park) => park.id}
              filtered={!!text || !!districtId}
              empty={{
                text: noDistrict ? t('district.empty') : t('park.empty'),
                filtered: t('park.emptyFiltered'),
                action: noDistrict ? undefined : <Typography.Link onClick={() => setEditing(null)}>{t('park.add')}</Typography.Link>,
              }}
            />
          </Card>
        </Col>
      </Row>
      <ParkForm park={editing ?? null} defaultDistrictId={districtId} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  )
}
