// Rules of reading a 项目状态 word, found untested by a Stryker run of stage-words.ts
// (docs/mutation.md): punctuation around a word goes, punctuation inside it stays.
import { describe, expect, it } from 'vitest'
import { stageFromWord } from './stage-words'

describe('stageFromWord: punctuation', () => {
  it('drops any run of quotes and brackets around the word', () => {
    expect(stageFromWord('“【在谈】”')).toBe('negotiating')
    expect(stageFromWord('((签约))')).toBe('signed')
  })

  it('does not join two words listed with punctuation: the user is asked which stage is meant', () => {
    expect(stageFromWord('签约、落地')).toBeNull()
    expect(stageFromWord('签约/落地')).toBeNull()
  })
})

describe('stageFromWord: 已 before and 中 / 阶段 / 项目 after a word, nowhere else', () => {
  it('asks the user about a phrase with 已 inside it: 签约已落地 names two states', () => {
    expect(stageFromWord('签约已落地')).toBeNull()
    expect(stageFromWord('已签约')).toBe('signed')
  })

  it('asks the user about a phrase with 中 inside it: 中试生产 (pilot runs) is not 试生产 (trial runs of a finished plant)', () => {
    expect(stageFromWord('中试生产')).toBeNull()
    expect(stageFromWord('试生产中')).toBe('completed')
  })

  it('reads an empty or punctuation-only cell as no stage', () => {
    expect(stageFromWord('')).toBeNull()
    expect(stageFromWord(' —— ')).toBeNull()
  })
})
