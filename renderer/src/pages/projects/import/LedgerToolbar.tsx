// The project table's ledger buttons: 导入台账, and 导出 of the list exactly as it is on screen
// (filters, sort, visible columns) or as the office's 项目台账 layout.
import { DownOutlined, ExportOutlined, ImportOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { ExportFile, ProjectExportColumn } from '../../../../../db/domain/ledger'
import { call } from '../../../api/client'
import { saveExportFile } from '../../../components/download'
import type { ColumnKey } from '../columns'
import { type ProjectFilters, type ProjectSorting, toListQuery } from '../filters'

// The table's column keys in the export's whitelist; the order follows the table's.
const EXPORT_COLUMN: Record<ColumnKey, ProjectExportColumn> = {
  name: 'name',
  investor: 'investorName',
  park: 'parkName',
  district: 'districtName',
  industry: 'industryName',
  stage: 'stage',
  totalInvestment: 'totalInvestment',
  priority: 'priority',
  owner: 'ownerName',
  reserveOn: 'reserveOn',
  signedOn: 'signedOn',
  startedOn: 'startedOn',
  operatingOn: 'operatingOn',
  tags: 'tags',
  progress: 'progress',
  updatedAt: 'updatedAt',
}

type ExportKind = 'ledger' | 'listXlsx' | 'listCsv'

interface Props {
  filters: ProjectFilters
  sorting: ProjectSorting
  columns: ColumnKey[]
}

export function LedgerToolbar({ filters, sorting, columns }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const [running, setRunning] = useState(false)

  const run = async (kind: ExportKind) => {
    const query = { ...toListQuery(filters), ...sorting }
    const exported = (): Promise<ExportFile> => {
      if (kind === 'ledger') return call('ledger-export', { query, format: 'xlsx' })
      const chosen = columns.filter((key) => key in EXPORT_COLUMN).map((key) => EXPORT_COLUMN[key])
      return call('project-list-export', { query, columns: chosen, format: kind === 'listCsv' ? 'csv' : 'xlsx' })
    }
    setRunning(true)
    const hide = message.loading(t('ledger.export.running'), 0)
    try {
      const file = await exported()
      saveExportFile(file)
      void message.success(t('ledger.export.done', { name: file.fileName, count: file.rows }))
    } catch (error) {
      void message.error(t('ledger.export.failed', { message: (error as Error).message }))
    } finally {
      hide()
      setRunning(false)
    }
  }

  const items = (['ledger', 'listXlsx', 'listCsv'] as const).map((key) => ({ key, label: t(`ledger.export.${key}`), 'data-testid': `project-export-${key}` }))

  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => navigate('/projects/import')} data-testid="project-import">
        {t('ledger.importButton')}
      </Button>
      <Dropdown trigger={['click']} disabled={running} menu={{ items, onClick: ({ key }) => void run(key as ExportKind) }}>
        <Button icon={<ExportOutlined />} loading={running} data-testid="project-export">
          {t('ledger.export.button')} <DownOutlined />
        </Button>
      </Dropdown>
    </>
  )
}
