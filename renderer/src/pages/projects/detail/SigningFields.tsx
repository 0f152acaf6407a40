// The signing part of 变更阶段: a change to 签约 asks for the agreement signed that day, saved with
// the stage change in one transaction (project-stage-change's `agreement`). The officer can
// leave it for later (暂不登记协议), e.g. when the text is still with the legal office.
import { Checkbox, Col, Divider, Form, Input, Row, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { SigningAgreement } from '../../../../../db/domain/deal'
import { AGREEMENT_TYPE } from '../../../../../db/domain/vocab'
import { AmountInput, readableAmountRule } from '../../../components/AmountInput'
import { zodRule } from '../../../components/forms'
import { AgreementFileInput, agreementFileRule } from './agreementFile'
import { textLimit } from '../../../components/textLimit'

/** The dialog's values this part adds. */
export interface SigningValues {
  agreement?: SigningAgreement
  skipAgreement?: boolean
  agreementFile?: File | null
}

const shape = SigningAgreement.shape

/** Splits the signing values off the dialog's: the agreement to send (if any) and its file. */
export function takeSigning<V extends SigningValues>({ agreement, skipAgreement, agreementFile, ...rest }: V) {
  return { rest, agreement: skipAgreement ? undefined : agreement, file: skipAgreement ? null : (agreementFile ?? null) }
}

export function SigningFields() {
  const { t } = useTranslation()
  const skipped = Form.useWatch('skipAgreement') as boolean | undefined
  return (
    <div data-testid="signing-fields">
      <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
        {t('agreement.signingSection')}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('agreement.signingHelp')}
      </Typography.Paragraph>
      <Form.Item name="skipAgreement" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t('agreement.signingSkip')}</Checkbox>
      </Form.Item>
      {!skipped && (
        <>
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item
                name={['agreement', 'type']}
                label={t('agreement.type')}
                initialValue="investment"
                rules={[{ required: true, message: t('agreement.typeRequired') }]}
              >
                <Select options={AGREEMENT_TYPE.keys.map((key) => ({ value: key, label: t(`vocab.agreementType.${key}`) }))} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name={['agreement', 'contractNo']} label={t('agreement.contractNo')} rules={[zodRule(shape.contractNo)]}>
                <Input {...textLimit(shape.contractNo)} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name={['agreement', 'amount']}
            label={t('agreement.amount')}
            validateFirst
            rules={[readableAmountRule(t('amount.unreadable')), zodRule(shape.amount)]}
          >
            <AmountInput placeholder={t('project.hint.amount')} />
          </Form.Item>
          <Form.Item name={['agreement', 'parties']} label={t('agreement.parties')} rules={[zodRule(shape.parties)]}>
            <Input.TextArea rows={2} {...textLimit(shape.parties)} placeholder={t('agreement.partiesHint')} />
          </Form.Item>
          <Form.Item name="agreementFile" label={t('agreement.file')} rules={[agreementFileRule(t)]}>
            <AgreementFileInput />
          </Form.Item>
        </>
      )}
    </div>
  )
}
