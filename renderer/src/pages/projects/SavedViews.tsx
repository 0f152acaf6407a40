// Saved views: a name for a set of filters and columns ("长清区在谈项目"), kept on this laptop.
import { DeleteOutlined, DownOutlined, SaveOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { zodRule } from '../../components/forms'
import { textLimit } from '../../components/textLimit'
import type { ColumnKey } from './columns'
import type { ProjectFilters } from './filters'
import { KEYS, useStoredState } from './storage'

/** A view's name fits the views menu; longer is refused with a count, never cut (textLimit.ts). */
const VIEW_NAME_MAX = 40

export interface SavedView {
  name: string
  filters: ProjectFilters
  columns: ColumnKey[]
}

interface Props {
  current: Omit<SavedView, 'name'>
  onApply(view: SavedView): void
}

export function SavedViews({ current, onApply }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [views, setViews] = useStoredState<SavedView[]>(localStorage, KEYS.views, [])
  const [naming, setNaming] = useState(false)
  const [form] = Form.useForm<{ name: string }>()
  const viewName = z
    .string({ error: t('project.views.nameRequired') })
    .trim()
    .min(1, t('project.views.nameRequired'))
    .max(VIEW_NAME_MAX, t('project.views.nameTooLong', { max: VIEW_NAME_MAX }))

  const save = async () => {
    // A refused name stays in the dialog with its field error; nothing to save.
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const { name } = values
    const trimmed = name.trim()
    // Saving under an existing name replaces that view: the usual way to update one.
    setViews([...views.filter((view) => view.name !== trimmed), { name: trimmed, ...current }])
    setNaming(false)
    void message.success(t('project.views.saved', { name: trimmed }))
  }

  const items = [
    ...(views.length === 0 ? [{ key: 'none', label: t('project.views.none'), disabled: true }] : []),
    ...views.map((view) => ({
      key: `view:${view.name}`,
      label: (
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 16, minWidth: 180 }}>
          <span>{view.name}</span>
          <DeleteOutlined
            aria-label={t('project.views.deleteView')}
            title={t('project.views.deleteView')}
            onClick={(event) => {
              event.stopPropagation()
              setViews(views.filter((other) => other.name !== view.name))
            }}
          />
        </span>
      ),
    })),
    { type: 'divider' as const },
    { key: 'save', icon: <SaveOutlined />, label: t('project.views.save') },
  ]

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'save') {
              form.resetFields()
              return setNaming(true)
            }
            const view = views.find((candidate) => `view:${candidate.name}` === key)
            if (view) {
              onApply(view)
              void message.info(t('project.views.applied', { name: view.name }))
            }
          },
        }}
      >
        <Button data-testid="project-views">
          {t('project.views.button')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={naming}
        width={400}
        title={t('project.views.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={save}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('project.views.name')} rules={[zodRule(viewName)]} required>
            <Input autoFocus {...textLimit(viewName)} placeholder={t('project.views.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  )
}
