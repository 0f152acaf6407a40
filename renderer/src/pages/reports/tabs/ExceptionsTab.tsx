// 异常: the lists managers chase — signed not started, 三未, no follow-up, overdue next steps and
// requests past their deadline — each paged, with who is responsible.
import { Card, InputNumber, Segmented, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EXCEPTION_KINDS, type ExceptionKind } from '../../../../../db/domain/report'
import { useApiQuery } from '../../../api/hooks'
import { count } from '../../../format'
import { DrillLink } from '../drill/DrillLink'
import { TabExport } from '../export/TabExport'
import { exceptionsTable } from '../export/tabTables'
import { type ReportParams, scopeInput } from '../filters/params'
import { useQueryKey } from '../filters/useReportParams'
import { usePublishStatedPeriod } from '../print/statedPeriod'
import { ReportState } from '../ReportState'
import { ByPerson } from './exceptions/ByPerson'
import { ExceptionTable } from './exceptions/ExceptionTable'

const PAGE_SIZE = 20

export function ExceptionsTab({ params, onOwner }: { params: ReportParams; onOwner(ownerId: string): void }) {
  const { t } = useTranslation()
  const [kind, setKindKey] = useQueryKey<ExceptionKind>('kind', EXCEPTION_KINDS, 'signed-not-started')
  const [threshold, setThreshold] = useState<number | null>(null)
  const [page, setPage] = useState(1)
  const setKind = (next: ExceptionKind) => {
    setKindKey(next)
    setThreshold(null)
    setPage(1)
  }
  const list = useApiQuery('report-exceptions', { ...scopeInput(params), kind, threshold: threshold ?? undefined, page, pageSize: PAGE_SIZE })
  const data = list.data
  // The list's one sentence about itself: what, since when, how many; the print header and the
  // workbook's title rows say it (the list has no period: it is as of today).
  const stated =
    data &&
    t('reports.exceptions.stated', {
      kind: t(`reports.exceptions.kind.${kind}`),
      threshold: count(data.threshold),
      unit: t(`reports.exceptions.unit.${data.thresholdUnit}`),
      asOf: data.asOf,
      n: count(data.total),
    })
  usePublishStatedPeriod(stated ?? null)
  /** A list longer than a page exports the page shown, and says which rows those are. */
  const pageNote = (shown: number) =>
    data && data.total > shown
      ? [t('reports.exceptions.page', { page, from: count((page - 1) * PAGE_SIZE + 1), to: count((page - 1) * PAGE_SIZE + shown) })]
      : []
  return (
    <>
      <Segmented
        value={kind}
        onChange={(value) => setKind(value as ExceptionKind)}
        options={EXCEPTION_KINDS.map((key) => ({ value: key, label: t(`reports.exceptions.kind.${key}`) }))}
        className="report-switch"
        data-testid="exception-kind"
      />
      <Card size="small" className="report-card">
        <Space wrap size={16} className="report-exception-head">
          <Space size={6}>
            <Typography.Text>{t('reports.exceptions.threshold')}</Typography.Text>
            <InputNumber
              min={0}
              max={100000}
              value={threshold ?? data?.threshold}
              onChange={(value) => {
                setThreshold(value)
                setPage(1)
              }}
              style={{ width: 90 }}
              aria-label={t('reports.exceptions.threshold')}
            />
            <Typography.Text type="secondary">{t(`reports.exceptions.unit.${data?.thresholdUnit ?? 'days'}`)}</Typography.Text>
          </Space>
          {data && (
            <Typography.Text data-testid="exception-total">
              {t('reports.exceptions.asOf', { asOf: data.asOf })}
              <DrillLink drill={data.drill} title={t(`reports.exceptions.kind.${kind}`)}>
                {t('reports.exceptions.total', { n: count(data.total) })}
              </DrillLink>
            </Typography.Text>
          )}
          {data && stated && data.total > 0 && (
            <TabExport
              title={t('reports.tab.exceptions')}
              notes={[stated, ...pageNote(data.rows.length)]}
              params={params}
              table={() => exceptionsTable(t, data)}
            />
          )}
        </Space>
        {data && data.byPerson.length > 0 && <ByPerson people={data.byPerson} onOwner={onOwner} />}
        <ReportState query={list} isEmpty={(result) => result.total === 0} emptyText={t('reports.exceptions.none')}>
          {(result) => <ExceptionTable data={result} page={page} pageSize={PAGE_SIZE} onPage={setPage} />}
        </ReportState>
      </Card>
    </>
  )
}
