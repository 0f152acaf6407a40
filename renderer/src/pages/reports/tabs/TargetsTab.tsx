// 目标: the year's targets per unit and indicator — actual, target, completion as a bar, and
// whether the unit is on pace for the share of the year gone by.
import { Card, Progress, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TargetRow, TargetsResult } from '../../../../../db/domain/report'
import { useApiQuery } from '../../../api/hooks'
import { count, decimal2, percent, points, yi } from '../../../format'
import { DrillLink } from '../drill/DrillLink'
import { type ReportParams, reportYear } from '../filters/params'
import { ReportState } from '../ReportState'

/** The report filter's narrowest unit picks the targets shown: a person, else a park, else a district. */
function unitOf(params: ReportParams) {
  if (params.ownerId) return { unitType: 'user' as const, unitId: params.ownerId }
  if (params.parkId) return { unitType: 'park' as const, unitId: params.parkId }
  if (params.districtId) return { unitType: 'district' as const, unitId: params.districtId }
  return {}
}

const amount = (row: TargetRow, value: number) => (row.isAmount ? yi(value) : count(value))
/** 应完成 of a count target is a share of it (3.6 of 4): two decimals like the 亿元 rows, never 3.6 beside 3. */
const expected = (row: TargetRow) => (row.isAmount ? yi(row.expected) : decimal2(row.expected))

export function TargetsTab({ params }: { params: ReportParams }) {
  const { t } = useTranslation()
  const year = reportYear(params)
  const targets = useApiQuery('report-targets', { year, ...unitOf(params) })
  const unitLabel = (row: TargetRow) => `${t(`vocab.targetUnit.${row.unitType}`)} · ${row.unitName ?? '—'}`
  return (
    <ReportState query={targets} isEmpty={(data: TargetsResult) => data.rows.length === 0} emptyText={t('reports.targets.empty', { year })}>
      {(data) => (
        <Card size="small" className="report-card">
          <Typography.Paragraph type="secondary">
            {t('reports.targets.asOf', { year: data.year, asOf: data.asOf, elapsed: percent(data.elapsedShare, 2) })}
          </Typography.Paragraph>
          <Table<TargetRow>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={data.rows}
            data-testid="targets-table"
            columns={[
              { title: t('reports.targets.unit'), render: (_, row) => unitLabel(row) },
              { title: t('reports.targets.indicator'), render: (_, row) => `${t(`vocab.targetIndicator.${row.indicator}`)}${row.isAmount ? t('reports.targets.inYi') : ''}` },
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
      )}
    </ReportState>
  )
}
