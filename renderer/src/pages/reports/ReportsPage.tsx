// 报表: the shared filter bar, one tab per report, the drill-down drawer and the print view.
import { CloseOutlined, PrinterOutlined } from '@ant-design/icons'
import { Button, Space, Tabs } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router-dom'
import { DrillContext, type DrillRequest } from './drill/context'
import { DrillDrawer } from './drill/DrillDrawer'
import { MonthlyExport } from './export/MonthlyExport'
import { FilterBar } from './filters/FilterBar'
import { useReportParams } from './filters/useReportParams'
import { PrintHeader } from './print/PrintHeader'
import { StatedPeriodContext } from './print/statedPeriod'
import { usePrintView } from './print/usePrintView'
import { TabContent } from './TabContent'
import { REPORT_TABS, type ReportTab } from './reportTabs'
import './reports.css'
import { PageTitle } from '../../components/PageTitle'

export function ReportsPage({ tab }: { tab: ReportTab }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { search } = useLocation()
  const { params, setParams } = useReportParams()
  // A drill-down belongs to the view it was opened from: another tab or filter closes it.
  const view = `${tab}?${search}`
  const [drill, setDrill] = useState<{ view: string; request: DrillRequest } | null>(null)
  const openDrill = useCallback((request: DrillRequest | null) => setDrill(request && { view, request }), [view])
  const printView = usePrintView()
  const [stated, setStated] = useState<string | null>(null)

  return (
    <DrillContext.Provider value={openDrill}>
      <StatedPeriodContext.Provider value={setStated}>
      <div className="page reports-page" data-testid="reports-page">
        {printView.printing && <PrintHeader tab={tab} stated={stated} />}
        <div className="report-toolbar">
          <PageTitle className="report-screen-only">
            {t('reports.title')}
          </PageTitle>
          <Space className="report-no-print">
            {printView.printing && (
              <Button icon={<CloseOutlined />} onClick={printView.close} data-testid="print-close">
                {t('reports.print.close')}
              </Button>
            )}
            {!printView.printing && <MonthlyExport params={params} />}
            <Button icon={<PrinterOutlined />} onClick={printView.printing ? printView.print : printView.open} data-testid="print-open">
              {t('reports.print.button')}
            </Button>
          </Space>
        </div>
        <div className="report-no-print">
          <FilterBar value={params} onChange={setParams} />
          <Tabs
            activeKey={tab}
            onChange={(key) => navigate({ pathname: `/reports/${key}`, search })}
            items={REPORT_TABS.map((key) => ({ key, label: t(`reports.tab.${key}`) }))}
            className="report-tabs"
          />
        </div>
        <TabContent tab={tab} params={params} setParams={setParams} />
      </div>
      <DrillDrawer request={drill?.view === view ? drill.request : null} onClose={() => setDrill(null)} />
      </StatedPeriodContext.Provider>
    </DrillContext.Provider>
  )
}
