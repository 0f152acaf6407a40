// 导出本页: the tab's table as shown, to .xlsx (report-tab-export), with the computed period and
// the screen's filters in the title rows.
import { DownloadOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api/client'
import { saveExportFile } from '../../../components/download'
import { type ReportParams, scopeInput } from '../filters/params'
import type { ShownTable } from './tabTables'

interface Props {
  /** The sheet's title: the tab's name. */
  title: string
  /** Lines above the table: the period as computed, the grouping. */
  notes: string[]
  params: ReportParams
  /** Built on click, from the same answer the screen shows. */
  table(): ShownTable
}

export function TabExport({ title, notes, params, table }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const exportTab = async () => {
    setBusy(true)
    try {
      const file = await call('report-tab-export', { title, notes, ...table(), ...scopeInput(params) })
      saveExportFile(file)
      void message.success(t('reportExport.done', { name: file.fileName }))
    } catch (error) {
      void message.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void exportTab()} className="report-no-print" data-testid="tab-export">
      {t('reportExport.tab')}
    </Button>
  )
}
