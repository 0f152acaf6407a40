// Merge two investors: pick the other one, choose which is kept, read what moves, settle each
// field both fill, then merge. The merged one goes to the recycle bin; we land on the kept one.
// Not a form of fields (useFormDialog validates and saves fields): the one thing it shares is that
// a double click on 合并 merges once — the second would find the merged investor gone and say so.
import { App, Form, Modal, Radio, Spin } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import type { MergeField } from '../../../../db/domain/investor'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { InvestorSelect } from '../../components/selects'
import { type MergeChoices, MergePreviewPanel } from './MergePreviewPanel'

interface Props {
  investor: { id: string; name: string }
  open: boolean
  onClose(): void
}

export function MergeDialog({ investor, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [otherId, setOtherId] = useState<string | null>(null)
  const [keep, setKeep] = useState<'current' | 'other'>('current')
  const [choices, setChoices] = useState<MergeChoices>({})
  const merge = useApiMutation('investor-merge')
  // isPending turns true only after the next render; a double click arrives before that.
  const busy = useRef(false)

  const pair = otherId
    ? keep === 'current'
      ? { sourceId: otherId, targetId: investor.id }
      : { sourceId: investor.id, targetId: otherId }
    : null
  const preview = useApiQuery('investor-merge-preview', pair ?? { sourceId: '', targetId: '' }, { enabled: open && !!pair && pair.sourceId !== pair.targetId })

  const close = () => {
    setOtherId(null)
    setKeep('current')
    setChoices({})
    onClose()
  }

  const submit = async () => {
    if (!pair || busy.current) return
    busy.current = true
    try {
      const kept = await merge.mutateAsync({ ...pair, fields: choices })
      void message.success(t('investors.merge.done', { name: kept.name }))
      close()
      navigate(`/investors/${kept.id}`)
    } catch (error) {
      busy.current = false
      void message.error((error as Error).message)
    }
  }

  return (
    <Modal
      open={open}
      width={760}
      title={t('investors.merge.title', { name: investor.name })}
      okText={t('investors.merge.confirm')}
      okButtonProps={{ disabled: !preview.data || otherId === investor.id || merge.isPending, danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={merge.isPending}
      onOk={submit}
      onCancel={close}
      // Each opening may merge once (the closing dialog's 合并 is still under the pointer).
      afterOpenChange={(isOpen) => {
        if (isOpen) busy.current = false
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('investors.merge.other')} extra={otherId === investor.id ? t('investors.merge.self') : undefined}>
          <InvestorSelect
            value={otherId}
            onChange={(value) => {
              setOtherId((value as string | null) ?? null)
              setChoices({})
            }}
            placeholder={t('investors.merge.otherPlaceholder')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item label={t('investors.merge.keep')}>
          <Radio.Group
            value={keep}
            onChange={(event) => {
              setKeep(event.target.value)
              setChoices({})
            }}
            options={[
              { value: 'current', label: t('investors.merge.keepCurrent', { name: investor.name }) },
              { value: 'other', label: t('investors.merge.keepOther'), disabled: !otherId },
            ]}
          />
        </Form.Item>
      </Form>
      {pair && preview.isLoading && <Spin />}
      {preview.error && <ErrorState error={preview.error} />}
      {preview.data && (
        <MergePreviewPanel
          preview={preview.data}
          choices={choices}
          onChoose={(field: MergeField, side) => setChoices((previous) => ({ ...previous, [field]: side }))}
        />
      )}
    </Modal>
  )
}
