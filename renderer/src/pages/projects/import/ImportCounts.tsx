// The preview's and the result's counts in one row, errors and warnings in their colours.
import { Card, Statistic } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportCounts as Counts } from '../../../../../db/domain/ledger'

const KEYS = ['rowsRead', 'create', 'update', 'unchanged', 'skip', 'error', 'warning'] as const
const COLORS: Partial<Record<(typeof KEYS)[number], string>> = { create: '#389e0d', update: '#1f5fbf', error: '#cf1322', warning: '#d48806' }

export function ImportCounts({ counts }: { counts: Counts }) {
  const { t } = useTranslation()
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(90px, 1fr))', gap: 8 }} data-testid="ledger-counts">
      {KEYS.map((key) => (
        <Card key={key} size="small" data-testid={`ledger-count-${key}`}>
          <Statistic
            title={t(`ledger.counts.${key}`)}
            value={counts[key]}
            styles={{ content: { color: counts[key] > 0 ? COLORS[key] : undefined } }}
          />
        </Card>
      ))}
    </div>
  )
}
