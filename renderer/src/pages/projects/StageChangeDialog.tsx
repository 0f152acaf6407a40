// 变更阶段: one dialog for the board's drag and the detail's button. Moving back or off the main
// path asks for a reason; dates that contradict earlier ones are shown after saving, not refused.
// useFormDialog makes a double click one change (the button is disabled while saving).
import { Alert, App, Form, Input, Modal, Select, Space } from 'antd'
import { DateField } from '../../components/DateField'
import { useTranslation } from 'react-i18next'
import { ProjectStageChange } from '../../../../db/domain/project'
import { MAIN_STAGES, SIDE_STAGES, type Stage } from '../../../../db/domain/stages'
import { useApiMutation } from '../../api/hooks'
import { zodRule } from '../../components/forms'
import { useFormDialog } from '../../components/useFormDialog'
import { StageTag } from '../../components/StageTag'
import { isoDateItem, notInFuture, today } from './dates'
import { needsReason } from './stageRules'
import { useAttachAgreementFile } from './detail/agreementFile'
import { SigningFields, type SigningValues, takeSigning } from './detail/SigningFields'
import { textLimit } from '../../components/textLimit'

export interface StageChangeTarget {
  id: string
  name: string
  stage: Stage
  /** Preset by dropping a card on a column. */
  toStage?: Stage
}

interface Props {
  target: StageChangeTarget | null
  onClose(): void
}

interface Values extends SigningValues {
  toStage?: Stage
  happenedOn: string
  reason?: string
  note?: string
}

const shape = ProjectStageChange.shape

export function StageChangeDialog({ target, onClose }: Props) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const change = useApiMutation('project-stage-change')
  const attachFile = useAttachAgreementFile()
  const { form, submit, modalProps } = useFormDialog({
    save: async (values: Values) => {
      const { rest, agreement, file } = takeSigning(values)
      const saved = await change.mutateAsync({ id: target!.id, ...rest, toStage: values.toStage!, agreement })
      // Inside the save: the dialog stays busy until the file is there (or said to have failed).
      if (saved.agreementId) await attachFile(saved.agreementId, file)
      return { ...saved, toStage: values.toStage! }
    },
    // Dates that contradict earlier ones replace the toast with a list the officer must read.
    savedMessage: (saved) => (saved.warnings.length === 0 ? t('project.stageChange.done', { stage: t(`stage.${saved.toStage}`) }) : null),
    onSaved: (saved) => {
      if (saved.warnings.length === 0) return
      modal.warning({
        title: t('project.stageChange.warningsTitle'),
        content: (
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {saved.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        ),
      })
    },
    onClose,
  })
  const toStage = Form.useWatch('toStage', form) as Stage | undefined
  const from = target?.stage ?? 'lead'
  const reasonNeeded = needsReason(from, toStage)

  return (
    <Modal open={target !== null} width={520} title={target ? t('project.stageChange.title', { name: target.name }) : ''} {...modalProps}>
      {target && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ toStage: target.toStage, happenedOn: today() }}
          onFinish={() => void submit()}
          data-testid="stage-change-form"
        >
          <Form.Item label={t('project.stageChange.from')}>
            <StageTag stage={target.stage} />
          </Form.Item>
          <Space size={16} style={{ display: 'flex' }} align="start">
            <Form.Item
              name="toStage"
              label={t('project.stageChange.to')}
              style={{ width: 200 }}
              rules={[
                { required: true, message: t('project.stageChange.toRequired') },
                { validator: async (_, value) => { if (value === target.stage) throw new Error(t('project.stageChange.same')) } },
              ]}
            >
              <Select
                autoFocus={!target.toStage}
                options={[...MAIN_STAGES, ...SIDE_STAGES].map((stage) => ({
                  value: stage,
                  label: t(`stage.${stage}`),
                  disabled: stage === target.stage,
                }))}
              />
            </Form.Item>
            <Form.Item name="happenedOn" label={t('project.stageChange.happenedOn')} rules={[zodRule(shape.happenedOn)]} required {...isoDateItem}>
              <DateField allowClear={false} disabledDate={notInFuture} style={{ width: 160 }} />
            </Form.Item>
          </Space>
          {reasonNeeded && <Alert type="warning" showIcon title={t('project.stageChange.reasonHelp')} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="reason"
            label={reasonNeeded ? t('project.stageChange.reasonRequired') : t('project.stageChange.reason')}
            required={reasonNeeded}
            rules={[{ required: reasonNeeded, whitespace: true, message: t('project.stageChange.reasonMissing') }, zodRule(shape.reason)]}
          >
            <Input {...textLimit(shape.reason)} autoFocus={!!target.toStage && reasonNeeded} />
          </Form.Item>
          <Form.Item name="note" label={t('project.stageChange.note')} rules={[zodRule(shape.note)]}>
            <Input.TextArea rows={2} {...textLimit(shape.note)} />
          </Form.Item>
          {toStage === 'signed' && <SigningFields />}
          <button type="submit" hidden />
        </Form>
      )}
    </Modal>
  )
}
