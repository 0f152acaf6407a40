// The project's agreements: what was signed, when, for how much, with its text; add, edit, and
// delete with undo (the recycle bin keeps it).
import { DeleteOutlined, EditOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Empty, List, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Agreement } from '../../../../../db/schema'
import { call } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { ErrorState } from '../../../components/ErrorState'
import { yi } from '../../../format'
import { useUndoableDelete } from '../../../shell/useUndoableDelete'
import { downloadBase64 } from '../attachmentFiles'
import { AgreementForm } from './AgreementForm'

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

export function AgreementsCard({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const list = useApiQuery('agreement-list-by-project', { projectId })
  const [editing, setEditing] = useState<{ agreement: Agreement | null } | null>(null)
  // A new form per opening: a form instance keeps the last opening's values under new initial ones.
  const [opening, setOpening] = useState(0)
  const edit = (record: Agreement | null) => {
    setOpening((n) => n + 1)
    setEditing({ agreement: record })
  }
  const remove = useUndoableDelete('agreement-delete', 'agreement')
  const nameOf = (agreement: Agreement) => t('agreement.name', { type: t(`vocab.agreementType.${agreement.type}`), date: agreement.signedOn })

  return (
    <Card
      size="small"
      title={t('agreement.title')}
      style={{ marginBottom: 12 }}
      data-testid="project-agreements"
      extra={
        <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="agreement-add">
          {t('agreement.add')}
        </Button>
      }
    >
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <List<Agreement>
          size="small"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          locale={{
            // The empty list points to its action, not only to words about it.
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('agreement.empty')}>
                <Button size="small" onClick={() => edit(null)} data-testid="agreement-empty-add">
                  {t('agreement.add')}
                </Button>
              </Empty>
            ),
          }}
          renderItem={(agreement) => (
            <List.Item
              data-testid="agreement-row"
              actions={[
                <Button
                  key="edit"
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={`${t('dealCommon.edit')} ${nameOf(agreement)}`}
                  onClick={() => edit(agreement)}
                />,
                <Popconfirm key="delete" title={t('dealCommon.confirmDelete', { name: nameOf(agreement) })} onConfirm={() => remove(agreement.id, nameOf(agreement))}>
                  <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('dealCommon.delete')} ${nameOf(agreement)}`} />
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Space size={8} wrap>
                    <span>{nameOf(agreement)}</span>
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
                    {agreement.note && <span style={{ whiteSpace: 'pre-wrap' }}>{agreement.note}</span>}
                    <AgreementFiles agreementId={agreement.id} />
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
      <AgreementForm key={opening} projectId={projectId} open={editing !== null} agreement={editing?.agreement ?? null} onSaved={() => void list.refetch()} onClose={() => setEditing(null)} />
    </Card>
  )
}
