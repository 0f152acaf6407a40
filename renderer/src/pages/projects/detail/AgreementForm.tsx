// 添加协议 / 编辑协议 on the project detail. The file, if any, is attached once the agreement exists.
import { Col, Form, Input, Row, Select } from 'antd'
import { DateField } from '../../../components/DateField'
import { useTranslation } from 'react-i18next'
import { AgreementFields, type SavedAgreement } from '../../../../../db/domain/deal'
import { AGREEMENT_TYPE } from '../../../../../db/domain/vocab'
import type { Agreement } from '../../../../../db/schema'
import { useApiMutation } from '../../../api/hooks'
import { AmountInput, readableAmountRule } from '../../../components/AmountInput'
import { zodRule } from '../../../components/forms'
import { useFormDialog } from '../../../components/useFormDialog'
import { isoDateItem, notInFuture, today } from '../dates'
import { AgreementFileInput, agreementFileRule, useAttachAgreementFile } from './agreementFile'
import { DealFormDialog } from './DealFormDialog'
import { textLimit } from '../../../components/textLimit'

interface Props {
  projectId: string
  open: boolean
  /** Editing this agreement; null: a new one. */
  agreement: Agreement | null
  onClose(): void
  /** The list beside the dialog refreshes itself at once rather than waiting for the cache. */
  onSaved?(): void
}

const shape = AgreementFields.shape

export function AgreementForm({ projectId, open, agreement, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const attachFile = useAttachAgreementFile()
  const create = useApiMutation('agreement-create')
  const update = useApiMutation('agreement-update')
  const dialog = useFormDialog<SavedAgreement>({
    save: async ({ file, ...fields }, clientRequestId) => {
      const saved = agreement
        ? await update.mutateAsync({ id: agreement.id, ...fields })
        : await create.mutateAsync({ projectId, ...fields, clientRequestId })
      await attachFile(saved.id, file as File | null | undefined)
      return saved
    },
    onSaved,
    onClose,
  })

  return (
    <DealFormDialog
      dialog={dialog}
      open={open}
      width={640}
      title={agreement ? t('agreement.editTitle') : t('agreement.addTitle')}
      testId="agreement-form"
      initialValues={
        agreement
          ? {
              type: agreement.type,
              signedOn: agreement.signedOn,
              amount: agreement.amountYuan,
              contractNo: agreement.contractNo,
              parties: agreement.parties,
              note: agreement.note,
            }
          : { type: 'investment', signedOn: today() }
      }
    >
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item name="type" label={t('agreement.type')} rules={[{ required: true, message: t('agreement.typeRequired') }]}>
            <Select options={AGREEMENT_TYPE.keys.map((key) => ({ value: key, label: t(`vocab.agreementType.${key}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="signedOn" label={t('agreement.signedOn')} required rules={[zodRule(shape.signedOn)]} {...isoDateItem}>
            <DateField allowClear={false} disabledDate={notInFuture} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contractNo" label={t('agreement.contractNo')} rules={[zodRule(shape.contractNo)]}>
            <Input {...textLimit(shape.contractNo)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="amount" label={t('agreement.amount')} validateFirst rules={[readableAmountRule(t('amount.unreadable')), zodRule(shape.amount)]}>
        <AmountInput placeholder={t('project.hint.amount')} />
      </Form.Item>
      <Form.Item name="parties" label={t('agreement.parties')} rules={[zodRule(shape.parties)]}>
        <Input.TextArea rows={2} {...textLimit(shape.parties)} placeholder={t('agreement.partiesHint')} />
      </Form.Item>
      <Form.Item name="note" label={t('agreement.note')} rules={[zodRule(shape.note)]}>
        <Input.TextArea rows={2} {...textLimit(shape.note)} />
      </Form.Item>
      <Form.Item name="file" label={t('agreement.file')} rules={[agreementFileRule(t)]}>
        <AgreementFileInput />
      </Form.Item>
    </DealFormDialog>
  )
}
