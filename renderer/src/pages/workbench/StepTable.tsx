// Next steps to do: due date first (red when overdue), what it is about, the step, and "完成".
import { Empty, Table, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import { CompleteStepButton } from '../negotiations/CompleteStepButton'
import { DueDate } from '../negotiations/NextStepCell'

interface Props {
  rows: NegotiationView[]
  loading: boolean
  today?: string
  empty: ReactNode
  showOwner: boolean
  testId: string
}

export function StepTable({ rows, loading, today, empty, showOwner, testId }: Props) {
  const { t } = useTranslation()
  return (
    <Table<NegotiationView>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      data-testid={testId}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      columns={[
        {
          title: t('workbench.columns.due'),
          key: 'due',
          width: 130,
          render: (_, n) => <DueDate step={n} today={today} />,
        },
        {
          title: t('workbench.columns.target'),
          key: 'target',
          width: 200,
          render: (_, n) =>
            n.projectId ? (
              <Typography.Text ellipsis={{ tooltip: n.projectName }}>
                <Link to={`/projects/${n.projectId}`}>{n.projectName}</Link>
              </Typography.Text>
            ) : (
              <Typography.Text ellipsis={{ tooltip: n.investorName }}>
                <Link to={`/investors/${n.investorId}`}>{n.investorName}</Link>
              </Typography.Text>
            ),
        },
        {
          title: t('workbench.columns.step'),
          dataIndex: 'nextStep',
          render: (step: string, n) => (
            <div style={{ minWidth: 0 }}>
              <Typography.Text ellipsis={{ tooltip: step }} style={{ display: 'block' }}>
                {step}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis={{ tooltip: n.summary }} style={{ display: 'block', fontSize: 12 }}>
                {t('workbench.stepContext', { date: n.happenedOn, type: t(`vocab.negotiationType.${n.type}`), summary: n.summary })}
              </Typography.Text>
            </div>
          ),
        },
        ...(showOwner
          ? [{ title: t('workbench.columns.owner'), dataIndex: 'ownerName', width: 80, render: (name: string | null) => name ?? '—' }]
          : []),
        {
          title: '',
          key: 'complete',
          width: 92,
          align: 'right' as const,
          render: (_, n) => <CompleteStepButton negotiation={n} />,
        },
      ]}
    />
  )
}
