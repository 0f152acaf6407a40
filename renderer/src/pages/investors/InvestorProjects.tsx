// The projects of one investor, paged on the server.
import { Empty, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ProjectRow } from '../../../../db/domain/project'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { StageTag } from '../../components/StageTag'
import { yi } from '../../format'
import { NewProjectForInvestorButton } from './NewProjectForInvestor'

const PAGE_SIZE = 10

export function InvestorProjects({ investorId, investorName }: { investorId: string; investorName: string }) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const projects = useApiQuery('project-list', { investorId, page, pageSize: PAGE_SIZE }, { placeholderData: (previous) => previous })
  if (projects.error) return <ErrorState error={projects.error} onRetry={() => void projects.refetch()} />
  return (
    <>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <NewProjectForInvestorButton investor={{ id: investorId, name: investorName }} />
      </div>
      <Table<ProjectRow>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        loading={projects.isFetching}
        dataSource={projects.data?.rows ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('investors.projects.empty')} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: projects.data?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          onChange: setPage,
        }}
        columns={[
          {
            title: t('investors.projects.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Typography.Text ellipsis={{ tooltip: name }}>
                <Link to={`/projects/${p.id}`}>{name}</Link>
              </Typography.Text>
            ),
          },
          { title: t('investors.projects.stage'), dataIndex: 'stage', width: 100, render: (stage: ProjectRow['stage']) => <StageTag stage={stage} /> },
          { title: t('investors.projects.park'), dataIndex: 'parkName', width: 180, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('investors.projects.owner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? '—' },
          {
            title: t('investors.projects.totalInvestment'),
            dataIndex: 'totalInvestmentYuan',
            width: 130,
            align: 'right',
            render: (v: number | null) => yi(v),
          },
        ]}
        summary={() =>
          (projects.data?.total ?? 0) > 1 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t('investors.projects.sum', { count: projects.data?.total })}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{yi(projects.data?.totalInvestmentYuan)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )
        }
      />
    </>
  )
}
