// 导出月报: the 月报 workbook the command line writes (`export report`, db/ledger-export/export-report),
// for the year and month chosen here and the filters on screen. One service, two callers.
import { DownloadOutlined } from '@ant-design/icons'
import { App, Button, Form, InputNumber, Modal, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../../api/client'
import { saveExportFile } from '../../../components/download'
import { type ReportParams, scopeInput } from '../filters/params'

interface Values {
  year: number
  /** 0: the whole year (年报). */
  month: number
}

/** The screen's own month when it shows one; otherwise this month of the screen's year. */
function initialPeriod(params: ReportParams, today = new Date()): Values {
  if (params.mode === 'month') return { year: params.year, month: params.month }
  if (params.mode === 'year' || params.mode === 'quarter') return { year: params.year, month: params.year === today.getFullYear() ? today.getMonth() + 1 : 12 }
  return { year: today.getFullYear(), month: today.getMonth() + 1 }
}

export function MonthlyExport({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [form] = Form.useForm<Values>()
  const scope = scopeInput(params)
  const filtered = Object.values(scope).some((value) => value !== undefined)

  const exportWorkbook = async ({ year, month }: Values) => {
    setBusy(true)
    try {
      const file = await call('report-export', { year, ...(month ? { month } : {}), ...scope })
      saveExportFile(file)
      void message.success(t('reportExport.done', { name: file.fileName }))
      setOpen(false)
    } catch (error) {
      void message.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="monthly-export">
        {t('reportExport.monthly')}
      </Button>
      <Modal
        open={open}
        title={t('reportExport.monthlyTitle')}
        okText={t('reportExport.download')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
        width={440}
      >
        <Form<Values> form={form} layout="inline" preserve={false} initialValues={initialPeriod(params)} onFinish={(values) => void exportWorkbook(values)} data-testid="monthly-export-form">
          <Form.Item name="year" label={t('reportExport.year')} rules={[{ required: true, type: 'integer', min: 1990, max: 2100, message: t('reportExport.yearRange') }]}>
            <InputNumber style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="month" label={t('reportExport.month')}>
            <Select
              style={{ width: 110 }}
              options={[
                { value: 0, label: t('reportExport.wholeYear') },
                ...Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('reportExport.monthN', { n: i + 1 }) })),
              ]}
            />
          </Form.Item>
          <button type="submit" hidden />
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
          {filtered ? t('reportExport.withFilters') : t('reportExport.noFilters')}
        </Typography.Paragraph>
      </Modal>
    </>
  )
}
