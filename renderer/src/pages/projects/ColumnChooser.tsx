// Which columns the table shows: a ledger keeper wants 签约日期, a manager wants 责任人.
import { SettingOutlined } from '@ant-design/icons'
import { Button, Checkbox, Popover, Space } from 'antd'
import { useTranslation } from 'react-i18next'
import { COLUMN_KEYS, type ColumnKey, DEFAULT_COLUMNS, FIXED_COLUMNS, columnTitle } from './columns'

interface Props {
  value: ColumnKey[]
  onChange(columns: ColumnKey[]): void
}

export function ColumnChooser({ value, onChange }: Props) {
  const { t } = useTranslation()
  const content = (
    <Space orientation="vertical" size={8}>
      <Checkbox.Group
        style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(120px, auto))', gap: '6px 16px' }}
        value={value}
        // Keep the table's column order whatever order the boxes were ticked in.
        onChange={(checked) => onChange(COLUMN_KEYS.filter((key) => checked.includes(key) || FIXED_COLUMNS.includes(key)))}
        options={COLUMN_KEYS.map((key) => ({ value: key, label: columnTitle(t, key), disabled: FIXED_COLUMNS.includes(key) }))}
      />
      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onChange(DEFAULT_COLUMNS)}>
        {t('project.columns.reset')}
      </Button>
    </Space>
  )
  return (
    <Popover trigger="click" placement="bottomRight" title={t('project.columns.title')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="project-columns">
        {t('project.columns.button')}
      </Button>
    </Popover>
  )
}
