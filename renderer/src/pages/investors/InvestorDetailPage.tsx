// One investor: key facts, then contacts, projects, negotiations and the change history in tabs.
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, MergeCellsOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Popconfirm, Result, Space, Spin, Tabs } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { ContactsTab } from './ContactsTab'
import { InvestorFacts } from './InvestorFacts'
import { InvestorForm } from './InvestorForm'
import { InvestorNegotiations } from './InvestorNegotiations'
import { InvestorProjects } from './InvestorProjects'
import { InvestorTimeline } from './InvestorTimeline'
import { MergeDialog } from './MergeDialog'
import { useDeleteInvestor } from './useDeleteInvestor'
import { useQuickEntryTarget } from '../../shell/QuickEntry'
import { PageTitle } from '../../components/PageTitle'
import { ColorTag } from '../../components/ColorTag'

export function InvestorDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const investor = useApiQuery('investor-get', { id })
  const [editing, setEditing] = useState(false)
  const [merging, setMerging] = useState(false)
  // Ctrl/⌘+J here logs a negotiation with this investor.
  useQuickEntryTarget(investor.data ? { value: `investor:${investor.data.id}`, label: investor.data.name } : null)
  const onDelete = useDeleteInvestor(
    () => navigate('/investors'),
    (restored) => navigate(`/investors/${restored}`),
  )

  if (investor.isLoading) return <Spin style={{ display: 'block', margin: 80 }} />
  if (investor.error?.code === 'not_found') {
    return (
      <Result
        status="404"
        title={t('investors.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/investors')}>
            {t('investors.backToList')}
          </Button>
        }
      />
    )
  }
  if (investor.error || !investor.data) return <ErrorState error={investor.error ?? new Error('')} onRetry={() => void investor.refetch()} />
  const data = investor.data

  return (
    <div className="page">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Flex justify="space-between" align="flex-start" gap={16} wrap>
            <Space orientation="vertical" size={4} style={{ minWidth: 0 }}>
              <Link to="/investors">
                <ArrowLeftOutlined /> {t('investors.title')}
              </Link>
              <Space wrap size={8} align="center">
                <PageTitle testId="investor-name">
                  {data.name}
                </PageTitle>
                {data.tags.map((tag) => (
                  <ColorTag key={tag.id} color={tag.color}>
                    {tag.name}
                  </ColorTag>
                ))}
              </Space>
            </Space>
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="investor-merge">
                {t('investors.merge.action')}
              </Button>
              <Popconfirm title={t('common.confirmDelete', { name: data.name })} onConfirm={() => onDelete(data)}>
                <Button danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Space>
          </Flex>
          <div style={{ marginTop: 12 }}>
            <InvestorFacts investor={data} />
          </div>
        </Card>
        <Card size="small">
          <Tabs
            items={[
              {
                key: 'contacts',
                label: t('investors.tabs.contacts', { count: data.contacts.length }),
                children: <ContactsTab investorId={data.id} contacts={data.contacts} />,
              },
              {
                key: 'projects',
                label: t('investors.tabs.projects', { count: data.projectCount }),
                children: <InvestorProjects investorId={data.id} investorName={data.name} />,
              },
              {
                key: 'negotiations',
                label: t('investors.tabs.negotiations', { count: data.negotiationCount }),
                children: <InvestorNegotiations investor={data} />,
              },
              { key: 'history', label: t('investors.tabs.history'), children: <InvestorTimeline investorId={data.id} /> },
            ]}
          />
        </Card>
      </Space>
      <InvestorForm investorId={data.id} open={editing} onClose={() => setEditing(false)} />
      <MergeDialog investor={data} open={merging} onClose={() => setMerging(false)} />
    </div>
  )
}
