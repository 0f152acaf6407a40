// 目标: the year's targets per unit and indicator — actual, target, completion as a bar, and
// whether the unit is on pace for the share of the year gone by.
import { Card, Progress, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { TargetRow, TargetsResult } from '../../../../../db/domain/report'
import { useApiQuery } from '../../../api/hooks'
import { percent, points } from '../../../format'
import { DrillLink } from '../drill/DrillLink'
import { TabExport } from '../export/TabExport'
import { targetAmount as amount, targetExpected as expected, targetIndicatorLabel, targetsTable, targetUnitLabel } from '../export/tabTables'
import { type ReportParams, reportYear } from '../filters/params'
import { ReportPeriod } from '../ReportPeriod'
import { ReportState } from '../ReportState'

/** The report filter's narrowest unit picks the targets shown: a person, else a park, else a district. */
function unitOf(params: ReportParams) {
  if (params.ownerId) return { unitType: 'user' as const, unitId: params.ownerId }
  if (params.parkId) return { unitType: 'park' as const, unitId: params.parkId }
  if (params.districtId) return { unitType: 'district' as const, unitId: params.districtId }
  return {}
}

export function TargetsTab({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const year = reportYear(params)
  const targets = useApiQuery('report-targets', { year, ...unitOf(params) })
  const unitLabel = (row: TargetRow) => targetUnitLabel(t, row)
  return (
    <ReportState
      query={targets}
      isEmpty={(data: TargetsResult) => data.rows.length === 0}
      emptyText={t('reports.targets.empty', { year })}
      emptyAction={
        <Link to="/settings/targets" data-testid="targets-empty-set">
          {t('reports.targets.set')}
        </Link>
      }
    >
      {(data) => {
        const asOf = t('reports.targets.asOf', { year: data.year, asOf: data.asOf, elapsed: percent(data.elapsedShare, 2) })
        return (
          <Card size="small" className="report-card">
            <ReportPeriod text={asOf} testId="targets-period">
              <TabExport title={t('reports.tab.targets')} notes={[asOf]} params={params} table={() => targetsTable(t, data)} />
            </ReportPeriod>
            <Table<TargetRow>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={data.rows}
              data-testid="targets-table"
              columns={[
                { title: t('reports.targets.unit'), render: (_, row) => unitLabel(row) },
                { title: t('reports.targets.indicator'), render: (_, row) => targetIndicatorLabel(t, row) },
                {
                  title: t('reports.targets.actual'),
                  align: 'right',
                  width: 120,
                  render: (_, row) => (
                    <DrillLink drill={row.drill} title={`${unitLabel(row)} · ${t(`vocab.targetIndicator.${row.indicator}`)}`}>
                      {amount(row, row.actual)}
                    </DrillLink>
                  ),
                },
                { title: t('reports.targets.target'), align: 'right', width: 120, render: (_, row) => amount(row, row.target) },
                {
                  title: t('reports.targets.completion'),
                  width: 200,
                  render: (_, row) =>
                    row.completionPct === null ? (
                      '—'
                    ) : (
                      <Progress
                        percent={Math.min(100, row.completionPct)}
                        format={() => points(row.completionPct)}
                        status={row.onPace ? 'success' : 'normal'}
                        size="small"
                        // A bar is named by what it measures, for screen readers.
                        aria-label={`${unitLabel(row)} · ${t(`vocab.targetIndicator.${row.indicator}`)} · ${t('reports.targets.completion')}`}
                      />
                    ),
                },
                { title: t('reports.targets.expected'), align: 'right', width: 120, render: (_, row) => expected(row) },
                {
                  title: t('reports.targets.pace'),
                  width: 100,
                  render: (_, row) => <Tag color={row.onPace ? 'success' : 'warning'}>{t(row.onPace ? 'reports.targets.onPace' : 'reports.targets.behind')}</Tag>,
                },
              ]}
            />
          </Card>
        )
      }}
    </ReportState>
  )
}
