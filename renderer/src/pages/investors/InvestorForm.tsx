// Create or edit an investor. Likely duplicates show up while the name or credit code is typed;
// saving despite a similar name takes an explicit "仍然创建". The credit code is checked per key.
import { Col, Divider, Form, Input, Modal, Row, Select, Spin } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type DuplicateCandidate, type InvestorDetail, InvestorFields } from '../../../../db/domain/investor'
import { ContactFields } from '../../../../db/domain/investor'
import { ApiCallError } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { AmountInput, readableAmountRule } from '../../components/AmountInput'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { IndustrySelect, TagSelect } from '../../components/selects'
import { DuplicateWarning, useDuplicates } from './DuplicateWarning'
import { originOptions, ownershipOptions, sourceChannelOptions } from './options'
import { textLimit } from '../../components/textLimit'

interface Props {
  /** Editing this investor; null: a new one. */
  investorId: string | null
  open: boolean
  onClose(): void
  onSaved?(investor: InvestorDetail): void
}

const shape = InvestorFields.shape
const contact = ContactFields.shape

const toForm = (investor: InvestorDetail) => ({
  ...investor,
  registeredCapital: investor.registeredCapitalYuan,
  tagIds: investor.tags.map((tag) => tag.id),
})

/** A conflict from the server lists the duplicates it found (typed faster than the warning). */
function serverDuplicates(error: unknown): DuplicateCandidate[] {
  if (!(error instanceof ApiCallError) || error.code !== 'conflict') return []
  const details = error.details as { field?: string; duplicates?: Omit<DuplicateCandidate, 'reason'>[] } | undefined
  if (details?.field) return []
  return (details?.duplicates ?? []).map((d) => ({ ...d, reason: 'name' as const }))
}

export function InvestorForm(props: Props) {
  const existing = useApiQuery('investor-get', { id: props.investorId ?? '' }, { enabled: props.open && !!props.investorId })
  const loading = !!props.investorId && !existing.data
  if (!props.open) return null
  if (loading) {
    return (
      <Modal open footer={null} onCancel={props.onClose}>
        <Spin style={{ display: 'block', margin: 40 }} />
      </Modal>
    )
  }
  return <InvestorFormDialog {...props} investor={props.investorId ? (existing.data ?? null) : null} />
}

function InvestorFormDialog({ investor, onClose, onSaved }: Props & { investor: InvestorDetail | null }) {
  const { t } = useTranslation()
  const create = useApiMutation('investor-create')
  const update = useApiMutation('investor-update')
  const [fromServer, setFromServer] = useState<DuplicateCandidate[]>([])
  const { form, modalProps } = useFormDialog<InvestorDetail>({
    // Called after render: needsConfirm (below) is then the warning on screen when 保存 was pressed.
    save: async ({ contactName, contactTitle, contactPhone, ...fields }, clientRequestId) => {
      try {
        return investor
          ? await update.mutateAsync({ id: investor.id, ...fields, confirmDuplicate: needsConfirm })
          : await create.mutateAsync({
              ...fields,
              confirmDuplicate: needsConfirm,
              contacts: contactName ? [{ name: contactName, title: contactTitle, phone: contactPhone, isPrimary: true }] : undefined,
              clientRequestId,
            })
      } catch (error) {
        setFromServer(serverDuplicates(error))
        throw error
      }
    },
    onSaved,
    onClose,
  })

  const name: string | undefined = Form.useWatch('name', form)
  const creditCode: string | undefined = Form.useWatch('creditCode', form)
  // Editing: only a renamed investor is checked again (the server does the same).
  const renamed = !investor || (name ?? '').trim() !== investor.name
  const typed = useDuplicates(renamed ? name : undefined, creditCode, investor?.id)
  const candidates = typed.length > 0 ? typed : fromServer
  const needsConfirm = candidates.some((c) => c.reason === 'name')

  const okText = needsConfirm ? (investor ? t('investors.duplicates.saveAnyway') : t('investors.duplicates.createAnyway')) : t('common.save')
  return (
    <Modal
      open
      width={760}
      title={investor ? t('investors.edit') : t('investors.add')}
      {...modalProps}
      okText={okText}
      okButtonProps={{ ...modalProps.okButtonProps, danger: needsConfirm }}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={investor ? toForm(investor) : {}} requiredMark="optional">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="name" label={t('investors.fields.name')} rules={[zodRule(shape.name)]} required>
              <Input autoFocus {...textLimit(shape.name)} placeholder={t('investors.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="creditCode" label={t('investors.fields.creditCode')} rules={[zodRule(shape.creditCode)]}>
              <Input {...textLimit(shape.creditCode)} style={{ fontFamily: 'monospace' }} placeholder={t('investors.creditCodePlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <DuplicateWarning candidates={candidates} />
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="ownership" label={t('investors.fields.ownership')}>
              <Select allowClear options={ownershipOptions(t)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="origin" label={t('investors.fields.origin')}>
              <Select allowClear options={originOptions(t)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="originCity" label={t('investors.fields.originCity')} rules={[zodRule(shape.originCity)]}>
              <Input {...textLimit(shape.originCity)} placeholder={t('investors.originCityPlaceholder')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="industryId" label={t('investors.fields.industry')}>
              <IndustrySelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sourceChannel" label={t('investors.fields.sourceChannel')}>
              <Select allowClear options={sourceChannelOptions(t)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="registeredCapital" label={t('investors.fields.registeredCapital')} validateFirst rules={[readableAmountRule(t('amount.unreadable')), zodRule(shape.registeredCapital)]}>
              <AmountInput defaultUnit="wan" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="tagIds" label={t('investors.fields.tags')}>
              <TagSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="website" label={t('investors.fields.website')} rules={[zodRule(shape.website)]}>
              <Input {...textLimit(shape.website)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('investors.fields.address')} rules={[zodRule(shape.address)]}>
          <Input {...textLimit(shape.address)} />
        </Form.Item>
        <Form.Item name="note" label={t('investors.fields.note')} rules={[zodRule(shape.note)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} {...textLimit(shape.note)} />
        </Form.Item>
        {!investor && (
          <>
            <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
              {t('investors.primaryContact')}
            </Divider>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item name="contactName" label={t('investors.contacts.name')} rules={[zodRule(contact.name.optional())]}>
                  <Input {...textLimit(contact.name)} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="contactTitle" label={t('investors.contacts.title')} rules={[zodRule(contact.title)]}>
                  <Input {...textLimit(contact.title)} />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item name="contactPhone" label={t('investors.contacts.phone')} rules={[zodRule(contact.phone)]}>
                  <Input {...textLimit(contact.phone)} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
      </Form>
    </Modal>
  )
}
