// Create or edit a project: only the name is required; the rest is grouped the way ledgers are.
import { Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd'
import { DateField } from '../../components/DateField'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ProjectCreate, type ProjectDetail } from '../../../../db/domain/project'
import { MAIN_STAGES } from '../../../../db/domain/stages'
import { PRIORITY, PROJECT_KIND } from '../../../../db/domain/vocab'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { AmountInput, readableAmountRule } from '../../components/AmountInput'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { IndustrySelect, InvestorSelect, ParkSelect, TagSelect, UserSelect } from '../../components/selects'
import { isoDateItem, notInFuture } from './dates'
import { type ProjectFormValues, toCreateInput, toFormValues, toUpdateInput } from './projectForm'
import { textLimit } from '../../components/textLimit'

interface Props {
  /** null: a new project. */
  project: ProjectDetail | null
  open: boolean
  /** A new project for this investor (from the investor's page, or right after creating it). */
  investor?: { id: string; name: string }
  onClose(): void
  onSaved?(project: ProjectDetail): void
}

const shape = ProjectCreate.shape

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Typography.Text strong style={{ display: 'block', margin: '4px 0 8px', color: '#1f5fbf' }}>
        {title}
      </Typography.Text>
      <Row gutter={16}>{children}</Row>
    </>
  )
}

export function ProjectForm({ project, open, investor, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  // A new project is usually the officer's own: 责任人 starts as the current user.
  const session = useApiQuery('session-get', {})
  const create = useApiMutation('project-create')
  const update = useApiMutation('project-update')
  const { form, submit, modalProps } = useFormDialog<ProjectDetail>({
    save: (values: ProjectFormValues, clientRequestId) =>
      project ? update.mutateAsync(toUpdateInput(project.id, values)) : create.mutateAsync({ ...toCreateInput(values), clientRequestId }),
    onSaved,
    onClose,
  })

  const amount = (name: keyof ProjectFormValues & keyof typeof shape, label: string, unit: 'yi' | 'wan' = 'yi') => (
    <Col span={8}>
      <Form.Item name={name} label={label} validateFirst rules={[readableAmountRule(t('amount.unreadable')), zodRule(shape[name])]}>
        <AmountInput defaultUnit={unit} placeholder={t('project.hint.amount')} />
      </Form.Item>
    </Col>
  )
  const dateItem = (name: keyof ProjectFormValues & keyof typeof shape, label: string, past = false) => (
    <Col span={8}>
      <Form.Item name={name} label={label} rules={[zodRule(shape[name])]} {...isoDateItem}>
        <DateField style={{ width: '100%' }} disabledDate={past ? notInFuture : undefined} />
      </Form.Item>
    </Col>
  )

  return (
    <Modal
      open={open}
      width={860}
      title={project ? t('project.edit') : t('project.add')}
      {...modalProps}
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 8 } }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={project ? toFormValues(project) : { stage: 'lead', ownerId: session.data?.user?.id, investorId: investor?.id }}
        onFinish={() => void submit()}
        data-testid="project-form"
      >
        <Group title={t('project.group.basic')}>
          <Col span={16}>
            <Form.Item name="name" label={t('project.field.name')} rules={[zodRule(shape.name)]} required>
              <Input autoFocus {...textLimit(shape.name)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="investorId" label={t('project.field.investor')}>
              <InvestorSelect initialLabel={project?.investorName ?? investor?.name} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="parkId" label={t('project.field.park')}>
              <ParkSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="industryId" label={t('project.field.industry')}>
              <IndustrySelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="chain" label={t('project.field.chain')} rules={[zodRule(shape.chain)]}>
              <Input {...textLimit(shape.chain)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="kind" label={t('project.field.kind')}>
              <Select allowClear options={PROJECT_KIND.keys.map((key) => ({ value: key, label: t(`vocab.projectKind.${key}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('project.field.priority')}>
              <Select allowClear options={PRIORITY.keys.map((key) => ({ value: key, label: t(`vocab.priority.${key}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="tagIds" label={t('project.field.tags')}>
              <TagSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Group>
        <Group title={t('project.group.scale')}>
          {amount('totalInvestment', t('project.field.totalInvestment'))}
          {amount('fixedAsset', t('project.field.fixedAsset'))}
          <Col span={8}>
            <Form.Item name="foreignCapitalWanUsd" label={t('project.field.foreignCapital')}>
              <InputNumber style={{ width: '100%' }} min={0} precision={4} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="landMu" label={t('project.field.land')} rules={[zodRule(shape.landMu)]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={2} />
            </Form.Item>
          </Col>
          {amount('expectedOutput', t('project.field.expectedOutput'))}
          {amount('expectedTax', t('project.field.expectedTax'), 'wan')}
          <Col span={8}>
            <Form.Item name="expectedJobs" label={t('project.field.expectedJobs')} rules={[zodRule(shape.expectedJobs)]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={0} />
            </Form.Item>
          </Col>
        </Group>
        <Group title={t('project.group.people')}>
          <Col span={8}>
            <Form.Item name="ownerId" label={t('project.field.owner')}>
              <UserSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="leaderId" label={t('project.field.leader')}>
              <UserSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {dateItem('reserveOn', t('project.field.reserveOn'), true)}
          {dateItem('planSignedOn', t('project.field.planSignedOn'))}
          {dateItem('planStartedOn', t('project.field.planStartedOn'))}
          {dateItem('planOperatingOn', t('project.field.planOperatingOn'))}
          <Col span={24}>
            <Form.Item name="progress" label={t('project.field.progress')} rules={[zodRule(shape.progress)]}>
              <Input.TextArea rows={2} {...textLimit(shape.progress)} />
            </Form.Item>
          </Col>
        </Group>
        {!project && (
          <Group title={t('project.group.entry')}>
            <Col span={8}>
              <Form.Item name="stage" label={t('project.field.stage')} tooltip={t('project.hint.entryStage')}>
                <Select options={MAIN_STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))} />
              </Form.Item>
            </Col>
            {dateItem('stageOn', t('project.field.stageOn'), true)}
          </Group>
        )}
        {/* Enter in a text field saves, as in every other form of the app. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  )
}
