// Create or edit a person who uses the app. The header makes a newly created user current.
import { Col, Form, Input, Modal, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { UserFields } from '../../../db/domain/user'
import { USER_ROLE } from '../../../db/domain/vocab'
import type { User } from '../../../db/schema'
import { useApiMutation } from '../api/hooks'
import { zodRule } from '../components/forms'
import { useFormDialog } from '../components/useFormDialog'
import { textLimit } from '../components/textLimit'

interface Props {
  user: User | null
  open: boolean
  onClose(): void
  onSaved?(user: User): void
}

export function UserForm({ user, open, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const create = useApiMutation('user-create')
  const update = useApiMutation('user-update')
  const { form, submit, modalProps } = useFormDialog({
    save: (values) => (user ? update.mutateAsync({ id: user.id, ...values }) : create.mutateAsync(values)),
    onSaved: (saved) => onSaved?.(saved),
    onClose,
  })

  const shape = UserFields.shape
  return (
    <Modal
      open={open}
      width={520}
      title={user ? t('user.edit') : t('user.add')}
      {...modalProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={user ?? { role: 'staff' }} onFinish={submit}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('user.name')} rules={[zodRule(shape.name)]} required>
              <Input autoFocus {...textLimit(shape.name)} onPressEnter={submit} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="role" label={t('user.role')} rules={[zodRule(shape.role)]} required>
              <Select options={USER_ROLE.keys.map((key) => ({ value: key, label: t(`vocab.userRole.${key}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="title" label={t('user.title')} rules={[zodRule(shape.title)]}>
              <Input {...textLimit(shape.title)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('user.phone')} rules={[zodRule(shape.phone)]}>
              <Input {...textLimit(shape.phone)} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
