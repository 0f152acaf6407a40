// Register or edit an enterprise request. Status moves only through the advance action.
import { Col, Form, Input, Modal, Row, Select } from 'antd'
import { DateField } from '../../components/DateField'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RequestFields, requestIssues, type RequestView } from '../../../../db/domain/request'
import { REQUEST_CATEGORY } from '../../../../db/domain/vocab'
import { call } from '../../api/client'
import { useApiMutation } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { InvestorSelect, ProjectSelect, UserSelect } from '../../components/selects'
import { dateItemProps, today } from '../../shell/formDates'
import { textLimit } from '../../components/textLimit'

interface Props {
  request: RequestView | null
  open: boolean
  onClose(): void
}

export function RequestForm({ request, open, onClose }: Props) {
  const { t } = useTranslation()
  const create = useApiMutation('request-create')
  const update = useApiMutation('request-update')
  const { form, modalProps } = useFormDialog({
    save: (values, clientRequestId) => (request ? update.mutateAsync({ id: request.id, ...values }) : create.mutateAsync({ ...values, clientRequestId })),
    onClose,
  })

  // The cross-field rules of the API, checked where the user can fix them.
  const crossRule = (path: 'projectId' | 'deadlineOn') => ({
    validator: async () => {
      const issue = requestIssues(form.getFieldsValue(['investorId', 'projectId', 'receivedOn', 'deadlineOn'])).find((one) => one.path === path)
      if (issue) throw new Error(issue.message)
    },
  })

  // Choosing the project fills its company (a request belongs to the project's investor).
  const [investorLabel, setInvestorLabel] = useState<string | undefined>(request?.investorName ?? undefined)
  const fillInvestor = async (projectId: unknown) => {
    if (typeof projectId !== 'string' || form.getFieldValue('investorId')) return
    const project = await call('project-get', { id: projectId }).catch(() => null)
    if (!project?.investorId) return
    setInvestorLabel(project.investorName ?? undefined)
    form.setFieldsValue({ investorId: project.investorId })
  }

  const shape = RequestFields.shape
  return (
    <Modal
      open={open}
      width={720}
      title={request ? t('request.edit') : t('request.add')}
      {...modalProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={request ?? { category: 'financing', receivedOn: today() }}>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label={t('request.titleField')} rules={[zodRule(shape.title)]} required>
              <Input autoFocus {...textLimit(shape.title)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label={t('request.category')} rules={[zodRule(shape.category)]} required>
              <Select options={REQUEST_CATEGORY.keys.map((key) => ({ value: key, label: t(`vocab.requestCategory.${key}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="investorId" label={t('request.investor')} dependencies={['projectId']}>
              <InvestorSelect style={{ width: '100%' }} initialLabel={investorLabel} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="projectId" label={t('request.project')} rules={[crossRule('projectId')]} dependencies={['investorId']}>
              <ProjectSelect style={{ width: '100%' }} initialLabel={request?.projectName ?? undefined} onChange={(value) => void fillInvestor(value)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="detail" label={t('request.detail')} rules={[zodRule(shape.detail)]}>
          <Input.TextArea rows={3} {...textLimit(shape.detail)} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="receivedOn" label={t('request.receivedOn')} rules={[zodRule(shape.receivedOn)]} required {...dateItemProps}>
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="deadlineOn"
              label={t('request.deadlineOn')}
              rules={[zodRule(shape.deadlineOn), crossRule('deadlineOn')]}
              dependencies={['receivedOn']}
              {...dateItemProps}
            >
              <DateField style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="assigneeId" label={t('request.assignee')}>
              <UserSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="department" label={t('request.department')} rules={[zodRule(shape.department)]}>
              <Input {...textLimit(shape.department)} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
