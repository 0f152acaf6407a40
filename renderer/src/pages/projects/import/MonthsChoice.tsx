// A month-per-sheet workbook (2024年1月 … 2024年6月): import its latest month (the default), or
// all its months in order, each sheet as the state as of its month, as one undoable import.
import { Radio, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../../db/domain/ledger'

interface Props {
  preview: ImportPreview
  months: 'all' | undefined
  loading: boolean
  onChange(months: 'all' | undefined): void
}

export function MonthsChoice({ preview, months, loading, onChange }: Props) {
  const { t } = useTranslation()
  const sheets = preview.monthSheets
  if (sheets.length < 2) return null
  return (
    <Space orientation="vertical" size={4} data-testid="ledger-months">
      <Space size={12} wrap>
        <span>{t('ledger.months.label')}</span>
        <Radio.Group value={months ?? 'latest'} disabled={loading} onChange={(event) => onChange(event.target.value === 'all' ? 'all' : undefined)}>
          <Radio value="latest" data-testid="ledger-months-latest">
            {t('ledger.months.latest', { sheet: sheets.at(-1) })}
          </Radio>
          <Radio value="all" data-testid="ledger-months-all">
            {t('ledger.months.all', { count: sheets.length, first: sheets[0], last: sheets.at(-1) })}
          </Radio>
        </Radio.Group>
      </Space>
      {months === 'all' && <Typography.Text type="secondary">{t('ledger.months.allHint')}</Typography.Text>}
    </Space>
  )
}
