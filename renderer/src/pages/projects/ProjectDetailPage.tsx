// /projects/:id: the project at a glance — stage, facts, next step, what happened, its files.
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Popconfirm, Result, Row, Skeleton, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import { useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { StageTag } from '../../components/StageTag'
import { yi } from '../../format'
import { AgreementsCard } from './detail/AgreementsCard'
import { FundsCard } from './detail/FundsCard'
import { LogNegotiationButton, NextStepCard } from './NextStepCard'
import { ProjectAttachments } from './ProjectAttachments'
import { ProjectForm } from './ProjectForm'
import { ProjectSummary } from './ProjectSummary'
import { ProjectTimeline } from './ProjectTimeline'
import { StageBar } from './StageBar'
import { StageChangeDialog, type StageChangeTarget } from './StageChangeDialog'
import { useDeleteProject } from './useDeleteProject'
import { useQuickEntryTarget } from '../../shell/QuickEntry'
import { PageTitle } from '../../components/PageTitle'

export function ProjectDetailPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id = '' } = useParams()
  const project = useApiQuery('project-get', { id }, { retry: false })
  const [editing, setEditing] = useState(false)
  const [stageTarget, setStageTarget] = useState<StageChangeTarget | null>(null)
  const deleteProject = useDeleteProject()
  // Ctrl/⌘+J here logs a negotiation about this project (and so its investor).
  useQuickEntryTarget(project.data ? { value: `project:${project.data.id}`, label: project.data.name } : null)
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate('/projects')} style={{ paddingInline: 0 }}>
      {t('project.back')}
    </Button>
  )

  if (project.error) {
    const notFound = project.error.code === 'not_found'
    return (
      <div className="page">
        {back}
        {notFound ? <Result status="404" title={t('project.notFound')} /> : <ErrorState error={project.error} onRetry={() => void project.refetch()} />}
      </div>
    )
  }
  if (!project.data) {
    return (
      <div className="page">
        {back}
        <Skeleton active />
      </div>
    )
  }
  const p = project.data

  return (
    <div className="page">
      {back}
      <div style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: 16, margin: '4px 0 12px' }}>
        <Space size={10} wrap align="center">
          <PageTitle testId="project-title">
            {p.name}
          </PageTitle>
          <StageTag stage={p.stage} />
          {p.priority && <Tag color="gold">{t(`vocab.priority.${p.priority}`)}</Tag>}
          <Typography.Text type="secondary">
            {t('project.field.totalInvestment')} <Typography.Text strong>{yi(p.totalInvestmentYuan)}</Typography.Text>
          </Typography.Text>
        </Space>
        <Space>
          <Button type="primary" icon={<SwapOutlined />} onClick={() => setStageTarget({ id: p.id, name: p.name, stage: p.stage })} data-testid="project-stage-change">
            {t('project.stageChange.button')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="project-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.confirmDelete', { name: p.name })} onConfirm={() => deleteProject(p)}>
            <Button danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      </div>
      {p.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('project.detail.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {p.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <StageBar project={p} />
      </Card>
      <Row gutter={12}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('project.detail.summary')} style={{ marginBottom: 12 }}>
            <ProjectSummary project={p} />
          </Card>
          <Card size="small" title={t('project.detail.timeline')} style={{ marginBottom: 12 }}>
            <ProjectTimeline project={p} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('project.detail.nextStep')} extra={<LogNegotiationButton project={p} />} style={{ marginBottom: 12 }}>
            <NextStepCard projectId={p.id} />
          </Card>
          <AgreementsCard projectId={p.id} />
          <FundsCard projectId={p.id} />
          <Card size="small" title={t('project.detail.attachments')} style={{ marginBottom: 12 }}>
            <ProjectAttachments projectId={p.id} />
          </Card>
        </Col>
      </Row>
      <ProjectForm project={p} open={editing} onClose={() => setEditing(false)} />
      <StageChangeDialog target={stageTarget} onClose={() => setStageTarget(null)} />
    </div>
  )
}
