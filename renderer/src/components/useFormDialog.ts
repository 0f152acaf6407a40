// What every create/edit dialog does the same way: validate, save through the API, say so, put
// an API error on the field it names, and ask before throwing away touched fields.
import { App, Form } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyApiError } from './forms'

interface Options<T> {
  /** Writes the validated values; usually `record ? update(...) : create(...)`. */
  save(values: any): Promise<T>
  onSaved?(saved: T): void
  onClose(): void
}

export function useFormDialog<T>({ save, onSaved, onClose }: Options<T>) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm()
  const [saving, setSaving] = useState(false)

  const submit = async () => {
    // Invalid fields already show their messages beside them.
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    setSaving(true)
    try {
      const saved = await save(values)
      void message.success(t('common.saved'))
      onSaved?.(saved)
      onClose()
    } catch (error) {
      void message.error(applyApiError(form, error))
    } finally {
      setSaving(false)
    }
  }

  const cancel = () => {
    if (!form.isFieldsTouched()) return onClose()
    modal.confirm({ title: t('common.unsavedChanges'), onOk: onClose })
  }

  /** Spread on the antd Modal. */
  const modalProps = {
    okText: t('common.save'),
    cancelText: t('common.cancel'),
    confirmLoading: saving,
    onOk: submit,
    onCancel: cancel,
    destroyOnHidden: true,
  }

  return { form, submit, cancel, modalProps }
}
