// The PostgreSQL hub's card in 设置 → 数据同步: where the hub is, whether the last sync worked, what
// waits to go up, and 立即同步. Every call here answers from this computer's database at once: the
// sync itself runs in the background and the card watches hub-status (more often while it runs).
import { CloudSyncOutlined, ApiOutlined, SaveOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Tag, Typography } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { SECRET_STORAGE_LABELS, formatBytes, type HubStatus } from '../../../../db/domain/hub'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorState } from '../../components/ErrorState'
import { dateTime } from '../../format'

interface HubForm {
  url: string
  password: string
  intervalMinutes: number
}

function StateTag({ status }: { status: HubStatus }) {
  const { t } = useTranslation()
  if (!status.configured) return <Tag>{t('hub.notConfigured')}</Tag>
  if (status.running) return <Tag color="processing">{t('hub.running')}</Tag>
  if (status.lastError) return <Tag color="error">{t('hub.failed')}</Tag>
  if (status.lastSyncAt) return <Tag color="success">{t('hub.ok')}</Tag>
  return <Tag>{t('hub.never')}</Tag>
}

export function HubCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<HubForm>()
  const status = useApiQuery('hub-status', {}, { refetchInterval: (query) => (query.state.data?.running ? 2000 : 20_000) })
  const configure = useApiMutation('hub-configure')
  const syncNow = useApiMutation('hub-sync-now')
  const test = useApiMutation('hub-test-connection')
  const data = status.data

  useEffect(() => {
    if (data) form.setFieldsValue({ url: data.url ?? '', intervalMinutes: data.intervalMinutes })
    // Only when the stored settings change, not on every poll.
  }, [data?.url, data?.intervalMinutes]) // eslint-disable-line react-hooks/exhaustive-deps

  if (status.error) return <ErrorState error={status.error} onRetry={() => void status.refetch()} />

  const save = (values: HubForm) =>
    configure.mutate(
      { url: values.url, intervalMinutes: values.intervalMinutes, ...(values.password ? { password: values.password } : {}) },
      {
        onSuccess: () => {
          form.setFieldValue('password', '')
          void message.success(t('hub.saved'))
        },
        onError: (error) => void message.error(error.message),
      },
    )
  const runTest = () => {
    const { url, password } = form.getFieldsValue()
    test.mutate(
      { ...(url ? { url } : {}), ...(password ? { password } : {}) },
      { onSuccess: (result) => void (result.ok ? message.success(result.message, 6) : message.warning(result.message, 8)) },
    )
  }

  const last = data?.lastResult
  return (
    <Card
      size="small"
      title={
        <Space>
          <CloudSyncOutlined />
          {t('hub.title')}
          {data && <StateTag status={data} />}
        </Space>
      }
      extra={
        <Button
          type="primary"
          icon={<CloudSyncOutlined />}
          disabled={!data?.configured}
          loading={data?.running || syncNow.isPending}
          onClick={() => syncNow.mutate({})}
          data-testid="hub-sync-now"
        >
          {t('hub.syncNow')}
        </Button>
      }
      data-testid="hub-card"
    >
      <Typography.Paragraph type="secondary">{t('hub.hint')}</Typography.Paragraph>
      {data?.lastError && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('hub.error', { at: dateTime(data.lastErrorAt) })} description={data.lastError} />
      )}
      {data?.configured && (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('hub.lastSync')}>
            {data.lastSyncAt ? dateTime(data.lastSyncAt) : t('hub.never')}
            {data.pending > 0 && (
              <Tag color="warning" style={{ marginLeft: 8 }} data-testid="hub-pending">
                {t('hub.queued', { count: data.pending })}
              </Tag>
            )}
          </Descriptions.Item>
          {last && (
            <Descriptions.Item label={t('hub.lastResult')}>
              {t('hub.result', { ...last })}（{last.tls ? t('hub.tls') : t('hub.plain')}）
            </Descriptions.Item>
          )}
          {data.hubLog && (
            <Descriptions.Item label={t('hub.logSize')}>
              <span data-testid="hub-log-size">
                {t('hub.logSizeValue', {
                  operations: `${data.hubLog.operationsExact ? '' : '~'}${data.hubLog.operations.toLocaleString()}`,
                  logSize: formatBytes(data.hubLog.logBytes),
                  copySize: formatBytes(data.hubLog.copyBytes),
                })}
              </span>
            </Descriptions.Item>
          )}
          {data.nextSyncAt && <Descriptions.Item label={t('hub.nextSync')}>{dateTime(data.nextSyncAt)}</Descriptions.Item>}
          {data.teamId && (
            <Descriptions.Item label={t('hub.team')}>
              <Typography.Text code>{data.teamId}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ url: '', password: '', intervalMinutes: 5 }} style={{ maxWidth: 560 }}>
        <Form.Item name="url" label={t('hub.url')} rules={[{ required: true, pattern: /^postgres(ql)?:\/\/\S+$/, message: t('hub.urlPlaceholder') }]}>
          <Input placeholder={t('hub.urlPlaceholder')} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('hub.password')}
          extra={data && t('hub.passwordWhere', { where: SECRET_STORAGE_LABELS[data.passwordStorage ?? data.secretStorage] })}
        >
          <Input.Password placeholder={data?.hasPassword ? t('hub.passwordKept') : ''} autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="intervalMinutes" label={t('hub.interval')}>
          <InputNumber min={1} max={1440} />
        </Form.Item>
        <Space wrap>
          <Button htmlType="submit" icon={<SaveOutlined />} loading={configure.isPending}>
            {t('hub.save')}
          </Button>
          <Button icon={<ApiOutlined />} loading={test.isPending} onClick={runTest}>
            {t('hub.test')}
          </Button>
        </Space>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('hub.setupHint')}
      </Typography.Paragraph>
    </Card>
  )
}
