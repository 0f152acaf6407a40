// The agreement's text as a file: picked in the dialog, stored as an attachment of the agreement
// once the agreement exists (the attachment API needs its id). A file that fails to store leaves
// the agreement saved and says how to attach it again.
import { PaperClipOutlined } from '@ant-design/icons'
import { Button, Space, Typography } from 'antd'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { MAX_ATTACHMENT_BYTES } from '../../../../../db/domain/attachment'
import { call } from '../../../api/client'
import { fileToBase64 } from '../attachmentFiles'

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
        id={id}
        type="file"
        hidden
        data-testid="agreement-file-input"
        onChange={(event) => {
          onChange?.(event.target.files?.[0] ?? null)
          event.target.value = ''
        }}
      />
      <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()}>
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

/** Stores the file on the saved agreement; returns the message to show when it could not. */
export async function attachAgreementFile(t: TFunction, agreementId: string, file: File | null | undefined): Promise<string | null> {
  if (!file) return null
  try {
    await call('attachment-add', { entity: 'agreement', entityId: agreementId, fileName: file.name, contentBase64: await fileToBase64(file) })
    return null
  } catch (error) {
    return t('agreement.fileFailed', { name: file.name, message: (error as Error).message })
  }
}
