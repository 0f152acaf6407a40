// 修改记录: who changed what and when, from the change journal.
import { Empty, Spin, Tag, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { entryChanges, fieldLabel, type HistoryEntry } from '../../../../db/domain/history'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { dateTime } from '../../format'

const ACTION_COLORS = { create: 'green', update: 'blue', delete: 'red', restore: 'cyan', purge: 'red' } as const
// Fields the journal keeps for search and bookkeeping: nobody needs to read them.
const HIDDEN = new Set(['nameNorm', 'searchKeys', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'deletedAt', 'id'])

const shown = (value: unknown) => {
  if (value === null || value === undefined || value === '') return '—'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const { t, i18n } = useTranslation()
  if (entry.action !== 'update') return null
  const fields = Object.entries(entryChanges(entry)).filter(([field]) => !HIDDEN.has(field))
  if (fields.length === 0) return null
  const label = (field: string) => (i18n.exists(`investors.history.fields.${field}`) ? t(`investors.history.fields.${field}`) : fieldLabel(field))
  return (
    <div style={{ fontSize: 12 }}>
      {fields.map(([field, [before, after]]) => (
        <div key={field}>
          <Typography.Text type="secondary">{label(field)}：</Typography.Text>
          <Typography.Text delete type="secondary">
            {shown(before)}
          </Typography.Text>
          {' → '}
          <Typography.Text>{shown(after)}</Typography.Text>
        </div>
      ))}
    </div>
  )
}

export function InvestorTimeline({ investorId }: { investorId: string }) {
  const { t } = useTranslation()
  const history = useApiQuery('history-list', { entity: 'investor', id: investorId, limit: 100 })
  if (history.error) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />
  if (history.isLoading) return <Spin />
  if (!history.data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('investors.history.empty')} />
  return (
    <Timeline
      style={{ paddingTop: 8 }}
      items={history.data.map((entry) => ({
        key: entry.seq,
        color: ACTION_COLORS[entry.action],
        content: (
          <div>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {dateTime(entry.at)}
            </Typography.Text>
            <Tag>{t(`investors.history.entity.${entry.entity}`, { defaultValue: entry.entityLabel })}</Tag>
            <Typography.Text strong>{t(`investors.history.action.${entry.action}`)}</Typography.Text>
            {entry.userName && <Typography.Text type="secondary"> · {entry.userName}</Typography.Text>}
            <Changes entry={entry} />
          </div>
        ),
      }))}
    />
  )
}
