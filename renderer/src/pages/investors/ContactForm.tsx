// Add or edit one contact of an investor.
import { Checkbox, Col, Form, Input, Modal, Row } from 'antd'
import { useTranslation } from 'react-i18next'
import { ContactFields, type ContactView } from '../../../../db/domain/investor'
import { useApiMutation } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { textLimit } from '../../components/textLimit'

interface Props {
  investorId: string
  contact: ContactView | null
  open: boolean
  onClose(): void
}

const shape = ContactFields.shape

export function ContactForm({ investorId, contact, open, onClose }: Props) {
  const { t } = useTranslation()
  const create = useApiMutation('contact-create')
  const update = useApiMutation('contact-update')
  const { form, modalProps } = useFormDialog({
    save: (values, clientRequestId) => (contact ? update.mutateAsync({ id: contact.id, ...values }) : create.mutateAsync({ investorId, ...values, clientRequestId })),
    onClose,
  })

  return (
    <Modal
      open={open}
      width={560}
      title={contact ? t('investors.contacts.edit') : t('investors.contacts.add')}
      {...modalProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={contact ?? { isPrimary: false }} requiredMark="optional">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('investors.contacts.name')} rules={[zodRule(shape.name)]} required>
              <Input autoFocus {...textLimit(shape.name)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="title" label={t('investors.contacts.title')} rules={[zodRule(shape.title)]}>
              <Input {...textLimit(shape.title)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="phone" label={t('investors.contacts.phone')} rules={[zodRule(shape.phone)]}>
              <Input {...textLimit(shape.phone)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="wechat" label={t('investors.contacts.wechat')} rules={[zodRule(shape.wechat)]}>
              <Input {...textLimit(shape.wechat)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="email" label={t('investors.contacts.email')} rules={[zodRule(shape.email)]}>
          <Input {...textLimit(shape.email)} />
        </Form.Item>
        <Form.Item name="note" label={t('investors.contacts.note')} rules={[zodRule(shape.note)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} {...textLimit(shape.note)} />
        </Form.Item>
        <Form.Item name="isPrimary" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox>{t('investors.contacts.isPrimary')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  )
}
