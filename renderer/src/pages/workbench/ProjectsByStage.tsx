// My projects by stage: how many and how much (亿元), from the kanban board's column totals.
import { Card, Empty, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { BoardColumn } from '../../../../db/domain/project'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { StageTag } from '../../components/StageTag'
import { count, yi } from '../../format'

export function ProjectsByStage({ ownerId }: { ownerId?: string }) {
  const { t } = useTranslation()
  const board = useApiQuery('project-board', { ownerId })
  const columns = (board.data?.columns ?? []).filter((column) => column.count > 0)
  const totalCount = columns.reduce((sum, c) => sum + c.count, 0)
  const totalYuan = columns.reduce((sum, c) => sum + c.totalInvestmentYuan, 0)

  return (
    <Card
      size="small"
      title={ownerId ? t('workbench.projects.mine') : t('workbench.projects.all')}
      extra={<Link to="/projects">{t('workbench.seeAll')}</Link>}
    >
      {board.error ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <Table<BoardColumn>
          rowKey="stage"
          size="small"
          loading={board.isLoading}
          dataSource={columns}
          pagination={false}
          data-testid="projects-by-stage"
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<Link to="/projects">{t('workbench.projects.empty')}</Link>} />
            ),
          }}
          columns={[
            { title: t('workbench.projects.stage'), dataIndex: 'stage', render: (stage: BoardColumn['stage']) => <StageTag stage={stage} /> },
            { title: t('workbench.projects.count'), dataIndex: 'count', align: 'right', width: 80, render: count },
            { title: t('workbench.projects.amount'), dataIndex: 'totalInvestmentYuan', align: 'right', width: 130, render: yi },
          ]}
          summary={() =>
            columns.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('workbench.projects.total')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{count(totalCount)}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <Typography.Text strong>{yi(totalYuan)}</Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      )}
    </Card>
  )
}
