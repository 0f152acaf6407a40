// Moves a request along 受理 → 交办 → 办理中 → 办结 → 回访 (skipping steps is allowed), or reopens a
// resolved one with a note. What each step needs (an assignee, a satisfaction score) is asked
// only when that step is chosen. useFormDialog keeps a double click to one step.
import { Form, Input, Modal, Rate, Select } from 'antd'
import { DateField } from '../../components/DateField'
import { useTranslation } from 'react-i18next'
import { requiredText } from '../../../../db/domain/fields'
import { RequestAdvance, type RequestView } from '../../../../db/domain/request'
import type { RequestStatus } from '../../../../db/domain/vocab'
import { useApiMutation } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { UserSelect } from '../../components/selects'
import { dateItemProps, today } from '../../shell/formDates'
import { laterStatuses, nextStatus } from './status'
import { textLimit } from '../../components/textLimit'

// The API asks for a note only when reopening, so the form makes it required there.
const REOPEN_NOTE = requiredText('说明', 500)

interface Props {
  request: RequestView
  mode: 'advance' | 'reopen'
  open: boolean
  onClose(): void
}

export function AdvanceModal({ request, mode, open, onClose }: Props) {
  const { t } = useTranslation()
  const advance = useApiMutation('request-advance')
  const reopen = mode === 'reopen'
  const { form, modalProps } = useFormDialog({
    save: async (values: { toStatus: RequestStatus }) => {
      await advance.mutateAsync({ id: request.id, ...values })
      return values.toStatus
    },
    savedMessage: (status) => (reopen ? t('request.reopened') : t('request.advanced', { status: t(`vocab.requestStatus.${status}`) })),
    onClose,
  })
  const toStatus: RequestStatus | undefined = Form.useWatch('toStatus', form)
  const shape = RequestAdvance.shape

  const initialValues = reopen
    ? { toStatus: 'in_progress', on: today() }
    : { toStatus: nextStatus(request.status), on: today(), assigneeId: request.assigneeId ?? undefined, department: request.department }

  return (
    <Modal
      open={open}
      width={520}
      title={reopen ? t('request.reopen') : t('request.advance')}
      {...modalProps}
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        <Form.Item name="toStatus" label={t('request.status')} hidden={reopen} required>
          <Select
            data-testid="advance-status"
            options={laterStatuses(request.status).map((key) => ({ value: key, label: t(`vocab.requestStatus.${key}`) }))}
          />
        </Form.Item>
        <Form.Item name="on" label={t('request.stepOn')} rules={[zodRule(shape.on)]} {...dateItemProps}>
          <DateField style={{ width: '100%' }} />
        </Form.Item>
        {toStatus === 'assigned' && (
          <>
            <Form.Item name="assigneeId" label={t('request.assignee')}>
              <UserSelect style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="department" label={t('request.department')} rules={[zodRule(shape.department)]}>
              <Input {...textLimit(shape.department)} />
            </Form.Item>
          </>
        )}
        {toStatus === 'revisited' && !reopen && (
          <>
            <Form.Item
              name="satisfaction"
              label={t('request.satisfaction')}
              required
              rules={[zodRule(shape.satisfaction.unwrap())]}
            >
              <Rate />
            </Form.Item>
            <Form.Item name="feedback" label={t('request.feedback')} rules={[zodRule(shape.feedback)]}>
              <Input.TextArea rows={2} {...textLimit(shape.feedback)} />
            </Form.Item>
          </>
        )}
        {reopen && (
          <Form.Item name="note" label={t('request.reopenNote')} required rules={[zodRule(REOPEN_NOTE)]}>
            <Input.TextArea autoFocus rows={3} {...textLimit(REOPEN_NOTE)} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
