// 年度目标: the year's targets per district, park or person and indicator. Reports compute
// completion from these; here they are only set.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, InputNumber, Popconfirm, Space, Table } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isAmountIndicator, type TargetView } from '../../../../db/domain/target'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { count, yi } from '../../format'
import { useUndoableDelete } from '../../shell/useUndoableDelete'
import { TargetForm } from './TargetForm'
import { EmptyWithAction } from '../../components/EmptyWithAction'

export function TargetsTab() {
  const { t } = useTranslation()
  const [year, setYear] = useState(() => new Date().getFullYear())
  const targets = useApiQuery('target-list', { year })
  const remove = useUndoableDelete('target-delete', 'target')
  const [editing, setEditing] = useState<TargetView | null | undefined>(undefined)
  const label = (target: TargetView) => `${target.unitName ?? ''} · ${t(`vocab.targetIndicator.${target.indicator}`)}`

  return (
    <Card
      size="small"
      title={
        <Space>
          {t('settings.targets.title')}
          <InputNumber
            aria-label={t('settings.targets.year')}
            value={year}
            min={1990}
            max={2100}
            precision={0}
            style={{ width: 100 }}
            onChange={(next) => next && setYear(next)}
            suffix={t('settings.targets.year')}
          />
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="target-add">
          {t('settings.targets.add')}
        </Button>
      }
    >
      {targets.error ? (
        <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />
      ) : (
        <Table<TargetView>
          rowKey="id"
          size="middle"
          loading={targets.isLoading}
          dataSource={targets.data ?? []}
          pagination={false}
          locale={{
            emptyText: <EmptyWithAction text={t('settings.targets.empty', { year })} action={t('settings.targets.add')} onAct={() => setEditing(null)} />,
          }}
          columns={[
            { title: t('settings.targets.unitType'), dataIndex: 'unitType', width: 110, render: (unit: TargetView['unitType']) => t(`vocab.targetUnit.${unit}`) },
            { title: t('settings.targets.unit'), dataIndex: 'unitName' },
            {
              title: t('settings.targets.indicator'),
              dataIndex: 'indicator',
              width: 160,
              render: (indicator: TargetView['indicator']) => t(`vocab.targetIndicator.${indicator}`),
            },
            {
              title: t('settings.targets.value'),
              dataIndex: 'value',
              width: 150,
              align: 'right',
              render: (value: number, target) =>
                isAmountIndicator(target.indicator) ? `${yi(value)} ${t('unit.yi')}` : `${count(value)} ${t('settings.targets.projectsUnit')}`,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 96,
              render: (_, target) => (
                <Space size={0}>
                  <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(target)} />
                  <Popconfirm title={t('common.confirmDelete', { name: label(target) })} onConfirm={() => remove(target.id, label(target))}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <TargetForm year={year} target={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </Card>
  )
}
