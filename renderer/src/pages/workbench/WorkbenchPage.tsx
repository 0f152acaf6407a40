// 工作台: what to do today first (overdue and due next steps), then the week ahead, my projects
// by stage, and what changed lately. Ctrl/⌘+J (the shell's quick entry) records a negotiation.
import { EditOutlined } from '@ant-design/icons'
import { Button, Col, Flex, Row, Segmented, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type DueScope, useDueSummary } from '../../shell/useDueSummary'
import { DueCounts } from './DueCounts'
import { DueNowCard } from './DueNowCard'
import { ProjectsByStage } from './ProjectsByStage'
import { RecentNegotiations } from './RecentNegotiations'
import { UpcomingCard } from './UpcomingCard'
import { useQuickEntry } from '../../shell/QuickEntry'
import { PageTitle } from '../../components/PageTitle'

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

export function WorkbenchPage() {
  const { t } = useTranslation()
  const [scope, setScope] = useState<DueScope>('mine')
  const openQuickEntry = useQuickEntry()

  // The badge's own rule and query: without a chosen user there is no "mine", everyone's work is shown.
  const { summary, user, ownerId } = useDueSummary(scope)
  const today = summary.data?.today

  return (
    <div className="page">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Space size={16} align="center">
          <PageTitle>
            {user ? t('workbench.greeting', { name: user.name }) : t('nav.workbench')}
          </PageTitle>
          {today && <Typography.Text type="secondary">{t('workbench.today', { date: today })}</Typography.Text>}
        </Space>
        <Space size={12}>
          {user && (
            <Segmented<DueScope>
              value={scope}
              onChange={setScope}
              options={[
                { value: 'mine', label: t('workbench.scope.mine') },
                { value: 'all', label: t('workbench.scope.all') },
              ]}
            />
          )}
          <Button type="primary" icon={<EditOutlined />} onClick={openQuickEntry} data-testid="quick-entry">
            {t('workbench.quickEntry')}
            <Typography.Text style={{ color: 'inherit', fontSize: 12 }}>{isMac ? '⌘J' : 'Ctrl+J'}</Typography.Text>
          </Button>
        </Space>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <DueCounts summary={summary.data} loading={summary.isPending} />
            <DueNowCard ownerId={ownerId} today={today} onQuickEntry={openQuickEntry} />
            <UpcomingCard ownerId={ownerId} today={today} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ProjectsByStage ownerId={ownerId} />
            <RecentNegotiations ownerId={ownerId} />
          </Space>
        </Col>
      </Row>
    </div>
  )
}
