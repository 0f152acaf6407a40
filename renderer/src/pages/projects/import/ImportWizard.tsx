// The ledger import as four steps. The file travels to the backend as base64 for every preview,
// and the real import checks the preview's sha256: what was checked is what gets written.
import { App, Steps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview, ImportResult, LedgerImportPreviewInput, MappingOverrides, StageWords } from '../../../../../db/domain/ledger'
import { call } from '../../../api/client'
import { FileStep } from './FileStep'
import { MappingStep } from './MappingStep'
import { type ImportChoices, PreviewStep } from './PreviewStep'
import { isLedgerFileName, readAsBase64 } from './readFile'
import { ResultStep } from './ResultStep'

type Step = 0 | 1 | 2 | 3

interface Previewed {
  input: LedgerImportPreviewInput
  preview: ImportPreview
}

export function ImportWizard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [step, setStep] = useState<Step>(0)
  const [reading, setReading] = useState<string | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [current, setCurrent] = useState<Previewed | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportResult | null>(null)

  const runPreview = async (input: LedgerImportPreviewInput): Promise<boolean> => {
    setBusy(true)
    try {
      setCurrent({ input, preview: await call('ledger-import-preview', input) })
      return true
    } catch (error) {
      if (step === 0) setFileError((error as Error).message)
      else void message.error((error as Error).message)
      return false
    } finally {
      setBusy(false)
    }
  }

  const onFile = async (file: File) => {
    setFileError(null)
    if (!isLedgerFileName(file.name)) return setFileError(t('ledger.file.badType', { name: file.name }))
    setReading(file.name)
    try {
      const dataBase64 = await readAsBase64(file)
      // Sent even when empty: the API's own message ('文件是空的') says what is wrong.
      if (await runPreview({ fileName: file.name, dataBase64 })) setStep(1)
    } catch (error) {
      setFileError(`${t('ledger.file.failed', { name: file.name })}：${(error as Error).message}`)
    } finally {
      setReading(null)
    }
  }

  const onApply = (sheet: string, mapping: MappingOverrides, stageWords: StageWords, months: 'all' | undefined) => {
    if (!current) return
    const { fileName, dataBase64 } = current.input
    const nonEmpty = <T extends object>(value: T) => (Object.keys(value).length > 0 ? value : undefined)
    // all months: each month's sheet is chosen by the backend, oldest first
    void runPreview({ fileName, dataBase64, ...(months ? { months } : { sheet }), mapping: nonEmpty(mapping), stageWords: nonEmpty(stageWords) })
  }

  const onConfirm = async (choices: ImportChoices) => {
    if (!current) return
    setBusy(true)
    try {
      const done = await call('ledger-import', { ...current.input, ...choices, expectSha256: current.preview.sha256 })
      setResult(done)
      setStep(3)
    } catch (error) {
      void message.error((error as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const restart = () => {
    setCurrent(null)
    setResult(null)
    setFileError(null)
    setStep(0)
  }

  return (
    <>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('ledger.steps.file') },
          { title: t('ledger.steps.mapping') },
          { title: t('ledger.steps.preview') },
          { title: t('ledger.steps.result') },
        ]}
      />
      {step === 0 && <FileStep reading={reading} error={fileError} onFile={(file) => void onFile(file)} />}
      {step === 1 && current && (
        <MappingStep
          preview={current.preview}
          mapping={current.input.mapping ?? {}}
          stageWords={current.input.stageWords ?? {}}
          months={current.input.months}
          loading={busy}
          onApply={onApply}
          onBack={restart}
          onNext={() => setStep(2)}
        />
      )}
      {step === 2 && current && (
        <PreviewStep
          preview={current.preview}
          input={current.input}
          importing={busy}
          onBack={() => setStep(1)}
          onConfirm={(skip) => void onConfirm(skip)}
        />
      )}
      {step === 3 && result && <ResultStep result={result} onAgain={restart} />}
    </>
  )
}
