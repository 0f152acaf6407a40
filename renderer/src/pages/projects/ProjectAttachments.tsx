// The project's files: upload, list, download, remove (with undo through the recycle bin).
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons'
import { App, Button, Empty, List, Popconfirm, Space, Typography } from 'antd'
import { useQueryClient } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type AttachmentView, MAX_ATTACHMENT_BYTES } from '../../../../db/domain/attachment'
import { call } from '../../api/client'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { invalidateTables } from '../../api/invalidation'
import { uploadAttachment } from '../../api/upload'
import { ErrorState } from '../../components/ErrorState'
import { dateTime } from '../../format'
import { downloadBase64, fileSize } from './attachmentFiles'

export function ProjectAttachments({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const input = useRef<HTMLInputElement>(null)
  const list = useApiQuery('attachment-list', { entity: 'project', entityId: projectId })
  const queryClient = useQueryClient()
  const [uploading, setUploading] = useState(false)
  const remove = useApiMutation('attachment-remove')
  const restore = useApiMutation('recycle-restore')

  const upload = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        void message.error(`${file.name}：${t('project.attachment.tooLarge')}`)
        continue
      }
      setUploading(true)
      try {
        await uploadAttachment({ entity: 'project', entityId: projectId }, file)
        await invalidateTables(queryClient, ['attachment'])
        void message.success(t('project.attachment.uploaded', { name: file.name }))
      } catch (error) {
        void message.error((error as Error).message)
      } finally {
        setUploading(false)
      }
    }
    if (input.current) input.current.value = ''
  }

  const download = async (attachment: AttachmentView) => {
    try {
      const content = await call('attachment-read', { id: attachment.id })
      downloadBase64(content.fileName, content.mime, content.contentBase64)
    } catch (error) {
      void message.error((error as Error).message)
    }
  }

  const onRemove = async (attachment: AttachmentView) => {
    try {
      await remove.mutateAsync({ id: attachment.id })
      void message.success({
        content: (
          <Space>
            {t('project.attachment.removed', { name: attachment.fileName })}
            <Button size="small" type="link" onClick={() => restore.mutate({ entity: 'attachment', id: attachment.id })}>
              {t('common.undo')}
            </Button>
          </Space>
        ),
      })
    } catch (error) {
      void message.error((error as Error).message)
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <input ref={input} type="file" multiple hidden onChange={(event) => void upload(event.target.files)} data-testid="attachment-input" />
      <Button icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()} block>
        {uploading ? t('project.attachment.uploading') : t('project.attachment.upload')}
      </Button>
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List<AttachmentView>
          size="small"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('project.attachment.empty')} /> }}
          renderItem={(attachment) => (
            <List.Item
              actions={[
                <Button
                  key="download"
                  type="text"
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={t('project.attachment.download')}
                  title={t('project.attachment.download')}
                  onClick={() => void download(attachment)}
                />,
                <Popconfirm
                  key="remove"
                  title={t('project.attachment.confirmRemove', { name: attachment.fileName })}
                  onConfirm={() => onRemove(attachment)}
                >
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('project.attachment.remove')} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                avatar={<PaperClipOutlined />}
                title={
                  <Typography.Link ellipsis onClick={() => void download(attachment)} style={{ maxWidth: 180 }}>
                    {attachment.fileName}
                  </Typography.Link>
                }
                description={`${fileSize(attachment.size)} · ${dateTime(attachment.createdAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  )
}
