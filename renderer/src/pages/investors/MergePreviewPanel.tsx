// What a merge would do: what moves over, and for each field both sides fill, which value stays.
import { Alert, Descriptions, Radio, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { InvestorView, MergeConflict, MergeField, MergeGroup, MergePreview } from '../../../../db/domain/investor'
import { wan } from '../../format'

export type MergeChoices = Partial<Record<MergeField, 'source' | 'target'>>

const GROUPS = ['contacts', 'projects', 'negotiations', 'requests', 'events', 'attachments', 'tags'] as const

interface Props {
  preview: MergePreview
  choices: MergeChoices
  onChoose(field: MergeField, side: 'source' | 'target'): void
}

function useConflictValue() {
  const { t } = useTranslation()
  return (conflict: MergeConflict, side: 'source' | 'target', investor: InvestorView) => {
    const value = conflict[side]
    switch (conflict.field) {
      case 'ownership':
        return t(`vocab.ownership.${value}`)
      case 'origin':
        return t(`vocab.origin.${value}`)
      case 'sourceChannel':
        return t(`vocab.sourceChannel.${value}`)
      case 'industryId':
        return investor.industryName ?? String(value)
      case 'registeredCapitalYuan':
        return `${wan(Number(value))} ${t('unit.wan')}`
      default:
        return String(value)
    }
  }
}

function Group({ group, extra }: { group: MergeGroup; extra?: string }) {
  const { t } = useTranslation()
  if (group.count === 0) return <Typography.Text type="secondary">0</Typography.Text>
  const more = group.count - group.names.length
  return (
    <span>
      <Typography.Text strong>{group.count}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {group.names.join('、')}
        {more > 0 && t('investors.merge.more', { count: more })}
      </Typography.Text>
      {extra && <Typography.Text style={{ marginInlineStart: 8 }}>{extra}</Typography.Text>}
    </span>
  )
}

export function MergePreviewPanel({ preview, choices, onChoose }: Props) {
  const { t } = useTranslation()
  const valueOf = useConflictValue()
  return (
    <div data-testid="merge-preview">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('investors.merge.summary', { source: preview.source.name, target: preview.target.name })}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={GROUPS.map((key) => ({
          key,
          label: t(`investors.merge.groups.${key}`),
          children: (
            <Group
              group={preview[key]}
              extra={key === 'tags' && preview.newTags.length ? t('investors.merge.newTags', { names: preview.newTags.join('、') }) : undefined}
            />
          ),
        }))}
      />
      {preview.conflicts.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('investors.merge.conflicts')}
          </Typography.Title>
          <Table<MergeConflict>
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={preview.conflicts}
            columns={[
              {
                title: t('investors.merge.field'),
                dataIndex: 'field',
                width: 130,
                render: (field: MergeField, c) => t(`investors.history.fields.${field}`, { defaultValue: c.label }),
              },
              ...(['target', 'source'] as const).map((side) => ({
                title: side === 'target' ? t('investors.merge.keepValue', { name: preview.target.name }) : t('investors.merge.takeValue', { name: preview.source.name }),
                key: side,
                ellipsis: true,
                render: (_: unknown, c: MergeConflict) => (
                  <Radio checked={(choices[c.field] ?? 'target') === side} onChange={() => onChoose(c.field, side)}>
                    {valueOf(c, side, preview[side])}
                  </Radio>
                ),
              })),
            ]}
          />
        </>
      )}
    </div>
  )
}
