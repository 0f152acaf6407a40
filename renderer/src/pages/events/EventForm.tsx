// Create or edit an event: what, when, where, who ran it, whom we met and what was signed.
import { Col, Form, Input, Modal, Row, Select, Spin } from 'antd'
import { DateField } from '../../components/DateField'
import { useTranslation } from 'react-i18next'
import { EventFields, eventDatesProblem } from '../../../../db/domain/event'
import { EVENT_TYPE } from '../../../../db/domain/vocab'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { UserSelect } from '../../components/selects'
import { dateItemProps, today } from '../../shell/formDates'
import { RefMultiSelect } from './RefMultiSelect'
import { textLimit } from '../../components/textLimit'

interface Props {
  /** null: a new event. */
  eventId: string | null
  open: boolean
  onClose(): void
  onSaved?(id: string): void
}

export function EventForm({ eventId, open, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const detail = useApiQuery('event-get', { id: eventId ?? '' }, { enabled: open && !!eventId })
  const session = useApiQuery('session-get', {})
  const create = useApiMutation('event-create')
  const update = useApiMutation('event-update')
  const { form, modalProps } = useFormDialog({
    save: (values, clientRequestId) => (event ? update.mutateAsync({ id: event.id, ...values }) : create.mutateAsync({ ...values, clientRequestId })),
    onSaved: (saved) => onSaved?.(saved.id),
    onClose,
  })
  const event = eventId ? detail.data : undefined

  const initialValues = event
    ? { ...event, investorIds: event.investors.map((one) => one.id), projectIds: event.projects.map((one) => one.id) }
    : { type: 'promotion', startOn: today(), ownerId: session.data?.user?.id, investorIds: [], projectIds: [] }
  const shape = EventFields.shape
  const endRule = {
    validator: async (_: unknown, endOn: string | null) => {
      const problem = eventDatesProblem(form.getFieldValue('startOn'), endOn)
      if (problem) throw new Error(problem)
    },
  }

  return (
    <Modal
      open={open}
      width={720}
      title={eventId ? t('event.edit') : t('event.add')}
      {...modalProps}
    >
      {eventId && !event ? (
        <Spin />
      ) : (
        <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="name" label={t('event.name')} rules={[zodRule(shape.name)]} required>
                <Input autoFocus {...textLimit(shape.name)} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="type" label={t('event.type')} rules={[zodRule(shape.type)]} required>
                <Select options={EVENT_TYPE.keys.map((key) => ({ value: key, label: t(`vocab.eventType.${key}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item name="startOn" label={t('event.startOn')} rules={[zodRule(shape.startOn)]} required {...dateItemProps}>
                <DateField style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="endOn" label={t('event.endOn')} rules={[zodRule(shape.endOn), endRule]} dependencies={['startOn']} {...dateItemProps}>
                <DateField style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="city" label={t('event.city')} rules={[zodRule(shape.city)]}>
                <Input {...textLimit(shape.city)} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="ownerId" label={t('event.owner')}>
                <UserSelect style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="organizer" label={t('event.organizer')} rules={[zodRule(shape.organizer)]}>
            <Input {...textLimit(shape.organizer)} />
          </Form.Item>
          <Form.Item name="investorIds" label={t('event.investors')}>
            <RefMultiSelect kind="investor" known={event?.investors ?? []} placeholder={t('event.pickInvestors')} />
          </Form.Item>
          <Form.Item name="projectIds" label={t('event.projects')}>
            <RefMultiSelect kind="project" known={event?.projects ?? []} placeholder={t('event.pickProjects')} />
          </Form.Item>
          <Form.Item name="note" label={t('event.note')} rules={[zodRule(shape.note)]}>
            <Input.TextArea rows={2} {...textLimit(shape.note)} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  )
}
