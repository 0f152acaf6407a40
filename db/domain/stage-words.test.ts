import { describe, it, expect } from 'vitest'
import { STAGES, STAGE_LABELS } from './stages'
import { stageFromWord } from './stage-words'

describe('stageFromWord', () => {
  it('reads the words district offices write (#11)', () => {
    const cases: Record<string, string> = {
      推进中: 'negotiating',
      前期: 'signed',
      续建: 'started',
      新建: 'started',
      拟签约: 'negotiating',
      签约未开工: 'signed',
      开工建设: 'started',
      已开工建设: 'started',
      试生产: 'completed',
      部分投产: 'operating',
      对接中: 'contacted',
      跟踪在谈: 'negotiating',
      正式签约: 'signed',
      协议起草: 'negotiating',
      完工: 'completed',
      建成投产: 'operating',
    }
    for (const [word, stage] of Object.entries(cases)) expect(stageFromWord(word), word).toBe(stage)
  })

  it('maps the words ledgers use', () => {
    const cases: Record<string, string> = {
      线索: 'lead',
      储备: 'lead',
      谋划: 'lead',
      谋划储备: 'lead',
      在谈: 'negotiating',
      洽谈: 'negotiating',
      洽谈中: 'negotiating',
      接洽: 'contacted',
      已接洽: 'contacted',
      考察: 'negotiating',
      意向: 'negotiating',
      协议起草: 'negotiating',
      签约: 'signed',
      已签约: 'signed',
      签约落地: 'registered',
      注册: 'registered',
      已注册: 'registered',
      注册落地: 'registered',
      落地: 'registered',
      开工: 'started',
      已开工: 'started',
      在建: 'started',
      建设中: 'started',
      竣工: 'completed',
      已竣工: 'completed',
      投产: 'operating',
      已投产: 'operating',
      运营: 'operating',
      后评价: 'evaluated',
      暂缓: 'on_hold',
      搁置: 'on_hold',
      流失: 'lost',
      终止: 'terminated',
      解约: 'terminated',
      已终止: 'terminated',
    }
    for (const [word, stage] of Object.entries(cases)) {
      expect([word, stageFromWord(word)]).toEqual([word, stage])
    }
  })

  it('maps every label and every English key back to its stage', () => {
    for (const stage of STAGES) {
      expect(stageFromWord(STAGE_LABELS[stage])).toBe(stage)
      expect(stageFromWord(stage)).toBe(stage)
    }
  })

  it('tolerates case, spaces, full-width forms and punctuation around the word', () => {
    expect(stageFromWord('  已 签 约 ')).toBe('signed')
    expect(stageFromWord('签约。')).toBe('signed')
    expect(stageFromWord('【在谈】')).toBe('negotiating')
    expect(stageFromWord('投产！')).toBe('operating')
    expect(stageFromWord('开工;')).toBe('started')
    expect(stageFromWord('ＬＥＡＤ')).toBe('lead')
    expect(stageFromWord('On Hold')).toBe('on_hold')
    expect(stageFromWord('on-hold')).toBe('on_hold')
    expect(stageFromWord('Terminated.')).toBe('terminated')
  })

  it('drops a leading 已 and a trailing 中, 阶段 or 项目', () => {
    expect(stageFromWord('已签约项目')).toBe('signed')
    expect(stageFromWord('在谈项目')).toBe('negotiating')
    expect(stageFromWord('开工阶段')).toBe('started')
    expect(stageFromWord('运营中')).toBe('operating')
  })

  it('returns null for unknown or empty words', () => {
    for (const t of ['', '  ', '。', '进展顺利', '签', '已', '项目', 'done', '签约落地投产', '未签约']) {
      expect([t, stageFromWord(t)]).toEqual([t, null])
    }
  })
})
