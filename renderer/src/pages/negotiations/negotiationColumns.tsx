// The negotiation table's columns: shared by the list page and an investor's detail page, both on
// the list kit (components/list).
import { DeleteOutlined, EditOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { NegotiationView } from '../../../../db/domain/negotiation'
import type { ListColumn } from '../../components/list/ServerTable'
import { CompleteStepButton } from './CompleteStepButton'
import { NextStepCell } from './NextStepCell'
import { negotiationName, useDeleteNegotiation } from './useDeleteNegotiation'

interface Options {
  onEdit(negotiation: NegotiationView): void
  /** Hide the project/investor column where the page already says it (an investor's detail). */
  hideTarget?: boolean
}

export function useNegotiationColumns({ onEdit, hideTarget }: Options): ListColumn<NegotiationView>[] {
  const { t } = useTranslation()
  const onDelete = useDeleteNegotiation()

  return [
    {
      title: t('negotiations.fields.happenedOn'),
      dataIndex: 'happenedOn',
      key: 'happenedOn',
      width: 108,
      sortKey: 'happenedOn',
    },
    {
      title: t('negotiations.fields.type'),
      key: 'type',
      dataIndex: 'type',
      width: 92,
      wrap: true,
      render: (type: NegotiationView['type']) => <Tag style={{ marginInlineEnd: 0 }}>{t(`vocab.negotiationType.${type}`)}</Tag>,
    },
    ...(hideTarget
      ? []
      : [
          {
            title: t('negotiations.fields.target'),
            key: 'target',
            width: 180,
            wrap: true,
            render: (_: unknown, n: NegotiationView) => (
              <div style={{ minWidth: 0 }}>
                {n.projectId && (
                  <Typography.Text ellipsis={{ tooltip: n.projectName }} style={{ display: 'block' }}>
                    <Link to={`/projects/${n.projectId}`}>{n.projectName}</Link>
                  </Typography.Text>
                )}
                {n.investorId && (
                  <Typography.Text type={n.projectId ? 'secondary' : undefined} ellipsis={{ tooltip: n.investorName }} style={{ display: 'block', fontSize: n.projectId ? 12 : undefined }}>
                    <Link to={`/investors/${n.investorId}`} style={{ color: 'inherit' }}>
                      {n.investorName}
                    </Link>
                  </Typography.Text>
                )}
              </div>
            ),
          },
        ]),
    {
      title: t('negotiations.fields.summary'),
      key: 'summary',
      dataIndex: 'summary',
      // Two lines of the summary: the cell cuts them itself.
      wrap: true,
      render: (summary: string, n) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: summary }} style={{ marginBottom: 0 }}>
            {summary}
          </Typography.Paragraph>
          {n.result && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: n.result }} style={{ fontSize: 12, display: 'block' }}>
              {t('negotiations.resultLine', { text: n.result })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('negotiations.fields.nextStep'),
      key: 'nextDueOn',
      width: 180,
      sortKey: 'nextDueOn',
      wrap: true,
      render: (_, n) => <NextStepCell step={n} />,
    },
    { title: t('negotiations.fields.owner'), key: 'owner', width: 76, render: (_, n) => n.ownerName ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 146,
      wrap: true,
      render: (_, n) => (
        <Space size={0}>
          {n.nextStep && !n.nextDoneOn && <CompleteStepButton negotiation={n} />}
          <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => onEdit(n)} />
          <Popconfirm title={t('common.confirmDelete', { name: negotiationName(n) })} onConfirm={() => onDelete(n)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ]
}
