// A negotiation record: create, edit, and the quick entry (fewer fields, same rules). Keyboard
// first: the target box has focus, Tab walks the fields, Ctrl/⌘+Enter saves.
import { Col, Form, Input, Modal, Row, Select, Typography } from 'antd'
import { DateField } from '../../components/DateField'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { NegotiationFields, type NegotiationView } from '../../../../db/domain/negotiation'
import { useApiMutation } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { DATE_FORMAT, dateField, isFuture, todayText } from './dateField'
import { type TargetOption, TargetPicker, targetOf } from './TargetPicker'
import { negotiationTypeOptions } from './typeOptions'
import { textLimit } from '../../components/textLimit'

interface Props {
  open: boolean
  /** Editing this record; missing: a new one. */
  negotiation?: NegotiationView | null
  /** A new record about this project or investor (from its detail page). */
  preset?: TargetOption
  /** The quick entry: only what is needed to remember the conversation and the next step. */
  quick?: boolean
  onClose(): void
  onSaved?(saved: NegotiationView): void
}

const shape = NegotiationFields.shape

function initialValues(negotiation: NegotiationView | null | undefined, preset: TargetOption | undefined) {
  if (!negotiation) return { target: preset?.value, type: 'visit_out', happenedOn: todayText() }
  const target = negotiation.projectId ? `project:${negotiation.projectId}` : `investor:${negotiation.investorId}`
  return { ...negotiation, target }
}

function initialTarget(negotiation: NegotiationView | null | undefined, preset: TargetOption | undefined): TargetOption | undefined {
  if (!negotiation) return preset
  if (negotiation.projectId) return { value: `project:${negotiation.projectId}`, label: negotiation.projectName ?? '' }
  return { value: `investor:${negotiation.investorId}`, label: negotiation.investorName ?? '' }
}

export function NegotiationForm({ open, negotiation, preset, quick, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const create = useApiMutation('negotiation-create')
  const update = useApiMutation('negotiation-update')
  const { form, submit, modalProps } = useFormDialog<NegotiationView>({
    save: ({ target, ...fields }, clientRequestId) => {
      const input = { ...fields, ...targetOf(target) }
      return negotiation ? update.mutateAsync({ id: negotiation.id, ...input }) : create.mutateAsync({ ...input, clientRequestId })
    },
    onSaved,
    onClose,
  })

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      void submit()
    }
  }

  const title = negotiation ? t('negotiations.edit') : quick ? t('negotiations.quickTitle') : t('negotiations.add')
  return (
    <Modal
      open={open}
      width={quick ? 600 : 720}
      title={title}
      {...modalProps}
      footer={(buttons) => (
        <>
          <Typography.Text type="secondary" style={{ marginInlineEnd: 12, fontSize: 12 }}>
            {t('negotiations.saveHint')}
          </Typography.Text>
          {buttons}
        </>
      )}
    >
      <div onKeyDown={onKeyDown}>
        <Form form={form} layout="vertical" preserve={false} initialValues={initialValues(negotiation, preset)} requiredMark="optional">
          <Form.Item
            name="target"
            label={t('negotiations.fields.target')}
            rules={[{ required: true, message: t('negotiations.target.required') }]}
          >
            <TargetPicker initial={initialTarget(negotiation, preset)} autoFocus={!preset} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="type" label={t('negotiations.fields.type')} rules={[zodRule(shape.type)]} required>
                <Select showSearch={{ optionFilterProp: 'label' }} options={negotiationTypeOptions(t)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="happenedOn" label={t('negotiations.fields.happenedOn')} rules={[zodRule(shape.happenedOn)]} required {...dateField}>
                <DateField style={{ width: '100%' }} format={DATE_FORMAT} disabledDate={isFuture} allowClear={false} />
              </Form.Item>
            </Col>
          </Row>
          {!quick && (
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="ourPeople" label={t('negotiations.fields.ourPeople')} rules={[zodRule(shape.ourPeople)]}>
                  <Input {...textLimit(shape.ourPeople)} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="theirPeople" label={t('negotiations.fields.theirPeople')} rules={[zodRule(shape.theirPeople)]}>
                  <Input {...textLimit(shape.theirPeople)} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Form.Item name="summary" label={t('negotiations.fields.summary')} rules={[zodRule(shape.summary)]} required>
            <Input.TextArea autoSize={{ minRows: quick ? 3 : 4, maxRows: 10 }} {...textLimit(shape.summary)} placeholder={t('negotiations.summaryPlaceholder')} />
          </Form.Item>
          {!quick && (
            <Form.Item name="result" label={t('negotiations.fields.result')} rules={[zodRule(shape.result)]}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} {...textLimit(shape.result)} />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item
                name="nextStep"
                label={t('negotiations.fields.nextStep')}
                dependencies={['nextDueOn']}
                rules={[
                  zodRule(shape.nextStep),
                  ({ getFieldValue }) => ({
                    validator: async (_, value) => {
                      if (getFieldValue('nextDueOn') && !value?.trim()) throw new Error(t('negotiations.nextStepNeeded'))
                    },
                  }),
                ]}
              >
                <Input {...textLimit(shape.nextStep)} placeholder={t('negotiations.nextStepPlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nextDueOn" label={t('negotiations.fields.nextDueOn')} rules={[zodRule(shape.nextDueOn)]} {...dateField}>
                <DateField style={{ width: '100%' }} format={DATE_FORMAT} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  )
}
