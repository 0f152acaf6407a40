// The project's agreements: what was signed, when, for how much, by whom, with its text; add, edit,
// and delete with undo (the recycle bin keeps it).
import { PaperClipOutlined } from '@ant-design/icons'
import { List, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Agreement } from '../../../../../db/schema'
import { call } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { yi } from '../../../format'
import { useUndoableDelete } from '../../../shell/useUndoableDelete'
import { downloadBase64 } from '../attachmentFiles'
import { AgreementForm } from './AgreementForm'
import { DealRecordsCard, useRecordDialog } from './DealRecordsCard'

function AgreementFiles({ agreementId }: { agreementId: string }) {
  const files = useApiQuery('attachment-list', { entity: 'agreement', entityId: agreementId })
  if (!files.data?.length) return null
  const download = async (id: string) => {
    const content = await call('attachment-read', { id })
    downloadBase64(content.fileName, content.mime, content.contentBase64)
  }
  return (
    <Space size={8} wrap>
      {files.data.map((file) => (
        <Typography.Link key={file.id} onClick={() => void download(file.id)} data-testid="agreement-file">
          <PaperClipOutlined /> {file.fileName}
        </Typography.Link>
      ))}
    </Space>
  )
}

function AgreementRow({ agreement, name }: { agreement: Agreement; name: string }) {
  const { t } = useTranslation()
  return (
    <List.Item.Meta
      title={
        <Space size={8} wrap>
          <span>{name}</span>
          {agreement.amountYuan !== null && (
            <Typography.Text strong>
              {yi(agreement.amountYuan)} {t('unit.yi')}
            </Typography.Text>
          )}
          {agreement.contractNo && <Typography.Text type="secondary">{agreement.contractNo}</Typography.Text>}
        </Space>
      }
      description={
        <Space orientation="vertical" size={2}>
          {agreement.parties && (
            <span style={{ whiteSpace: 'pre-wrap' }} data-testid="agreement-parties">
              {t('agreement.parties')}：{agreement.parties}
            </span>
          )}
          {agreement.note && <span style={{ whiteSpace: 'pre-wrap' }}>{agreement.note}</span>}
          <AgreementFiles agreementId={agreement.id} />
        </Space>
      }
    />
  )
}

export function AgreementsCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const list = useApiQuery('agreement-list-by-project', { projectId })
  const dialog = useRecordDialog<Agreement>()
  const remove = useUndoableDelete('agreement-delete', 'agreement')
  const nameOf = (agreement: Agreement) => t('agreement.name', { type: t(`vocab.agreementType.${agreement.type}`), date: agreement.signedOn })

  return (
    <DealRecordsCard<Agreement>
      title={t('agreement.title')}
      cardTestId="project-agreements"
      testId="agreement"
      addLabel={t('agreement.add')}
      emptyText={t('agreement.empty')}
      rows={list.data ?? []}
      loading={list.isLoading}
      error={list.error}
      onRetry={() => void list.refetch()}
      nameOf={nameOf}
      onAdd={() => dialog.edit(null)}
      onEdit={dialog.edit}
      onDelete={(agreement) => remove(agreement.id, nameOf(agreement))}
      renderRow={(agreement) => <AgreementRow agreement={agreement} name={nameOf(agreement)} />}
      dialog={
        <AgreementForm
          key={dialog.opening}
          projectId={projectId}
          open={dialog.open}
          agreement={dialog.record}
          onSaved={() => void list.refetch()}
          onClose={dialog.close}
        />
      }
    />
  )
}
