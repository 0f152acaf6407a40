// Step 2: which sheet, and which column is which field. Changes stay a draft until "apply"
// re-runs the preview, so the table always shows what the backend actually understood. 项目状态
// words the app does not know are asked here too, before the preview.
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ImportColumn, type ImportPreview, LEDGER_FIELD_KEYS, type MappingOverrides, type StageWords } from '../../../../../db/domain/ledger'
import { type Target, columnKey, pendingChanges, shownTarget } from './mapping'
import { MonthsChoice } from './MonthsChoice'
import { StageWordQuestions, unknownStageWords } from './StageWordQuestions'
import { TemplateBar } from './TemplateBar'

interface Props {
  preview: ImportPreview
  mapping: MappingOverrides
  /** The answers given so far to unknown 项目状态 words (applied in this preview). */
  stageWords: StageWords
  /** 'all': every month of a month-per-sheet workbook in order (applied in this preview). */
  months: 'all' | undefined
  loading: boolean
  onApply(sheet: string, mapping: MappingOverrides, stageWords: StageWords, months: 'all' | undefined): void
  onBack(): void
  onNext(): void
}

export function MappingStep({ preview, mapping, stageWords, months, loading, onApply: applyWith, onBack, onNext }: Props) {
  const { t } = useTranslation()
  // Only the pending choices: the applied ones are already in the preview's columns.
  const [draft, setDraft] = useState<MappingOverrides>({})
  // A new preview (other sheet, template, reset) replaces whatever was pending.
  useEffect(() => setDraft({}), [preview])
  const pending = pendingChanges(preview.columns, draft)
  const hasName = preview.columns.some((c) => c.field === 'name')
  const unanswered = unknownStageWords(preview).length
  // every change but the sheet's keeps the months choice
  const onApply = (sheet: string, nextMapping: MappingOverrides, nextStageWords: StageWords) => applyWith(sheet, nextMapping, nextStageWords, months)

  const fieldOptions = [
    ...LEDGER_FIELD_KEYS.map((key) => ({ value: key, label: t(`ledger.fields.${key}`) })),
    { value: 'ignore', label: t('ledger.mapping.ignore') },
  ]

  const columns = [
    { title: t('ledger.mapping.letter'), dataIndex: 'letter', width: 64 },
    { title: t('ledger.mapping.header'), dataIndex: 'header', render: (header: string) => header || '—' },
    {
      title: t('ledger.mapping.field'),
      width: 220,
      render: (_: unknown, column: ImportColumn) => {
        const key = columnKey(column, preview.columns)
        return (
          <Select<Target>
            style={{ width: 200 }}
            size="small"
            value={shownTarget(column, key, draft)}
            options={fieldOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid={`ledger-map-${column.letter}`}
            onChange={(value) => setDraft({ ...draft, [key]: value })}
          />
        )
      },
    },
    { title: t('ledger.mapping.unit'), dataIndex: 'unit', width: 80, render: (unit: string | null) => (unit ? <Tag>{unit}</Tag> : '') },
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <Space size={12} wrap>
          <span>{t('ledger.mapping.sheet')}</span>
          <Select
            style={{ minWidth: 180 }}
            value={preview.sheet}
            disabled={preview.sheets.length < 2 || loading}
            options={preview.sheets.map((name) => ({ value: name, label: name }))}
            // Another sheet has other headers: the old overrides would not match, so drop them.
            // One sheet chosen by hand is that sheet alone, not all months.
            onChange={(sheet) => applyWith(sheet, {}, stageWords, undefined)}
            data-testid="ledger-sheet"
          />
          <Typography.Text type="secondary">{t('ledger.mapping.headerRow', { row: preview.headerRow })}</Typography.Text>
        </Space>
        <TemplateBar
          sheet={preview.sheet}
          mapping={mapping}
          stageWords={stageWords}
          months={months}
          onLoad={(template) => {
            // the template's months choice, where this workbook has months; a template naming one sheet means that sheet alone
            const allMonths = template.months === 'all' && preview.monthSheets.length >= 2
            const choice = allMonths ? 'all' : template.sheet ? undefined : months
            applyWith(allMonths ? (preview.monthSheets.at(-1) ?? preview.sheet) : (template.sheet ?? preview.sheet), template.mapping, { ...stageWords, ...template.stageWords }, choice)
          }}
        />
      </div>
      <MonthsChoice preview={preview} months={months} loading={loading} onChange={(choice) => applyWith(preview.monthSheets.at(-1) ?? preview.sheet, mapping, stageWords, choice)} />
      {pending > 0 && <Alert type="info" showIcon title={t('ledger.mapping.changed', { count: pending })} />}
      {!hasName && pending === 0 && <Alert type="error" showIcon title={t('ledger.mapping.noName')} />}
      <Table<ImportColumn>
        rowKey="letter"
        size="small"
        loading={loading}
        dataSource={preview.columns}
        columns={columns}
        pagination={false}
        data-testid="ledger-mapping"
      />
      <StageWordQuestions preview={preview} loading={loading} onAnswer={(answers) => onApply(preview.sheet, mapping, { ...stageWords, ...answers })} />
      <Space>
        <Button onClick={onBack}>{t('ledger.preview.back')}</Button>
        <Button onClick={() => onApply(preview.sheet, {}, stageWords)} disabled={loading || Object.keys(mapping).length === 0}>
          {t('ledger.mapping.reset')}
        </Button>
        <Button onClick={() => onApply(preview.sheet, { ...mapping, ...draft }, stageWords)} disabled={pending === 0} loading={loading} data-testid="ledger-map-apply">
          {t('ledger.mapping.apply')}
        </Button>
        <Button type="primary" onClick={onNext} disabled={pending > 0 || !hasName || unanswered > 0 || loading} data-testid="ledger-map-next">
          {t('ledger.mapping.next')}
        </Button>
      </Space>
    </Space>
  )
}
