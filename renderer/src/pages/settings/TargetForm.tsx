// Set one target: unit (district, park or person), indicator, value. Setting the same unit and
// indicator again replaces the value. Amounts are typed in 亿元 (or 万元) and kept as exact 元.
import { Col, Form, InputNumber, Modal, Row, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { yuan } from '../../../../db/domain/fields'
import { isAmountIndicator, type TargetView } from '../../../../db/domain/target'
import { TARGET_INDICATOR, TARGET_UNIT, type TargetIndicator, type TargetUnit } from '../../../../db/domain/vocab'
import { useApiMutation } from '../../api/hooks'
import { AmountInput, readableAmountRule } from '../../components/AmountInput'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { DistrictSelect, ParkSelect, UserSelect } from '../../components/selects'

interface Props {
  year: number
  target: TargetView | null
  open: boolean
  onClose(): void
}

const UNIT_PICKERS = { district: DistrictSelect, park: ParkSelect, user: UserSelect } as const

export function TargetForm({ year, target, open, onClose }: Props) {
  const { t } = useTranslation()
  const set = useApiMutation('target-set')
  // target-set replaces the unit's value for the indicator, so a repeat cannot make two targets;
  // the hook still keeps a double click to one call.
  const { form, modalProps } = useFormDialog({ save: (values) => set.mutateAsync({ year, ...values }), onClose })
  const unitType: TargetUnit = Form.useWatch('unitType', form) ?? target?.unitType ?? 'district'
  const indicator: TargetIndicator = Form.useWatch('indicator', form) ?? target?.indicator ?? 'signed_projects'
  const amount = isAmountIndicator(indicator)
  const UnitPicker = UNIT_PICKERS[unitType]

  return (
    <Modal
      open={open}
      width={560}
      title={`${year} · ${target ? t('settings.targets.edit') : t('settings.targets.add')}`}
      {...modalProps}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={target ?? { unitType: 'district', indicator: 'signed_projects' }}
        onValuesChange={(changed) => {
          // A district id means nothing as a park: a new unit type starts with no unit chosen.
          if ('unitType' in changed) form.setFieldValue('unitId', undefined)
          if ('indicator' in changed && isAmountIndicator(changed.indicator) !== amount) form.setFieldValue('value', undefined)
        }}
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="unitType" label={t('settings.targets.unitType')} required>
              <Select disabled={!!target} options={TARGET_UNIT.keys.map((key) => ({ value: key, label: t(`vocab.targetUnit.${key}`) }))} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="unitId" label={t('settings.targets.unit')} required rules={[{ required: true, message: t('settings.targets.pickUnit') }]}>
              <UnitPicker style={{ width: '100%' }} disabled={!!target} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="indicator" label={t('settings.targets.indicator')} required>
              <Select disabled={!!target} options={TARGET_INDICATOR.keys.map((key) => ({ value: key, label: t(`vocab.targetIndicator.${key}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {amount ? (
              <Form.Item name="value" label={t('settings.targets.value')} required validateFirst rules={[readableAmountRule(t('amount.unreadable')), zodRule(yuan(t('settings.targets.value')))]}>
                <AmountInput />
              </Form.Item>
            ) : (
              <Form.Item name="value" label={t('settings.targets.value')} required rules={[{ required: true, type: 'integer', min: 0 }]}>
                <InputNumber style={{ width: '100%' }} min={0} precision={0} suffix={t('settings.targets.projectsUnit')} />
              </Form.Item>
            )}
          </Col>
        </Row>
      </Form>
    </Modal>
  )
}
