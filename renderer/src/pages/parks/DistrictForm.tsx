import { Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { DistrictFields } from '../../../../db/domain/park'
import type { District } from '../../../../db/schema'
import { useApiMutation } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { textLimit } from '../../components/textLimit'

interface Props {
  /** null: create; a district: edit it. */
  district: District | null
  open: boolean
  onClose(): void
}

export function DistrictForm({ district, open, onClose }: Props) {
  const { t } = useTranslation()
  const create = useApiMutation('district-create')
  const update = useApiMutation('district-update')
  const { form, modalProps } = useFormDialog({
    save: (values) => (district ? update.mutateAsync({ id: district.id, ...values }) : create.mutateAsync(values)),
    onClose,
  })

  return (
    <Modal
      open={open}
      title={district ? t('district.edit') : t('district.add')}
      {...modalProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={district ?? {}}>
        <Form.Item name="name" label={t('district.name')} rules={[zodRule(DistrictFields.shape.name)]} required>
          <Input autoFocus {...textLimit(DistrictFields.shape.name)} />
        </Form.Item>
        <Form.Item name="code" label={t('district.code')} rules={[zodRule(DistrictFields.shape.code)]}>
          <Input {...textLimit(DistrictFields.shape.code)} />
        </Form.Item>
        <Form.Item name="note" label={t('district.note')} rules={[zodRule(DistrictFields.shape.note)]}>
          <Input.TextArea rows={2} {...textLimit(DistrictFields.shape.note)} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
