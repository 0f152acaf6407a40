// The projects behind a figure: count and exact 亿元 sum at the top (the same SQL as the figure,
// so they match what was clicked), then a paged table linking to each project.
import { Drawer, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { DrillRow } from '../../../../../db/domain/report'
import type { Stage } from '../../../../../db/domain/stages'
import { useApiQuery } from '../../../api/hooks'
import { ErrorState } from '../../../components/ErrorState'
import { StageTag } from '../../../components/StageTag'
import { count, date, yi } from '../../../format'
import type { DrillRequest } from './context'

const PAGE_SIZE = 20

export function DrillDrawer({ request, onClose }: { request: DrillRequest | null; onClose(): void }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const [shown, setShown] = useState(request)
  // A new figure starts on its first page.
  if (shown !== request) {
    setShown(request)
    setPage(1)
  }
  const drill = request?.drill ?? {}
  const result = useApiQuery('report-drill', { drill, page, pageSize: PAGE_SIZE }, { enabled: request !== null })
  const measure = drill.measure ?? 'investment'
  const data = result.data

  return (
    <Drawer open={request !== null} onClose={onClose} size={920} title={request?.title} destroyOnHidden>
      <div data-testid="drill-drawer">
      {result.error ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : (
        <>
          <Typography.Paragraph strong data-testid="drill-summary">
            {data ? t(`reports.drill.summary.${measure}`, { n: count(data.count), sum: yi(data.sumYuan) }) : '\u00a0'}
          </Typography.Paragraph>
          <Table<DrillRow>
            rowKey="id"
            size="small"
            loading={result.isFetching}
            dataSource={data?.rows ?? []}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.count ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: setPage,
            }}
            columns={[
              { title: t('reports.drill.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/projects/${row.id}`}>{name}</Link> },
              { title: t('reports.drill.stage'), dataIndex: 'stage', width: 90, render: (stage: Stage) => <StageTag stage={stage} /> },
              { title: t('reports.drill.park'), dataIndex: 'parkName', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
              { title: t('reports.drill.owner'), dataIndex: 'ownerName', width: 80, render: (v: string | null) => v ?? '—' },
              { title: t('reports.drill.signedOn'), dataIndex: 'signedOn', width: 100, render: date },
              { title: t('reports.drill.startedOn'), dataIndex: 'startedOn', width: 100, render: date },
              { title: t(`reports.drill.measure.${measure}`), dataIndex: 'measureYuan', width: 110, align: 'right', render: yi },
            ]}
          />
        </>
      )}
      </div>
    </Drawer>
  )
}
