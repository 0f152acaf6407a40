import { Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { ParkFields } from '../../../../db/domain/park'
import type { ParkView } from '../../../../db/domain/park'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { textLimit } from '../../components/textLimit'

interface Props {
  park: ParkView | null
  defaultDistrictId?: string
  open: boolean
  onClose(): void
}

const toForm = (park: ParkView) => ({
  ...park,
  freeLandMu: park.freeLandCentiMu === null ? null : park.freeLandCentiMu / 100,
})

export function ParkForm({ park, defaultDistrictId, open, onClose }: Props) {
  const { t } = useTranslation()
  const districts = useApiQuery('district-list', {})
  const create = useApiMutation('park-create')
  const update = useApiMutation('park-update')
  const { form, modalProps } = useFormDialog({
    save: (values) => (park ? update.mutateAsync({ id: park.id, ...values }) : create.mutateAsync(values)),
    onClose,
  })

  const shape = ParkFields.shape
  return (
    <Modal
      open={open}
      width={640}
      title={park ? t('park.edit') : t('park.add')}
      {...modalProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={park ? toForm(park) : { districtId: defaultDistrictId }}>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={t('park.name')} rules={[zodRule(shape.name)]} required>
              <Input autoFocus {...textLimit(shape.name)} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="districtId" label={t('park.district')} rules={[zodRule(shape.districtId)]} required>
              <Select
                loading={districts.isLoading}
                options={districts.data?.map((d) => ({ value: d.id, label: d.name }))}
                placeholder={t('park.district')}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="focusIndustries" label={t('park.focusIndustries')} rules={[zodRule(shape.focusIndustries)]}>
          <Input {...textLimit(shape.focusIndustries)} placeholder="高端装备, 生物医药" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="freeLandMu" label={t('park.freeLand')} rules={[zodRule(shape.freeLandMu)]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={2} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="factorySpaceSqm" label={t('park.factorySpace')} rules={[zodRule(shape.factorySpaceSqm)]}>
              <InputNumber style={{ width: '100%' }} min={0} precision={0} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="contactName" label={t('park.contactName')} rules={[zodRule(shape.contactName)]}>
              <Input {...textLimit(shape.contactName)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contactPhone" label={t('park.contactPhone')} rules={[zodRule(shape.contactPhone)]}>
              <Input {...textLimit(shape.contactPhone)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('park.note')} rules={[zodRule(shape.note)]}>
          <Input.TextArea rows={2} {...textLimit(shape.note)} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
