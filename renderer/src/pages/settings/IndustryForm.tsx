// Create or edit an industry; the parent decides whether it is a 产业 or a 产业链/环节.
import { Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { IndustryFields } from '../../../../db/domain/catalog'
import type { Industry } from '../../../../db/schema'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { textLimit } from '../../components/textLimit'

export interface IndustryEditing {
  industry: Industry | null
  parentId: string | null
}

// A Select cannot hold null as a choosable value; '' stands for "top level" inside the form.
const TOP = ''

export function IndustryForm({ editing, onClose }: { editing: IndustryEditing | undefined; onClose(): void }) {
  const { t } = useTranslation()
  const industries = useApiQuery('industry-list', {})
  const create = useApiMutation('industry-create')
  const update = useApiMutation('industry-update')
  const industry = editing?.industry ?? null
  const { form, submit, modalProps } = useFormDialog({
    save: (values) => {
      const fields = { ...values, parentId: values.parentId || null }
      return industry ? update.mutateAsync({ id: industry.id, ...fields }) : create.mutateAsync(fields)
    },
    onClose,
  })
  // Only a top-level industry without chain links may itself become a chain link elsewhere.
  const hasChildren = !!industry && !!industries.data?.find((top) => top.id === industry.id)?.children.length

  const shape = IndustryFields.shape
  const parents = (industries.data ?? []).filter((top) => top.id !== industry?.id)
  return (
    <Modal
      open={editing !== undefined}
      width={480}
      title={industry ? t('settings.industry.edit') : editing?.parentId ? t('settings.industry.addChild') : t('settings.industry.add')}
      {...modalProps}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ name: industry?.name, sortOrder: industry?.sortOrder ?? 0, parentId: editing?.parentId ?? TOP }}
      >
        <Form.Item name="name" label={t('settings.industry.name')} rules={[zodRule(shape.name)]} required>
          <Input autoFocus {...textLimit(shape.name)} onPressEnter={submit} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={16}>
            <Form.Item name="parentId" label={t('settings.industry.parent')}>
              <Select
                disabled={hasChildren}
                options={[{ value: TOP, label: t('settings.industry.topLevel') }, ...parents.map((top) => ({ value: top.id, label: top.name }))]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sortOrder" label={t('settings.industry.sortOrder')} rules={[zodRule(shape.sortOrder)]}>
              <InputNumber style={{ width: '100%' }} precision={0} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
