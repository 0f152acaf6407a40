// 登记到位资金 / 编辑到位资金 on the project detail: date, amount in exact 元, note.
import { Col, Form, Input, Row } from 'antd'
import { DateField } from '../../../components/DateField'
import { useTranslation } from 'react-i18next'
import { FundsFields, type FundsView } from '../../../../../db/domain/deal'
import { useApiMutation } from '../../../api/hooks'
import { AmountInput, readableAmountRule } from '../../../components/AmountInput'
import { zodRule } from '../../../components/forms'
import { useFormDialog } from '../../../components/useFormDialog'
import { isoDateItem, notInFuture, today } from '../dates'
import { textLimit } from '../../../components/textLimit'
import { DealFormDialog } from './DealFormDialog'

interface Props {
  projectId: string
  open: boolean
  /** Editing this record; null: a new one. */
  funds: FundsView | null
  onClose(): void
  /** The list beside the dialog refreshes itself at once rather than waiting for the cache. */
  onSaved?(): void
}

const shape = FundsFields.shape

export function FundsForm({ projectId, open, funds, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const create = useApiMutation('funds-create')
  const update = useApiMutation('funds-update')
  const dialog = useFormDialog<FundsView>({
    save: (fields, clientRequestId) =>
      funds ? update.mutateAsync({ id: funds.id, ...fields }) : create.mutateAsync({ projectId, ...fields, clientRequestId }),
    onSaved,
    onClose,
  })

  return (
    <DealFormDialog
      dialog={dialog}
      open={open}
      width={560}
      title={funds ? t('funds.editTitle') : t('funds.addTitle')}
      testId="funds-form"
      initialValues={funds ? { arrivedOn: funds.arrivedOn, amount: funds.amountYuan, note: funds.note } : { arrivedOn: today() }}
    >
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item name="arrivedOn" label={t('funds.arrivedOn')} required rules={[zodRule(shape.arrivedOn)]} {...isoDateItem}>
            <DateField allowClear={false} disabledDate={notInFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="amount"
            label={t('funds.amount')}
            required
            validateFirst
            rules={[readableAmountRule(t('amount.unreadable')), zodRule(shape.amount)]}
          >
            <AmountInput placeholder={t('project.hint.amount')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('funds.note')} rules={[zodRule(shape.note)]}>
        <Input.TextArea rows={2} {...textLimit(shape.note)} />
      </Form.Item>
    </DealFormDialog>
  )
}
