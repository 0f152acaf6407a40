// Step 3: what the import would do, row by row, before anything is written; then the confirm.
import { DownloadOutlined } from '@ant-design/icons'
import { Alert, App, Button, Checkbox, Space, Spin } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes } from '../../../../../db/domain/hub'
import type { ImportPreview, LedgerImportPreviewInput } from '../../../../../db/domain/ledger'
import { call } from '../../../api/client'
import { saveExportFile } from '../../../components/download'
import { yi } from '../../../format'
import { ImportCounts } from './ImportCounts'
import { MonthChangesTable } from './MonthChangesTable'
import { PreviewRows } from './PreviewRows'

interface Props {
  preview: ImportPreview
  /** The preview's own input, so the error list describes exactly this preview. */
  input: LedgerImportPreviewInput
  importing: boolean
  onBack(): void
  onConfirm(choices: ImportChoices): void
}

/** What the user agreed to on this step: each is off until ticked. */
export interface ImportChoices {
  skipErrors: boolean
  createPeople: boolean
  confirmAmounts: boolean
}

export function PreviewStep({ preview, input, importing, onBack, onConfirm }: Props) {
  const { t } = useTranslation()
  const { counts } = preview
  const [skipErrors, setSkipErrors] = useState(false)
  const [createPeople, setCreatePeople] = useState(false)
  const [confirmAmounts, setConfirmAmounts] = useState(false)
  const fileMessages = preview.messages.filter((m) => m.excelRow === null)
  // An import with errors is refused by the backend unless the user agrees to skip those rows;
  // amounts implausible for their unit stop it until the user confirms them.
  const blocked = (counts.error > 0 && !skipErrors) || (preview.confirmations.length > 0 && !confirmAmounts)

  return (
    <Spin spinning={importing} description={t('ledger.preview.importing')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <ImportCounts counts={counts} />
        {preview.months && <MonthChangesTable months={preview.months} />}
        <Notices preview={preview} />
        {preview.confirmations.length > 0 && (
          <Alert
            type="error"
            showIcon
            data-testid="ledger-confirmations"
            title={t('ledger.preview.confirmations')}
            description={
              <Space orientation="vertical">
                {preview.confirmations.map((m, i) => (
                  <span key={i}>{m.excelRow ? `${t('ledger.preview.row')} ${m.excelRow}：${m.message}` : m.message}</span>
                ))}
                <Checkbox checked={confirmAmounts} onChange={(event) => setConfirmAmounts(event.target.checked)} data-testid="ledger-confirm-amounts">
                  {t('ledger.preview.confirmAmounts')}
                </Checkbox>
              </Space>
            }
          />
        )}
        {preview.newPeople.length > 0 && (
          <Alert
            type="info"
            showIcon
            data-testid="ledger-new-people"
            title={t('ledger.preview.newPeople', { names: preview.newPeople.join('、') })}
            description={
              <Checkbox checked={createPeople} onChange={(event) => setCreatePeople(event.target.checked)} data-testid="ledger-create-people">
                {t('ledger.preview.createPeople')}
              </Checkbox>
            }
          />
        )}
        {preview.notImported.length > 0 && (
          <Alert type="warning" showIcon data-testid="ledger-not-imported" title={t('ledger.preview.notImported', { columns: preview.notImported.join('、') })} />
        )}
        {preview.asOf && <Alert type="info" showIcon title={t('ledger.preview.asOf', { date: preview.asOf })} />}
        {fileMessages.map((m, i) => (
          <Alert key={i} type={m.level === 'error' ? 'error' : 'warning'} showIcon title={m.message} />
        ))}
        <PreviewRows preview={preview} />
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
          <Space wrap>
            <Button onClick={onBack}>{t('ledger.preview.back')}</Button>
            <ErrorListButton input={input} disabled={counts.error + counts.warning === 0} />
          </Space>
          <Space wrap>
            {counts.error > 0 && (
              <Checkbox checked={skipErrors} onChange={(event) => setSkipErrors(event.target.checked)} data-testid="ledger-skip-errors">
                {t('ledger.preview.skipErrors', { count: counts.error })}
              </Checkbox>
            )}
            <Button type="primary" disabled={blocked} loading={importing} onClick={() => onConfirm({ skipErrors, createPeople, confirmAmounts })} data-testid="ledger-confirm">
              {counts.create + counts.update === 0 ? t('ledger.preview.nothing') : t('ledger.preview.confirm')}
            </Button>
          </Space>
        </div>
      </Space>
    </Spin>
  )
}

function Notices({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation()
  const totals = { ledger: yi(preview.ledgerTotalYuan), rows: yi(preview.rowsTotalYuan) }
  // One item of the page's Space: spaced like the page's own notices.
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {preview.previousBatches.length > 0 && (
        <Alert type="info" showIcon title={t('ledger.preview.imported', { count: preview.previousBatches.length })} />
      )}
      {preview.ledgerTotalYuan !== null && (
        <Alert
          type={preview.ledgerTotalYuan === preview.rowsTotalYuan ? 'success' : 'warning'}
          showIcon
          data-testid="ledger-totals"
          title={t(preview.ledgerTotalYuan === preview.rowsTotalYuan ? 'ledger.preview.totals' : 'ledger.preview.totalsMismatch', totals)}
        />
      )}
      {preview.rowsTruncated && <Alert type="warning" showIcon title={t('ledger.preview.truncated', { count: preview.rows.length })} />}
      {(preview.preImportBackup.taken || preview.preImportBackup.tooLarge) && (
        <Alert
          type="info"
          showIcon
          data-testid="ledger-pre-import-backup"
          title={t(preview.preImportBackup.taken ? 'ledger.preview.backupTaken' : 'ledger.preview.backupSkipped', { size: formatBytes(preview.preImportBackup.databaseBytes) })}
        />
      )}
    </Space>
  )
}

function ErrorListButton({ input, disabled }: { input: LedgerImportPreviewInput; disabled: boolean }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const download = async () => {
    setBusy(true)
    try {
      saveExportFile(await call('ledger-import-errors', input))
    } catch (error) {
      void message.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={disabled} onClick={() => void download()} data-testid="ledger-download-errors">
      {t('ledger.preview.downloadErrors')}
    </Button>
  )
}
