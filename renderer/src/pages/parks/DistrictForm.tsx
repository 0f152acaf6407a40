import { App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { DistrictFields } from '../../../../db/domain/park'
import type { District } from '../../../../db/schema'
import { useApiMutation } from '../../api/hooks'
import { applyApiError, zodRule } from '../../components/forms'

interface Props {
  /** null: create; a district: edit it. */
  district: District | null
  open: boolean
  onClose(): void
}

export function DistrictForm({ district, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const create = useApiMutation('district-create')
  const update = useApiMutation('district-update')

  const submit = async () => {
    // Invalid fields already show their messages beside them.
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    try {
      if (district) await update.mutateAsync({ id: district.id, ...values })
      else await create.mutateAsync(values)
      void message.success(t('common.saved'))
      onClose()
    } catch (error) {
      void message.error(applyApiError(form, error))
    }
  }

  return (
    <Modal
      open={open}
      title={district ? t('district.edit') : t('district.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={district ?? {}}>
        <Form.Item name="name" label={t('district.name')} rules={[zodRule(DistrictFields.shape.name)]} required>
          <Input autoFocus maxLength={50} />
        </Form.Item>
        <Form.Item name="code" label={t('district.code')} rules={[zodRule(DistrictFields.shape.code)]}>
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="note" label={t('district.note')} rules={[zodRule(DistrictFields.shape.note)]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
