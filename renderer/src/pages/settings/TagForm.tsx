// Create or edit a tag: a short name and an optional colour.
import { ColorPicker, Form, Input, Modal } from 'antd'
import type { Color } from 'antd/es/color-picker'
import { useTranslation } from 'react-i18next'
import { TagFields, type TagView } from '../../../../db/domain/catalog'
import { useApiMutation } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { textLimit } from '../../components/textLimit'

const PRESETS = ['#1f5fbf', '#389e0d', '#d48806', '#cf1322', '#531dab', '#08979c']

export function TagForm({ tag, open, onClose }: { tag: TagView | null; open: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const create = useApiMutation('tag-create')
  const update = useApiMutation('tag-update')
  const { form, submit, modalProps } = useFormDialog({
    save: (values) => (tag ? update.mutateAsync({ id: tag.id, ...values }) : create.mutateAsync(values)),
    onClose,
  })

  const shape = TagFields.shape
  return (
    <Modal
      open={open}
      width={420}
      title={tag ? t('settings.tag.edit') : t('settings.tag.add')}
      {...modalProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={tag ?? { color: null }}>
        <Form.Item name="name" label={t('settings.tag.name')} rules={[zodRule(shape.name)]} required>
          <Input autoFocus {...textLimit(shape.name)} onPressEnter={submit} />
        </Form.Item>
        <Form.Item
          name="color"
          label={t('settings.tag.color')}
          getValueFromEvent={(color: Color | null) => (color && !color.cleared ? color.toHexString() : null)}
        >
          <ColorPicker allowClear disabledAlpha presets={[{ label: '', colors: PRESETS }]} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
