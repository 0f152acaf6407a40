// What every create/edit dialog does the same way: validate, save through the API, say so, put
// an API error on the field it names, and ask before throwing away touched fields. A dialog
// saves once: a second click or Enter while saving is ignored, and creates carry a client
// request id so even a repeat that reaches the backend returns the first record.
import { App, Form } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyApiError } from './forms'

interface Options<T> {
  /**
   * Writes the validated values; usually `record ? update(...) : create({ ...input, clientRequestId })`.
   * The id stays the same while the dialog is open, so a retry after an error cannot create twice.
   */
  save(values: any, clientRequestId: string): Promise<T>
  onSaved?(saved: T): void
  onClose(): void
  /**
   * What the toast says after a save (default 已保存); null: no toast, because onSaved says
   * something itself (the stage change's date warnings).
   */
  savedMessage?(saved: T): string | null
}

export const newClientRequestId = (): string => crypto.randomUUID()

export function useFormDialog<T>({ save, onSaved, onClose, savedMessage }: Options<T>) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm()
  const [saving, setSaving] = useState(false)
  // State updates land after the next render; a double click arrives before that.
  const busy = useRef(false)
  // After a save the dialog is closing (its fields stay on screen during the animation): a second
  // Ctrl+Enter then must not create again. Opening it anew starts a new create with a new id.
  const saved = useRef(false)
  const requestId = useRef(newClientRequestId())

  const submit = async () => {
    if (busy.current || saved.current) return
    busy.current = true
    setSaving(true)
    try {
      // Invalid fields already show their messages beside them.
      const values = await form.validateFields().catch(() => null)
      if (!values) return
      const record = await save(values, requestId.current)
      saved.current = true
      const said = savedMessage ? savedMessage(record) : t('common.saved')
      if (said !== null) void message.success(said)
      onSaved?.(record)
      onClose()
    } catch (error) {
      void message.error(applyApiError(form, error))
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  // One question at a time: a second ✕ or Escape while it is on screen (it opens a moment later on
  // a busy laptop) must not stack another that stays behind after the first is answered.
  const asking = useRef(false)
  const cancel = () => {
    if (!form.isFieldsTouched()) return onClose()
    if (asking.current) return
    asking.current = true
    modal.confirm({ title: t('common.unsavedChanges'), onOk: onClose, afterClose: () => (asking.current = false) })
  }

  /** Spread on the antd Modal. */
  const modalProps = {
    okText: t('common.save'),
    cancelText: t('common.cancel'),
    confirmLoading: saving,
    okButtonProps: { disabled: saving },
    onOk: submit,
    onCancel: cancel,
    afterOpenChange: (open: boolean) => {
      if (!open) return
      saved.current = false
      requestId.current = newClientRequestId()
    },
    destroyOnHidden: true,
  }

  return { form, submit, cancel, saving, modalProps }
}
