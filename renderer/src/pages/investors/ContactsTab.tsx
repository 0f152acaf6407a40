// An investor's contacts: the primary one first, each editable and deletable (with undo).
import { DeleteOutlined, EditOutlined, PlusOutlined, StarFilled, StarOutlined } from '@ant-design/icons'
import { App, Button, Empty, Popconfirm, Space, Table, Tooltip } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactView } from '../../../../db/domain/investor'
import { useApiMutation } from '../../api/hooks'
import { ContactForm } from './ContactForm'

export function ContactsTab({ investorId, contacts }: { investorId: string; contacts: ContactView[] }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [editing, setEditing] = useState<ContactView | null | undefined>(undefined)
  const update = useApiMutation('contact-update')
  const remove = useApiMutation('contact-delete')
  const restore = useApiMutation('contact-restore')
  const sorted = [...contacts].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary))

  const onDelete = async (contact: ContactView) => {
    try {
      await remove.mutateAsync({ id: contact.id })
      void message.success({
        content: (
          <Space>
            {t('common.deleted', { name: contact.name })}
            <Button size="small" type="link" onClick={() => restore.mutate({ id: contact.id })}>
              {t('common.undo')}
            </Button>
          </Space>
        ),
      })
    } catch (error) {
      void message.error((error as Error).message)
    }
  }

  const makePrimary = (contact: ContactView) =>
    update.mutate({ id: contact.id, isPrimary: true }, { onError: (error) => void message.error(error.message) })

  return (
    <>
      <Table<ContactView>
        rowKey="id"
        size="middle"
        dataSource={sorted}
        pagination={false}
        data-testid="contacts"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('investors.contacts.empty')} /> }}
        columns={[
          {
            title: '',
            key: 'primary',
            width: 44,
            render: (_, c) =>
              c.isPrimary ? (
                <Tooltip title={t('investors.contacts.isPrimary')}>
                  <StarFilled style={{ color: '#faad14' }} />
                </Tooltip>
              ) : (
                <Tooltip title={t('investors.contacts.makePrimary')}>
                  <Button type="text" size="small" icon={<StarOutlined />} aria-label={t('investors.contacts.makePrimary')} onClick={() => makePrimary(c)} />
                </Tooltip>
              ),
          },
          { title: t('investors.contacts.name'), dataIndex: 'name', width: 120 },
          { title: t('investors.contacts.title'), dataIndex: 'title', width: 140, render: (v: string | null) => v ?? '—' },
          { title: t('investors.contacts.phone'), dataIndex: 'phone', width: 150, render: (v: string | null) => v ?? '—' },
          { title: t('investors.contacts.wechat'), dataIndex: 'wechat', width: 130, render: (v: string | null) => v ?? '—' },
          { title: t('investors.contacts.email'), dataIndex: 'email', ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 92,
            render: (_, c) => (
              <Space size={0}>
                <Button type="text" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setEditing(c)} />
                <Popconfirm title={t('common.confirmDelete', { name: c.name })} onConfirm={() => onDelete(c)}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                </Popconfirm>
              </Space>
            ),
          },
        ]}
        footer={() => (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="contact-add">
            {t('investors.contacts.add')}
          </Button>
        )}
      />
      <ContactForm investorId={investorId} contact={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </>
  )
}
