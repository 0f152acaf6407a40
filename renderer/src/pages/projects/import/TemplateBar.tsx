// Saved mappings for ledgers that come back every month in the same odd layout.
import { DeleteOutlined, DownOutlined, SaveOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Input, Popover, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type ImportTemplate, ImportTemplateSave, type MappingOverrides, type StageWords } from '../../../../../db/domain/ledger'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { textLimit } from '../../../components/textLimit'

interface Props {
  sheet: string
  mapping: MappingOverrides
  /** Saved with the mapping: next month's ledger with the same words is not asked again. */
  stageWords: StageWords
  /** Saved too: a month-per-sheet workbook imported all months in order is imported so again. */
  months: 'all' | undefined
  onLoad(template: ImportTemplate): void
}

export function TemplateBar({ sheet, mapping, stageWords, months, onLoad }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const templates = useApiQuery('ledger-template-list', {})
  const remove = useApiMutation('ledger-template-delete')
  const list = templates.data ?? []

  const items =
    list.length === 0
      ? [{ key: '', label: t('ledger.template.none'), disabled: true }]
      : list.map((template) => ({
          key: template.name,
          label: (
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <span>{template.name}</span>
              <DeleteOutlined
                aria-label={t('ledger.template.delete')}
                onClick={(event) => {
                  // The row's click loads the template; the bin only deletes it.
                  event.stopPropagation()
                  remove.mutate({ name: template.name }, { onSuccess: () => void message.success(t('ledger.template.deleted', { name: template.name })) })
                }}
              />
            </Space>
          ),
        }))

  return (
    <Space size={8}>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            const template = list.find((item) => item.name === key)
            if (!template) return
            onLoad(template)
            void message.success(t('ledger.template.loaded', { name: template.name }))
          },
        }}
      >
        <Button data-testid="ledger-template-load">
          {t('ledger.template.load')} <DownOutlined />
        </Button>
      </Dropdown>
      <SaveTemplate sheet={sheet} mapping={mapping} stageWords={stageWords} months={months} />
    </Space>
  )
}

function SaveTemplate({ sheet, mapping, stageWords, months }: Omit<Props, 'onLoad'>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const save = useApiMutation('ledger-template-save')
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  // Too long a name is refused with the contract's own words and a count, never cut while typing.
  const problem = name.trim() ? ImportTemplateSave.shape.name.safeParse(name).error?.issues[0]?.message : undefined

  const submit = () => {
    if (problem || !name.trim()) return
    save.mutate(
      { name, mapping, sheet, stageWords, ...(months ? { months } : {}) },
      {
        onSuccess: (saved) => {
          setOpen(false)
          void message.success(t('ledger.template.saved', { name: saved.name }))
        },
        onError: (error) => void message.error(error.message),
      },
    )
  }

  const content = (
    <Space orientation="vertical" size={4}>
      <Space.Compact>
        <Input
          autoFocus
          value={name}
          {...textLimit(ImportTemplateSave.shape.name)}
          status={problem ? 'error' : undefined}
          placeholder={t('ledger.template.namePlaceholder')}
          aria-label={t('ledger.template.name')}
          aria-invalid={!!problem}
          onChange={(event) => setName(event.target.value)}
          onPressEnter={submit}
        />
        <Button type="primary" loading={save.isPending} disabled={!name.trim() || !!problem} onClick={submit}>
          {t('common.save')}
        </Button>
      </Space.Compact>
      {problem && (
        <Typography.Text type="danger" role="alert" data-testid="ledger-template-name-error">
          {problem}
        </Typography.Text>
      )}
    </Space>
  )
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={t('ledger.template.save')} content={content}>
      <Button icon={<SaveOutlined />} data-testid="ledger-template-save">
        {t('ledger.template.save')}
      </Button>
    </Popover>
  )
}
