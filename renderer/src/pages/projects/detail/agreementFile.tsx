// The agreement's text as a file: picked in the dialog, stored as an attachment of the agreement
// once the agreement exists (the attachment API needs its id). A file that fails to store leaves
// the agreement saved and says how to attach it again.
import { PaperClipOutlined } from '@ant-design/icons'
import { useQueryClient } from '@tanstack/react-query'
import { App, Button, Space, Typography } from 'antd'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { MAX_ATTACHMENT_BYTES } from '../../../../../db/domain/attachment'
import { invalidateTables } from '../../../api/invalidation'
import { uploadAttachment } from '../../../api/upload'

interface Props {
  value?: File | null
  onChange?: (file: File | null) => void
  id?: string
}

/** A Form control holding one chosen File (not yet uploaded). */
export function AgreementFileInput({ value, onChange, id }: Props) {
  const { t } = useTranslation()
  const input = useRef<HTMLInputElement>(null)
  return (
    <Space size={8} wrap>
      <input
        ref={input}
        type="file"
        style={{ display: 'none' }}
        data-testid="agreement-file-input"
        onChange={(event) => {
          onChange?.(event.target.files?.[0] ?? null)
          event.target.value = ''
        }}
      />
      {/* The label names the button: the file input itself stays out of sight and out of the tab order. */}
      <Button id={id} icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>
        {t('agreement.chooseFile')}
      </Button>
      {value && (
        <>
          <Typography.Text data-testid="agreement-file-name">{value.name}</Typography.Text>
          <Button type="link" size="small" onClick={() => onChange?.(null)}>
            {t('agreement.removeFile')}
          </Button>
        </>
      )}
    </Space>
  )
}

/** Too large a file is refused before anything is saved, beside the field. */
export const agreementFileRule = (t: TFunction) => ({
  validator: async (_: unknown, file: File | null | undefined) => {
    if (file && file.size > MAX_ATTACHMENT_BYTES) throw new Error(t('project.attachment.tooLarge'))
  },
})

/**
 * Stores the file on the saved agreement and refreshes the lists that show it; a failure is told
 * as a warning that the agreement itself is saved.
 */
export function useAttachAgreementFile() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const queryClient = useQueryClient()
  return async (agreementId: string, file: File | null | undefined): Promise<void> => {
    if (!file) return
    try {
      await uploadAttachment({ entity: 'agreement', entityId: agreementId }, file)
      await invalidateTables(queryClient, ['attachment'])
    } catch (error) {
      void message.warning(t('agreement.fileFailed', { name: file.name, message: (error as Error).message }), 8)
    }
  }
}
