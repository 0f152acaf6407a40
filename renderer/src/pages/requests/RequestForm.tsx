// Register or edit an enterprise request. Status moves only through the advance action.
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { RequestFields, requestIssues, type RequestView } from '../../../../db/domain/request'
import { REQUEST_CATEGORY } from '../../../../db/domain/vocab'
import { useApiMutation } from '../../api/hooks'
import { applyApiError, zodRule } from '../../components/forms'
import { InvestorSelect, ProjectSelect, UserSelect } from '../../components/selects'
import { dateItemProps, today } from '../../shell/formDates'

interface Props {
  request: RequestView | null
  open: boolean
  onClose(): void
}

export function RequestForm({ request, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm()
  const create = useApiMutation('request-create')
  const update = useApiMutation('request-update')

  const submit = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    try {
      if (request) await update.mutateAsync({ id: request.id, ...values })
      else await create.mutateAsync(values)
      void message.success(t('common.saved'))
      onClose()
    } catch (error) {
      void message.error(applyApiError(form, error))
    }
  }

  const cancel = () => {
    if (!form.isFieldsTouched()) return onClose()
    modal.confirm({ title: t('common.unsavedChanges'), onOk: onClose })
  }

  // The cross-field rules of the API, checked where the user can fix them.
  const crossRule = (path: 'projectId' | 'deadlineOn') => ({
    validator: async () => {
      const issue = requestIssues(form.getFieldsValue(['investorId', 'projectId', 'receivedOn', 'deadlineOn'])).find((one) => one.path === path)
      if (issue) throw new Error(issue.message)
    },
  })

  const shape = RequestFields.shape
  return (
    <Modal
      open={open}
      width={720}
      title={request ? t('request.edit') : t('request.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={cancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={request ?? { category: 'financing', receivedOn: today() }}>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="title" label={t('request.titleField')} rules={[zodRule(shape.title)]} required>
              <Input autoFocus maxLength={200} />
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
              <InvestorSelect style={{ width: '100%' }} initialLabel={request?.investorName ?? undefined} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="projectId" label={t('request.project')} rules={[crossRule('projectId')]} dependencies={['investorId']}>
              <ProjectSelect style={{ width: '100%' }} initialLabel={request?.projectName ?? undefined} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="detail" label={t('request.detail')} rules={[zodRule(shape.detail)]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="receivedOn" label={t('request.receivedOn')} rules={[zodRule(shape.receivedOn)]} required {...dateItemProps}>
              <DatePicker style={{ width: '100%' }} />
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
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="assigneeId" label={t('request.assignee')}>
              <UserSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="department" label={t('request.department')} rules={[zodRule(shape.department)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
