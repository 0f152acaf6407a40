// Step 1: choose a ledger file. Bad files (not a spreadsheet, empty, password-protected, no
// header) come back from the preview with the API's own Chinese explanation, shown here.
import { InboxOutlined } from '@ant-design/icons'
import { Alert, Spin, Upload } from 'antd'
import { useTranslation } from 'react-i18next'
import { ACCEPT } from './readFile'

interface Props {
  reading: string | null
  error: string | null
  onFile(file: File): void
}

export function FileStep({ reading, error, onFile }: Props) {
  const { t } = useTranslation()
  return (
    <Spin spinning={reading !== null} description={reading ? t('ledger.file.reading', { name: reading }) : undefined}>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        data-testid="ledger-file"
        // Never upload anywhere: the file is read in the page and sent through the API.
        beforeUpload={(file) => {
          onFile(file)
          return false
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('ledger.file.drop')}</p>
        <p className="ant-upload-hint">{t('ledger.file.hint')}</p>
      </Upload.Dragger>
      {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} data-testid="ledger-file-error" />}
    </Spin>
  )
}
