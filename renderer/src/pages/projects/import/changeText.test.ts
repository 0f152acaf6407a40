// The import preview's update text speaks in the ledger's labels and the app's formats, in both
// languages, never in column names and raw values.
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { ledger } from '../../../i18n/parts/ledger'
import { vocab } from '../../../i18n/parts/vocab'
import { changeText } from './changeText'

const translator = async (language: 'zh' | 'en') => {
  const instance = i18next.createInstance()
  const translation = { ...vocab[language], ...ledger[language] }
  await instance.init({ lng: language, resources: { [language]: { translation } } })
  return instance.t
}

const changes: Record<string, [unknown, unknown]> = {
  totalInvestmentYuan: [350_000_000, 360_000_000],
  stage: ['negotiating', 'signed'],
}

describe('changeText', () => {
  it('writes labels and formatted values in Chinese', async () => {
    expect(changeText(await translator('zh'), 'zh', changes)).toBe('总投资：3.50 亿元 → 3.60 亿元；项目状态：在谈 → 签约')
  })

  it('writes them in English', async () => {
    expect(changeText(await translator('en'), 'en', changes)).toBe('Total investment: 3.50 100M → 3.60 100M; Stage: Negotiating → Signed')
  })

  it('names the columns the stage rule writes, empties as a dash, and references without their ids', async () => {
    const t = await translator('zh')
    const text = changeText(t, 'zh', { signedOn: [null, '2024-05-10'], stageOn: ['2024-01-02', '2024-05-10'], ownerId: ['01HX', '01HY'], kind: ['new', 'expansion'] })
    expect(text).toBe('签约日期：— → 2024-05-10；阶段日期：2024-01-02 → 2024-05-10；责任人：改为表中所填；建设性质：新建 → 扩建')
    expect(text).not.toMatch(/01H|signedOn|ownerId/)
  })
})
