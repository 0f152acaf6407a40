// The mapping step asks what each 项目状态 word the app does not know means ("推进落实 means 在谈"):
// rows with such words are neither dropped nor guessed, and the preview waits for the answers.
// The answers travel with every later preview and are saved in the template with the mapping.
import { Alert, Button, Select, Space } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview, StageWords } from '../../../../../db/domain/ledger'
import { STAGES, type Stage } from '../../../../../db/domain/stages'

/** The unknown words of a preview, each once, in the order the ledger first uses them. */
export const unknownStageWords = (preview: ImportPreview): string[] => [...new Set(preview.messages.flatMap((m) => (m.stageWord ? [m.stageWord] : [])))]

interface Props {
  preview: ImportPreview
  loading: boolean
  onAnswer(answers: StageWords): void
}

export function StageWordQuestions({ preview, loading, onAnswer }: Props) {
  const { t } = useTranslation()
  const words = useMemo(() => unknownStageWords(preview), [preview])
  const [answers, setAnswers] = useState<StageWords>({})
  // another preview asks about other words (or none): earlier drafts do not carry over
  useEffect(() => setAnswers({}), [preview])
  const options = STAGES.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))
  const complete = words.every((word) => answers[word])
  if (words.length === 0) return null

  return (
    <Alert
      type="warning"
      showIcon
      data-testid="ledger-stage-words"
      title={t('ledger.stageWords.title', { count: words.length })}
      description={
        <Space orientation="vertical" size={8}>
          {words.map((word) => (
            <Space key={word} size={8} wrap>
              <span>{t('ledger.stageWords.means', { word })}</span>
              <Select<Stage>
                style={{ width: 160 }}
                size="small"
                value={answers[word]}
                placeholder={t('ledger.stageWords.choose')}
                options={options}
                aria-label={t('ledger.stageWords.means', { word })}
                data-testid={`ledger-stage-word-${word}`}
                onChange={(stage) => setAnswers({ ...answers, [word]: stage })}
              />
            </Space>
          ))}
          <Button type="primary" size="small" disabled={!complete} loading={loading} onClick={() => onAnswer(answers)} data-testid="ledger-stage-words-apply">
            {t('ledger.stageWords.apply')}
          </Button>
        </Space>
      }
    />
  )
}
